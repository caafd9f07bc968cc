package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RFC 8288 Link header parser, exact input to parsed link-values. */
@DisplayName("Link header values parse after RFC 8288")
class LinkHeadersTest {

    @Test
    @DisplayName("targets end at '>' only, so commas and semicolons inside stay")
    void targetsHoldCommasAndSemicolons() {
        assertThat(LinkHeaders.parse("</a,b;c>; rel=x, </d>; rel=\"y z\""))
                .containsExactly(new LinkHeaders.LinkValue("/a,b;c", "x"), new LinkHeaders.LinkValue("/d", "y z"));
    }

    @Test
    @DisplayName("quoted values keep commas and semicolons and unescape backslashes")
    void quotedStrings() {
        assertThat(LinkHeaders.parse("</a>; title=\"x, y; \\\"z\\\"\"; rel=\"webmention\""))
                .containsExactly(new LinkHeaders.LinkValue("/a", "webmention"));
    }

    @Test
    @DisplayName("only the first rel parameter counts; names are case-insensitive")
    void firstRelOnly() {
        assertThat(LinkHeaders.parse("</a>; REL=one; rel=two"))
                .containsExactly(new LinkHeaders.LinkValue("/a", "one"));
    }

    @Test
    @DisplayName("whitespace and newlines around the parts are allowed")
    void whitespace() {
        assertThat(LinkHeaders.parse(" \t</a> ;\n rel = \"webmention\" , </b>"))
                .containsExactly(new LinkHeaders.LinkValue("/a", "webmention"), new LinkHeaders.LinkValue("/b", null));
    }

    @Test
    @DisplayName("malformed link-values are skipped and parsing resumes after the next top-level comma")
    void malformedValuesAreSkipped() {
        assertThat(LinkHeaders.parse("junk, </a>; rel=x y, </b>; rel=\"unterminated, </c>; rel=ok"))
                .isEmpty();
        assertThat(LinkHeaders.parse("junk \"with, comma\", </a>; rel=x stray, </b>; rel=ok"))
                .containsExactly(new LinkHeaders.LinkValue("/b", "ok"));
        assertThat(LinkHeaders.parse("<never closed; rel=webmention")).isEmpty();
        assertThat(LinkHeaders.parse("")).isEmpty();
        assertThat(LinkHeaders.parse(",,, ;;")).isEmpty();
    }

    @Test
    @DisplayName("rel tokens match case-insensitively, split on space, tab and newline, never by substring")
    void relTokens() {
        assertThat(HtmlLinks.hasRelToken("me\twebmention", "webmention")).isTrue();
        assertThat(HtmlLinks.hasRelToken("me\nWEBMENTION\r\n", "webmention")).isTrue();
        assertThat(HtmlLinks.hasRelToken("not-webmention", "webmention")).isFalse();
        assertThat(HtmlLinks.hasRelToken("webmentions", "webmention")).isFalse();
        assertThat(HtmlLinks.hasRelToken("", "webmention")).isFalse();
    }
}
