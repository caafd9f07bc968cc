package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void countsLinksInRenderedHtmlIncludingLinkedBareUrls() {
        String html = ContentRenderer.standard().render(
                "see https://a.example and <a href=\"https://b.example\">b</a>", InputFormat.HTML);
        assertThat(Links.count(html)).isEqualTo(2);
    }

    @Test
    void countsAnchorsWithAnHrefInRawHtmlWhateverTheScheme() {
        assertThat(Links.count("<a href=\"javascript:x\">1</a><A HREF=/rel>2</A><a>no href</a><a href=\" \">blank</a>"))
                .isEqualTo(2);
    }

    @Test
    void textWithoutTagsHasNoLinks() {
        assertThat(Links.count("https://a.example https://b.example")).isZero();
    }

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "https://example.com|https://example.com",
        "http://example.com/blog?x=1#top|http://example.com/blog?x=1#top",
        "  https://example.com/  |https://example.com/",
        "HTTPS://Example.com/Path|https://Example.com/Path",
        "example.com|https://example.com",
        "example.com/blog|https://example.com/blog",
        "localhost:8080/x|https://localhost:8080/x",
        "https://[2001:db8::1]/|https://[2001:db8::1]/",
        "https://bücher.example/|https://bücher.example/"})
    void acceptsAuthorUrls(String candidate, String expected) {
        assertThat(Links.httpUrl(candidate)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {
        "", "   ", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "mailto:a@b.c",
        "ftp://example.com", "//example.com", "/relative", "https://", "https:///path", "https://user:pw@example.com",
        "https://evil.example@good.example", "https://exa mple.com", "https://example.com/\"onmouseover=x",
        "https://example.com/<script>", "https:\\\\example.com", "java\tscript:alert(1)", "https://example.com/\u0000",
        "-example.com"})
    void refusesEverythingElse(String candidate) {
        assertThat(Links.httpUrl(candidate)).isEmpty();
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> Links.count(null)).isInstanceOf(NullPointerException.class).hasMessage("html");
        assertThatThrownBy(() -> Links.httpUrl(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("candidate");
    }
}
