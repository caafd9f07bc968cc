package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain-text input: exact input and output. */
class PlainTextRenderingTest {

    private static final ContentRenderer RENDERER = ContentRenderer.standard();

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("one line is one paragraph", "Hello, world.", "<p>Hello, world.</p>"),
                // Found by fuzzing: a URL that java.net.URL, and so jsoup's own check, does not read is no link.
                arguments("a URL whose port is not a number stays text",
                        "Visit www.exqme.ple.cs:i/ts? or https://examplhttps:https//example.net/",
                        "<p>Visit www.exqme.ple.cs:i/ts? or https://examplhttps:https//example.net/</p>"),
                arguments("a single newline is a line break", "One\nTwo", "<p>One<br>Two</p>"),
                arguments("a blank line separates paragraphs",
                        "First paragraph.\n\nSecond paragraph.",
                        "<p>First paragraph.</p><p>Second paragraph.</p>"),
                arguments("several blank lines are one separation, lines are stripped",
                        "  padded line  \n\n\n\n   next   ", "<p>padded line</p><p>next</p>"),
                arguments("a line of spaces and tabs is blank", "a\n \t \nb", "<p>a</p><p>b</p>"),
                arguments("CRLF and CR line ends count as newlines",
                        "Windows\r\nline\r\n\r\nold Mac\rline", "<p>Windows<br>line</p><p>old Mac<br>line</p>"),
                arguments("blank input renders nothing", " \n\t\n ", ""),
                arguments("markup is text", "<b>not bold</b> <script>alert(1)</script>",
                        "<p>&lt;b&gt;not bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>"),
                arguments("ampersands and quotes", "Tom & Jerry say \"hi\" and 'bye'",
                        "<p>Tom &amp; Jerry say \"hi\" and 'bye'</p>"),
                arguments("entities are not decoded", "&lt;b&gt; &amp; &#106;",
                        "<p>&amp;lt;b&amp;gt; &amp;amp; &amp;#106;</p>"),
                arguments("a no-break space is written as an entity", "a\u00a0b", "<p>a&nbsp;b</p>"),
                arguments("control characters are dropped", "bell\u0007 nul\u0000 del\u007f.",
                        "<p>bell nul del.</p>"),
                arguments("a bare https URL is linked", "https://example.com",
                        "<p><a href=\"https://example.com\" rel=\"nofollow ugc\">https://example.com</a></p>"),
                arguments("a bare http URL is linked", "see http://example.com/x",
                        "<p>see <a href=\"http://example.com/x\" rel=\"nofollow ugc\">http://example.com/x</a></p>"),
                arguments("a full stop after a URL ends the sentence", "See https://example.com.",
                        "<p>See <a href=\"https://example.com\" rel=\"nofollow ugc\">https://example.com</a>.</p>"),
                arguments("a comma after a URL, and a query with an ampersand",
                        "See https://example.com/path?q=1&r=2, then stop.",
                        "<p>See <a href=\"https://example.com/path?q=1&amp;r=2\" rel=\"nofollow ugc\">"
                                + "https://example.com/path?q=1&amp;r=2</a>, then stop.</p>"),
                arguments("several trailing punctuation marks", "Really? https://example.com/a?!...",
                        "<p>Really? <a href=\"https://example.com/a\" rel=\"nofollow ugc\">"
                                + "https://example.com/a</a>?!...</p>"),
                arguments("a URL in parentheses leaves the closing one out", "(https://example.com/a)",
                        "<p>(<a href=\"https://example.com/a\" rel=\"nofollow ugc\">https://example.com/a</a>)</p>"),
                arguments("balanced parentheses inside a URL stay in it",
                        "https://en.wikipedia.org/wiki/Tree_(graph_theory)",
                        "<p><a href=\"https://en.wikipedia.org/wiki/Tree_(graph_theory)\" rel=\"nofollow ugc\">"
                                + "https://en.wikipedia.org/wiki/Tree_(graph_theory)</a></p>"),
                arguments("a URL with parentheses inside parentheses",
                        "(see https://en.wikipedia.org/wiki/Tree_(graph_theory)).",
                        "<p>(see <a href=\"https://en.wikipedia.org/wiki/Tree_(graph_theory)\" rel=\"nofollow ugc\">"
                                + "https://en.wikipedia.org/wiki/Tree_(graph_theory)</a>).</p>"),
                arguments("an unopened bracket is left out", "https://example.com/[a]]",
                        "<p><a href=\"https://example.com/[a]\" rel=\"nofollow ugc\">https://example.com/[a]</a>]</p>"),
                arguments("a www. address links to https", "Visit www.example.org/docs!",
                        "<p>Visit <a href=\"https://www.example.org/docs\" rel=\"nofollow ugc\">www.example.org/docs</a>!</p>"),
                arguments("www. without a dotted host is not a URL", "www.example and www.", "<p>www.example and www.</p>"),
                arguments("a scheme without a host is not a URL", "http:// alone", "<p>http:// alone</p>"),
                arguments("e-mail addresses and mailto are not linked",
                        "mailto:someone@example.com and someone@example.com",
                        "<p>mailto:someone@example.com and someone@example.com</p>"),
                arguments("javascript: is never linked", "javascript:alert(1) is text",
                        "<p>javascript:alert(1) is text</p>"),
                arguments("an upper-case scheme is linked with the scheme in lower case", "HTTPS://EXAMPLE.COM/Upper",
                        "<p><a href=\"https://EXAMPLE.COM/Upper\" rel=\"nofollow ugc\">HTTPS://EXAMPLE.COM/Upper</a></p>"),
                arguments("a scheme glued to a word is not a URL", "xhttps://example.com is glued",
                        "<p>xhttps://example.com is glued</p>"),
                arguments("two URLs in one line", "two https://a.example and https://b.example links",
                        "<p>two <a href=\"https://a.example\" rel=\"nofollow ugc\">https://a.example</a> and "
                                + "<a href=\"https://b.example\" rel=\"nofollow ugc\">https://b.example</a> links</p>"),
                arguments("a URL in double quotes", "\"https://example.com/q\"",
                        "<p>\"<a href=\"https://example.com/q\" rel=\"nofollow ugc\">https://example.com/q</a>\"</p>"),
                arguments("a URL in angle brackets", "<https://example.com/angle>",
                        "<p>&lt;<a href=\"https://example.com/angle\" rel=\"nofollow ugc\">https://example.com/angle</a>&gt;</p>"),
                arguments("an apostrophe inside a URL stays, one after it goes", "'https://example.com/it's'",
                        "<p>'<a href=\"https://example.com/it's\" rel=\"nofollow ugc\">https://example.com/it's</a>'</p>"),
                arguments("non-ASCII letters belong to the URL, a CJK full stop does not",
                        "https://例え.jp/パス。次",
                        "<p><a href=\"https://例え.jp/パス\" rel=\"nofollow ugc\">https://例え.jp/パス</a>。次</p>"),
                arguments("a URL at the end of a line before a break", "first https://example.com\nsecond",
                        "<p>first <a href=\"https://example.com\" rel=\"nofollow ugc\">https://example.com</a><br>second</p>"),
                arguments("a quote cannot break out of the href", "https://example.com/\"onmouseover=alert(1)",
                        "<p><a href=\"https://example.com/\" rel=\"nofollow ugc\">https://example.com/</a>"
                                + "\"onmouseover=alert(1)</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersExactly(String description, String input, String expected) {
        assertThat(RENDERER.render(input, InputFormat.PLAIN_TEXT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAFixedPointOfHtmlRendering(String description, String input, String expected) {
        String rendered = RENDERER.render(input, InputFormat.PLAIN_TEXT);
        assertThat(RENDERER.render(rendered, InputFormat.HTML)).isEqualTo(rendered);
    }
}
