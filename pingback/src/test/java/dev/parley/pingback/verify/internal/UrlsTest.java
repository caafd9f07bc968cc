package dev.parley.pingback.verify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Urls canonicalises and resolves http(s) URLs like a browser, then compares exactly")
class UrlsTest {

    private static final String BASE = "https://example.com/a/b/c?q=1";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS://Example.COM|https://example.com/",
        "http://example.com:80/x|http://example.com/x",
        "https://example.com:443/x|https://example.com/x",
        "https://example.com:/x|https://example.com/x",
        "http://example.com:8080/x|http://example.com:8080/x",
        "https://example.com/x#frag|https://example.com/x",
        "https://example.com/x?y#frag|https://example.com/x?y",
        "https://example.com/a/./b/../c|https://example.com/a/c",
        "https://example.com/a/%2e%2E/c|https://example.com/c",
        "https://example.com/../../x|https://example.com/x",
        "https://example.com/a b|https://example.com/a%20b",
        "https://example.com/caf\u00e9?q=\u00e9|https://example.com/caf%C3%A9?q=%C3%A9",
        "https://example.com/%7e|https://example.com/%7e",
        "https:example.com/x|https://example.com/x",
        "https:\\\\example.com\\x|https://example.com/x",
        "https:///example.com/x|https://example.com/x",
        "https://b\u00fccher.example/|https://xn--bcher-kva.example/",
        "https://[::1]:443/|https://[::1]/",
    })
    void canonical(String input, String expected) {
        assertThat(Urls.canonical(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "//example.com/", "ftp://example.com/", "javascript:alert(1)",
        "https://user@example.com/", "https://user:pw@example.com/", "https://",
        "https://example.com:65536/", "https://example.com:8o/", "https://exa%41mple.com/",
        "https://exa<mple.com/", "mailto:a@example.com", "data:text/html,x"})
    void notAnAcceptedUrl(String input) {
        assertThat(Urls.canonical(input)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "d|https://example.com/a/b/d",
        "./d|https://example.com/a/b/d",
        "../d|https://example.com/a/d",
        "../../../../d|https://example.com/d",
        "/d|https://example.com/d",
        "//other.example/d|https://other.example/d",
        "?z=2|https://example.com/a/b/c?z=2",
        "#top|https://example.com/a/b/c?q=1",
        "''|https://example.com/a/b/c?q=1",
        "'  \t d \n'|https://example.com/a/b/d",
        "http://other.example|http://other.example/",
        "https:d|https://example.com/a/b/d",
        "\\d|https://example.com/d",
        "d?x\\y|https://example.com/a/b/d?x\\y",
    })
    void resolve(String reference, String expected) {
        assertThat(Urls.resolve(BASE, reference)).isEqualTo(expected);
    }

    @Test
    void referencesToOtherSchemesDoNotResolve() {
        assertThat(Urls.resolve(BASE, "javascript:void(0)")).isNull();
        assertThat(Urls.resolve(BASE, "mailto:x@example.com")).isNull();
        assertThat(Urls.resolve(BASE, "data:,x")).isNull();
    }

    @Test
    void trailingSlashAndQueryAreSignificant() {
        assertThat(Urls.canonical("https://example.com/p")).isNotEqualTo(Urls.canonical("https://example.com/p/"));
        assertThat(Urls.canonical("https://example.com/p")).isNotEqualTo(Urls.canonical("https://example.com/p?"));
        assertThat(Urls.canonical("https://example.com/P")).isNotEqualTo(Urls.canonical("https://example.com/p"));
    }
}
