package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTML input: exact input and output. */
class HtmlRenderingTest {

    private static final ContentRenderer RENDERER = ContentRenderer.standard();
    private static final String REL = " rel=\"nofollow ugc\"";

    static Stream<Arguments> cases() {
        return Stream.of(
                // Paragraphs and line breaks
                arguments("loose text becomes a paragraph", "Plain words", "<p>Plain words</p>"),
                arguments("paragraphs stay, whitespace between them goes", "<p>One</p>\n\n<p>Two</p>",
                        "<p>One</p><p>Two</p>"),
                arguments("blank lines make paragraphs, a newline a break", "First\n\nSecond\nline",
                        "<p>First</p><p>Second<br>line</p>"),
                arguments("a newline inside a paragraph is a break", "<p>a\nb</p>", "<p>a<br>b</p>"),
                arguments("a newline next to a break is not doubled", "line<br>\nbreak", "<p>line<br>break</p>"),
                arguments("a blank line inside a blockquote makes paragraphs in it", "<blockquote>One\n\nTwo</blockquote>",
                        "<blockquote><p>One</p><p>Two</p></blockquote>"),
                arguments("text around a list", "Intro\n<ul><li>a</li></ul>\nOutro",
                        "<p>Intro</p><ul><li>a</li></ul><p>Outro</p>"),
                arguments("pre keeps its whitespace and newlines", "<pre>  keep\n\n  spacing &lt;tag&gt;</pre>",
                        "<pre>  keep\n\n  spacing &lt;tag&gt;</pre>"),
                arguments("a newline opening pre is kept through the parser", "<pre>\n\nafter a blank line</pre>",
                        "<pre>\n\nafter a blank line</pre>"),
                arguments("an empty paragraph stays", "<p></p>", "<p></p>"),
                arguments("whitespace-only input renders nothing", "  \n\n \t ", ""),
                arguments("spaces inside an explicit paragraph stay", "<p>  spaced  </p>", "<p>  spaced  </p>"),
                arguments("a block inside an inline element is not wrapped", "<strong><p>block</p></strong>",
                        "<strong><p>block</p></strong>"),
                // Every allowed element and attribute
                arguments("inline formatting elements",
                        "<b>b</b> <i>i</i> <em>em</em> <strong>strong</strong> <s>s</s> <strike>strike</strike> "
                                + "<code>code</code> <cite>cite</cite>",
                        "<p><b>b</b> <i>i</i> <em>em</em> <strong>strong</strong> <s>s</s> <strike>strike</strike> "
                                + "<code>code</code> <cite>cite</cite></p>"),
                arguments("del keeps datetime", "<del datetime=\"2024-01-01T10:00Z\">old</del>",
                        "<p><del datetime=\"2024-01-01T10:00Z\">old</del></p>"),
                arguments("abbr and acronym keep title",
                        "<abbr title=\"HyperText Markup Language\">HTML</abbr> <acronym title=\"Not A Thing\">NAT</acronym>",
                        "<p><abbr title=\"HyperText Markup Language\">HTML</abbr> <acronym title=\"Not A Thing\">NAT</acronym></p>"),
                arguments("q keeps an https cite", "<q cite=\"https://example.com/q\">quoted</q>",
                        "<p><q cite=\"https://example.com/q\">quoted</q></p>"),
                arguments("blockquote keeps an http cite", "<blockquote cite=\"http://example.com/src\">Quote</blockquote>",
                        "<blockquote cite=\"http://example.com/src\"><p>Quote</p></blockquote>"),
                arguments("a keeps href and title", "<a href=\"https://example.com\" title=\"Example\">link</a>",
                        "<p><a href=\"https://example.com\" title=\"Example\"" + REL + ">link</a></p>"),
                arguments("an http link", "<a href=\"http://example.com\">http</a>",
                        "<p><a href=\"http://example.com\"" + REL + ">http</a></p>"),
                arguments("a mailto link", "<a href=\"mailto:someone@example.com\">mail</a>",
                        "<p><a href=\"mailto:someone@example.com\"" + REL + ">mail</a></p>"),
                arguments("nested lists, indentation dropped",
                        "<ul>\n  <li>one</li>\n  <li>two\n    <ol>\n      <li>nested</li>\n    </ol>\n  </li>\n</ul>",
                        "<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>"),
                arguments("unclosed list items are closed", "<ol><li>a<li>b</ol>", "<ol><li>a</li><li>b</li></ol>"),
                // Links: rel, target, schemes
                arguments("an existing rel is replaced", "<a href=\"https://example.com\" rel=\"follow\">x</a>",
                        "<p><a href=\"https://example.com\"" + REL + ">x</a></p>"),
                arguments("target and rel=noopener are dropped",
                        "<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener\">y</a>",
                        "<p><a href=\"https://example.com\"" + REL + ">y</a></p>"),
                arguments("rel=\"nofollow ugc\" is not doubled", "<a href=\"https://example.com\" rel=\"nofollow ugc\">z</a>",
                        "<p><a href=\"https://example.com\"" + REL + ">z</a></p>"),
                arguments("id, class, style and handlers are dropped",
                        "<a href=\"https://example.com\" id=\"i\" class=\"c\" style=\"color:red\" onclick=\"x()\">a</a>",
                        "<p><a href=\"https://example.com\"" + REL + ">a</a></p>"),
                arguments("relative, fragment and scheme-relative links lose the link, keep the text",
                        "<a href=\"/relative\">one</a> <a href=\"page.html\">two</a> <a href=\"#top\">three</a> "
                                + "<a href=\"//example.com\">four</a>",
                        "<p>one two three four</p>"),
                // Found by fuzzing: a URL that java.net.URL, and so jsoup's own check, does not read is no link.
                arguments("a link whose port is not a number keeps its text only",
                        "<a href=\"https://a.example:x/\">click</a> <q cite=\"http://[::1/\">q</q>",
                        "<p>click <q>q</q></p>"),
                arguments("a bare URL whose port is not a number is not linked", "see www.a.example:i/ts now",
                        "<p>see www.a.example:i/ts now</p>"),
                arguments("a javascript link keeps its text only", "<a href=\"javascript:alert(1)\">click</a>",
                        "<p>click</p>"),
                arguments("a link without href is text", "<a title=\"no href\">no href</a>", "<p>no href</p>"),
                arguments("the href scheme is lower-cased and surrounding spaces go",
                        "<a href=\"  HTTPS://EXAMPLE.COM/ \">upper</a>",
                        "<p><a href=\"https://EXAMPLE.COM/\"" + REL + ">upper</a></p>"),
                arguments("tabs and newlines inside an href are removed, as browsers do",
                        "<a href=\"ht\ttps://exam\nple.com/\">split</a>",
                        "<p><a href=\"https://example.com/\"" + REL + ">split</a></p>"),
                arguments("an ampersand in an href is escaped once",
                        "<a href=\"https://example.com/?a=1&amp;b=2\">q</a>",
                        "<p><a href=\"https://example.com/?a=1&amp;b=2\"" + REL + ">q</a></p>"),
                arguments("cite with javascript or mailto is dropped, the element kept",
                        "<q cite=\"javascript:alert(1)\">q</q> <blockquote cite=\"mailto:a@b.c\">bq</blockquote>",
                        "<p><q>q</q></p><blockquote><p>bq</p></blockquote>"),
                arguments("a link inside a link: the parser closes the first",
                        "<a href=\"https://example.com\"><a href=\"https://other.example\">nested</a></a>",
                        "<p><a href=\"https://example.com\"" + REL + "></a><a href=\"https://other.example\"" + REL
                                + ">nested</a></p>"),
                // Bare URLs
                arguments("a bare URL is linked, an existing link is not relinked",
                        "see https://example.com/bare and <a href=\"https://example.com/l\">https://example.com/l</a>",
                        "<p>see <a href=\"https://example.com/bare\"" + REL + ">https://example.com/bare</a> and "
                                + "<a href=\"https://example.com/l\"" + REL + ">https://example.com/l</a></p>"),
                arguments("URLs in code and pre stay text",
                        "<code>https://example.com/c</code> <pre>https://example.com/p</pre>",
                        "<p><code>https://example.com/c</code></p><pre>https://example.com/p</pre>"),
                arguments("a www. address inside emphasis",
                        "<em>www.example.com</em>",
                        "<p><em><a href=\"https://www.example.com\"" + REL + ">www.example.com</a></em></p>"),
                arguments("the shortest URLs are linked, alone in an element",
                        "<em>www.a.b</em> <i>http://a</i> <b>www.a.</b>",
                        "<p><em><a href=\"https://www.a.b\"" + REL + ">www.a.b</a></em> <i><a href=\"http://a\"" + REL
                                + ">http://a</a></i> <b>www.a.</b></p>"),
                arguments("a URL split by a removed element is seen whole",
                        "https://exa<span>mple.com</span>/x",
                        "<p><a href=\"https://example.com/x\"" + REL + ">https://example.com/x</a></p>"),
                // Disallowed elements
                arguments("div, span and headings are unwrapped, lines kept apart",
                        "<div>div</div><span>span</span><h1>heading</h1>", "<p>div<br>span<br>heading</p>"),
                arguments("a heading between paragraphs", "<p>a</p><h2>Title</h2><p>b</p>",
                        "<p>a</p><p>Title</p><p>b</p>"),
                arguments("a table becomes its cell texts", "<table><tr><td>1</td><td>2</td></tr></table>",
                        "<p>1<br>2</p>"),
                arguments("an image is removed", "<img src=\"https://example.com/x.png\" alt=\"x\">after",
                        "<p>after</p>"),
                arguments("font is unwrapped", "<font color=red>font</font>", "<p>font</p>"),
                arguments("script and style are removed with their content",
                        "<script>alert(1)</script>text<style>p{}</style>", "<p>text</p>"),
                arguments("an iframe is removed with its content", "a<iframe src=\"https://x.example\">fallback</iframe>b",
                        "<p>ab</p>"),
                arguments("a textarea is removed with its content", "<textarea>typed</textarea>kept", "<p>kept</p>"),
                arguments("list items outside a list become lines", "<li>orphan</li><li>items</li>",
                        "<p>orphan<br>items</p>"),
                arguments("a list a browser would move out of a paragraph is flattened",
                        "<p>a<marquee><ul><li>x</li><li>y</li></ul></marquee></p>", "<p>a<br>x<br>y</p>"),
                arguments("a paragraph closes before a list, as browsers do", "<p>para <ul><li>list</li></ul>",
                        "<p>para </p><ul><li>list</li></ul>"),
                arguments("comments are removed", "<!-- note -->visible", "<p>visible</p>"),
                // Found by fuzzing: whitespace a bare-URL link leaves alone directly in a list is dropped, as the
                // second rendering drops it, so the output is a fixed point.
                arguments("a bare URL directly in a list loses the whitespace beside it", "<ul> www.e.example </ul>",
                        "<ul><a href=\"https://www.e.example\" rel=\"nofollow ugc\">www.e.example</a></ul>"),
                arguments("two bare URLs directly in a list lose the space between them",
                        "<ol>https://a.example https://b.example x</ol>",
                        "<ol><a href=\"https://a.example\" rel=\"nofollow ugc\">https://a.example</a>"
                                + "<a href=\"https://b.example\" rel=\"nofollow ugc\">https://b.example</a> x</ol>"),
                // Found by fuzzing: characters the output drops are gone before bare URLs are looked for, so a URL
                // they split is linked on the first rendering, not only on the second.
                arguments("a URL split by control characters is linked without them",
                        "<ul>*ww\u0006\u0000w.e.l+></ul>",
                        "<ul>*<a href=\"https://www.e.l+\" rel=\"nofollow ugc\">www.e.l+</a>&gt;</ul>"),
                arguments("a control character beside a URL is dropped before it is linked",
                        "ww\u0001w.example.com and https://example.org\u007f/x",
                        "<p><a href=\"https://www.example.com\" rel=\"nofollow ugc\">www.example.com</a> and "
                                + "<a href=\"https://example.org/x\" rel=\"nofollow ugc\">https://example.org/x</a></p>"),
                arguments("a newline after a pre's dropped control character stays a newline",
                        "<pre>\u0001\nx</pre>", "<pre>\n\nx</pre>"),
                arguments("text directly in a list that is blank once control characters go is dropped",
                        "<ul>\u0001 <li>a</li></ul>", "<ul><li>a</li></ul>"),
                // Entities and broken markup
                arguments("entities are decoded and re-escaped minimally",
                        "&amp; &lt; &gt; &quot; &#39; &copy; &#x263A; &nbsp; &bogus;",
                        "<p>&amp; &lt; &gt; \" ' © ☺ &nbsp; &amp;bogus;</p>"),
                arguments("stray angle brackets and ampersands are escaped", "5 < 6 and 7 > 3 & 8",
                        "<p>5 &lt; 6 and 7 &gt; 3 &amp; 8</p>"),
                arguments("unclosed tags are closed", "<b>unclosed <i>nesting", "<p><b>unclosed <i>nesting</i></b></p>"),
                arguments("misnested tags are repaired", "<b>bold <i>both</b> italic</i>",
                        "<p><b>bold <i>both</i></b><i> italic</i></p>"),
                arguments("attribute values are escaped", "<abbr title='a \"b\" <c> &amp; d'>x</abbr>",
                        "<p><abbr title=\"a &quot;b&quot; &lt;c&gt; &amp; d\">x</abbr></p>"),
                arguments("CRLF line ends", "a\r\n\r\nb\r\nc", "<p>a</p><p>b<br>c</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersExactly(String description, String input, String expected) {
        assertThat(RENDERER.render(input, InputFormat.HTML)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAFixedPoint(String description, String input, String expected) {
        String rendered = RENDERER.render(input, InputFormat.HTML);
        assertThat(RENDERER.render(rendered, InputFormat.HTML)).isEqualTo(rendered);
    }
}
