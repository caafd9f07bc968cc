package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact HTML in, exact targets out. */
@DisplayName("LinkExtractor finds the targets of a post")
class LinkExtractorTest {

    private static final URI POST = URI.create("https://blog.example/2024/05/post.html");

    private static List<String> targets(String html) {
        return LinkExtractor.extract(POST, html).stream().map(URI::toString).toList();
    }

    @Test
    @DisplayName("a and area hrefs in document order, resolved against the post's URL")
    void resolvesRelativeLinks() {
        assertThat(targets("<p><a href=\"https://other.example/a\">a</a> <a href=\"other.html\">b</a>"
                + "<map><area href=\"/root\"></map> <a href=\"../up\">c</a> <a href=\"?q=1\">d</a>"
                + "<a href=\"//cdn.example/x\">e</a></p>"))
                .containsExactly("https://other.example/a", "https://blog.example/2024/05/other.html",
                        "https://blog.example/root", "https://blog.example/2024/up",
                        "https://blog.example/2024/05/post.html?q=1", "https://cdn.example/x");
    }

    @Test
    @DisplayName("the first <base href> is the base, itself resolved against the post's URL")
    void baseHref() {
        assertThat(targets("<head><base href=\"/docs/\"><base href=\"https://ignored.example/\"></head>"
                + "<a href=\"page\">p</a><a href=\"/abs\">q</a>"))
                .containsExactly("https://blog.example/docs/page", "https://blog.example/abs");
        assertThat(targets("<base href=\"https://mirror.example/a/\"><a href=\"b\">b</a>"))
                .containsExactly("https://mirror.example/a/b");
    }

    @Test
    @DisplayName("a <base> without href is passed over for the first with one")
    void baseWithoutHref() {
        assertThat(targets("<base target=\"_blank\"><base href=\"/x/\"><a href=\"y\">y</a>"))
                .containsExactly("https://blog.example/x/y");
    }

    @ParameterizedTest(name = "href=\"{0}\"")
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:void(0)", "mailto:me@blog.example", "tel:+123",
        "ftp://files.example/x", "data:text/html,hi", "#comments", "  #top", "", "https://user:pw@site.example/",
        "http://site.example:99999/", "http://", "http://:80/"})
    @DisplayName("non-http(s), fragment-only, empty and unusable hrefs are dropped")
    void dropsNonHttp(String href) {
        assertThat(targets("<a href=\"" + href + "\">x</a>")).isEmpty();
    }

    @Test
    @DisplayName("the scheme may be written in any case")
    void schemeInAnyCase() {
        assertThat(targets("<a href=\"HTTPS://Other.Example/A\">a</a><a href=\"Http://x.example\">b</a>"))
                .containsExactly("https://other.example/A", "http://x.example/");
    }

    @Test
    @DisplayName("a scheme followed by other than two slashes is ambiguous (browsers and RFC 3986 disagree): dropped")
    void slashes() {
        assertThat(targets("<a href=\"https:///other.example/p\">x</a><a href=\"https:/other.example/q\">y</a>"))
                .isEmpty();
    }

    @Test
    @DisplayName("links to the post itself are dropped, fragment or not, however spelled")
    void dropsSelfLinks() {
        assertThat(targets("<a href=\"post.html#comments\">1</a><a href=\"https://BLOG.example:443/2024/05/post.html\">2"
                + "</a><a href=\"\">3</a><a href=\"./post.html\">4</a><a href=\"/next\">5</a>"))
                .containsExactly("https://blog.example/next");
    }

    @Test
    @DisplayName("fragments are removed and duplicates merged, keeping the first position")
    void mergesDuplicates() {
        assertThat(targets("<a href=\"https://a.example/x#one\">1</a><a href=\"https://b.example\">2</a>"
                + "<a href=\"HTTPS://A.EXAMPLE:443/x#two\">3</a><a href=\"https://b.example/\">4</a>"
                + "<a href=\"http://b.example:80\">5</a>"))
                .containsExactly("https://a.example/x", "https://b.example/", "http://b.example/");
    }

    @Test
    @DisplayName("hrefs in comments, scripts, text and templates, and other elements' URLs do not count")
    void onlyLiveAnchors() {
        assertThat(targets("<!-- <a href=\"https://c.example/\">c</a> -->"
                + "<script>var a = '<a href=\"https://s.example/\">';</script>"
                + "<p>&lt;a href=\"https://t.example/\"&gt;</p>"
                + "<template><a href=\"https://tpl.example/\">t</a></template>"
                + "<link rel=\"stylesheet\" href=\"https://css.example/\"><img src=\"https://img.example/\">"
                + "<a name=\"anchor\">no href</a>"))
                .isEmpty();
    }

    @Test
    @DisplayName("spaces and non-ASCII characters are percent-encoded, whitespace around the href trimmed")
    void encodes() {
        assertThat(targets("<a href=\"  https://wiki.example/Caf\u00e9 au lait \n\">x</a>"
                + "<a href=\"https://b\u00fccher.example/\">y</a>"))
                .containsExactly("https://wiki.example/Caf%C3%A9%20au%20lait", "https://xn--bcher-kva.example/");
    }

    @Test
    @DisplayName("malformed hrefs are skipped without an exception")
    void malformedHrefs() {
        assertThat(targets("<a href=\"http://[::1\">1</a><a href=\"https://ok.example/100%\">2</a>"
                + "<a href=\"http://bad host.example/\">3</a><a href=\"https://fine.example/\">4</a>"))
                .containsExactly("https://fine.example/");
    }

    @Test
    @DisplayName("any HTML is accepted: broken markup, no markup, binary noise")
    void anyHtml() {
        assertThat(targets("")).isEmpty();
        assertThat(targets("just text")).isEmpty();
        assertThat(targets("<a href=\"https://x.example/\"<<<>>><a href='https://y.example/'")).isNotNull();
        assertThat(targets("\u0000\uFFFF\uD800<a href=\"\uD800https://z.example/\">")).isNotNull();
        assertThat(targets("<a href=https://x.example/ok>unclosed <b><i>")).containsExactly("https://x.example/ok");
    }

    @Test
    @DisplayName("at most DEFAULT_MAX_TARGETS targets, the first ones in document order")
    void defaultCap() {
        String html = IntStream.range(0, 150).mapToObj(i -> "<a href=\"https://t.example/" + i + "\">x</a>")
                .reduce("", String::concat);

        List<URI> targets = LinkExtractor.extract(POST, html);

        assertThat(LinkExtractor.DEFAULT_MAX_TARGETS).isEqualTo(100);
        assertThat(targets).hasSize(100).first().isEqualTo(URI.create("https://t.example/0"));
        assertThat(targets.get(99)).isEqualTo(URI.create("https://t.example/99"));
    }

    @Test
    @DisplayName("a given cap counts distinct targets, not anchors")
    void givenCap() {
        String html = "<a href=\"https://a.example/\">1</a><a href=\"https://a.example/\">1</a>"
                + "<a href=\"https://b.example/\">2</a><a href=\"https://c.example/\">3</a>";

        assertThat(LinkExtractor.extract(POST, html, 2)).containsExactly(URI.create("https://a.example/"),
                URI.create("https://b.example/"));
        assertThat(LinkExtractor.extract(POST, html, 10_000)).hasSize(3);
    }

    @Test
    @DisplayName("a cap outside 1..10,000, a non-http source or a null argument is misuse")
    void misuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> LinkExtractor.extract(POST, "", 0))
                .withMessageContaining("maxTargets");
        assertThatIllegalArgumentException().isThrownBy(() -> LinkExtractor.extract(POST, "", 10_001));
        assertThatIllegalArgumentException().isThrownBy(() -> LinkExtractor.extract(URI.create("/relative"), ""))
                .withMessageContaining("source");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LinkExtractor.extract(URI.create("mailto:a@b.example"), ""));
        assertThatNullPointerException().isThrownBy(() -> LinkExtractor.extract(null, ""));
        assertThatNullPointerException().isThrownBy(() -> LinkExtractor.extract(POST, null));
    }

    @Test
    @DisplayName("the result is immutable")
    void immutable() {
        List<URI> targets = LinkExtractor.extract(POST, "<a href=\"https://a.example/\">a</a>");

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> targets.add(URI.create("https://b.example/")));
    }
}
