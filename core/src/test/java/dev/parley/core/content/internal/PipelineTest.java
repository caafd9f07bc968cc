package dev.parley.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineTest {

    @Test
    void theSharedTagsHoldEveryAllowedTagAndTheFragmentRoots() {
        TagSet expected = TagSet.Html();
        for (String tag : ContentPolicy.TAGS) {
            expected.valueOf(tag, Parser.NamespaceHtml);
        }
        expected.valueOf("html", Parser.NamespaceHtml);
        expected.valueOf("body", Parser.NamespaceHtml);

        assertThat(Pipeline.TAGS).isEqualTo(expected);
    }

    @Test
    void aParseTellsWhetherItMetATagOutsideTheSharedSet() {
        // Were this always false, every comment would be normalized and nothing else would show it.
        assertThat(Pipeline.parse("<p>a <em>b</em> <a href=\"https://e.example\">c</a>\n\nd</p>").onlyCommonTags())
                .isTrue();
        assertThat(Pipeline.parse("plain words, no tags").onlyCommonTags()).isTrue();
        assertThat(Pipeline.parse("<div>a</div>").onlyCommonTags()).isFalse();
        assertThat(Pipeline.parse("<custom-element>a</custom-element>").onlyCommonTags()).isFalse();
        assertThat(Pipeline.parse("<script>a</script>").onlyCommonTags()).isFalse();
    }

    @Test
    void whatAParseRecordsOnItsTagsStaysInThatParse() {
        Pipeline pipeline = new Pipeline(true, true);
        TagSet before = new TagSet(Pipeline.TAGS);

        // jsoup marks a tag written self-closing on the parse's tag set, and adds the unknown and uncommon
        // tags it meets; none of that may reach the set every parse starts from.
        pipeline.html("<em/>x <p/>y <custom-element>z</custom-element><section>w</section>");

        assertThat(Pipeline.TAGS).isEqualTo(before);
        assertThat(Pipeline.TAGS.get("em", Parser.NamespaceHtml).is(Tag.SeenSelfClose)).isFalse();
        assertThat(Pipeline.TAGS.get("p", Parser.NamespaceHtml).is(Tag.SeenSelfClose)).isFalse();
        assertThat(pipeline.html("<em>x</em> y")).isEqualTo("<p><em>x</em> y</p>");
    }

    private static final SafeHtmlWriter WRITER = new SafeHtmlWriter(ContentPolicy.safelist());

    private static Element parse(String html) {
        Element body = Texts.body();
        body.appendChildren(Parser.parseFragment(html, Texts.body(), ""));
        return body;
    }

    /** The long way: normalize, then write. */
    private static String normalizedThenWritten(String html) {
        Element body = parse(html);
        TreeNormalizer.normalize(body, WRITER::hasTarget, new Steps());
        return WRITER.write(body, html.length(), true, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "a<!-- note -->b", "<div>x</div>", "<span>x</span>", "<a href=\"javascript:x\">y</a>", "<a>no target</a>",
        "<li>outside a list</li>", "<script>x</script>", "<em><li>x</li></em>", "<pre><li>x</li></pre>"})
    void aTreeTheNormalizerWouldChangeIsNotWrittenStrictly(String html) {
        assertThat(WRITER.writeIfNormal(parse(html), html.length(), true, true)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "plain words", "a\n\nb\nc", "<p>x</p><ul><li>a</li></ul>", "<a href=\"https://e.example\">e</a> www.f.example",
        "<blockquote>q\n\nr</blockquote>", "<pre>\n code</pre>", "<em>x</em> <code>y</code>"})
    void aTreeTheNormalizerWouldLeaveAloneIsWrittenStraightAway(String html) {
        assertThat(WRITER.writeIfNormal(parse(html), html.length(), true, true))
                .isNotNull()
                .isEqualTo(normalizedThenWritten(html));
    }

    @Test
    void everyRenderEqualsNormalizingThenWriting() {
        String[] pieces = {
            "<p>", "</p>", "<br>", "<pre>", "</pre>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
            "<blockquote>", "</blockquote>", "<em>", "</em>", "<b>", "</b>", "<code>", "</code>", "<q cite=x>",
            "</q>", "<a href=\"https://e.example/a\">", "<a href=javascript:x>", "<a>", "</a>", "<div>", "</div>",
            "<span>", "</span>", "<h1>", "</h1>", "<script>s</script>", "<!-- c -->", "<abbr title=t>", "</abbr>",
            "text", " ", "\n", "\n\n", " \n \n ", "https://x.example/p", " www.e.example ", "&amp;", "&lt;",
            "&mdash;", "\u00a0", "<li>item", "<hr>", "<font>f</font>"};
        Random random = new Random(20261129);
        Pipeline pipeline = new Pipeline(true, true);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(20); j >= 0; j--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            String input = html.toString();
            assertThat(pipeline.html(input)).as(input).isEqualTo(normalizedThenWritten(input));
        }
    }
}
