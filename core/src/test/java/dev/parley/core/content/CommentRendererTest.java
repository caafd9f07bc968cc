package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CommentRendererTest {

    private static final CommentRenderer RENDERER = CommentRenderer.standard();
    /** A safety net against runaway work, far above what a render takes: not a performance assertion. */
    private static final Duration CAP = Duration.ofSeconds(20);

    @Test
    void standardRendererIsSharedAndHasTheDefaults() {
        assertThat(ContentRenderer.standard()).isSameAs(CommentRenderer.standard());
        assertThat(RENDERER.maxInputLength()).isEqualTo(65_535);
        assertThat(RENDERER.htmlParagraphs()).isTrue();
        assertThat(RENDERER.htmlLinks()).isTrue();
    }

    @Test
    void inputAtTheLimitIsRenderedAndOneCharacterMoreIsRefusedBeforeParsing() {
        CommentRenderer small = CommentRenderer.builder().maxInputLength(10).build();
        assertThat(small.render("0123456789", InputFormat.PLAIN_TEXT)).isEqualTo("<p>0123456789</p>");
        assertThatThrownBy(() -> small.render("01234567890", InputFormat.HTML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw is 11 characters, more than maxInputLength 10");
    }

    @Test
    void defaultLimitMatchesTheEnginesTextLimit() {
        String longest = "a".repeat(65_535);
        assertThat(RENDERER.render(longest, InputFormat.PLAIN_TEXT)).isEqualTo("<p>" + longest + "</p>");
        assertThatThrownBy(() -> RENDERER.render(longest + "a", InputFormat.PLAIN_TEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInputLength 65535");
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> RENDERER.render(null, InputFormat.HTML))
                .isInstanceOf(NullPointerException.class).hasMessage("raw");
        assertThatThrownBy(() -> RENDERER.render("x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("format");
    }

    @Test
    void buildRejectsAnOutOfRangeLimitNamingIt() {
        assertThatThrownBy(() -> CommentRenderer.builder().maxInputLength(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxInputLength must be 1 to 10000000, was 0");
        assertThatThrownBy(() -> CommentRenderer.builder().maxInputLength(10_000_001).build())
                .hasMessageContaining("maxInputLength");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        CommentRenderer custom = CommentRenderer.builder().maxInputLength(100).htmlParagraphs(false)
                .htmlLinks(false).build();
        CommentRenderer copy = custom.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(custom.toString())
                .isEqualTo("CommentRenderer[maxInputLength=100, htmlParagraphs=false, htmlLinks=false]");
    }

    @Test
    void withoutHtmlParagraphsNewlinesStayAndNothingIsWrapped() {
        CommentRenderer renderer = CommentRenderer.builder().htmlParagraphs(false).build();
        String html = renderer.render("a\n\nb<ul>\n<li>c</li></ul>", InputFormat.HTML);
        assertThat(html).isEqualTo("a\n\nb<ul>\n<li>c</li></ul>");
        assertThat(renderer.render(html, InputFormat.HTML)).isEqualTo(html);
    }

    @Test
    void withoutHtmlLinksBareUrlsInHtmlStayTextButPlainTextStillLinks() {
        CommentRenderer renderer = CommentRenderer.builder().htmlLinks(false).build();
        assertThat(renderer.render("see https://example.com", InputFormat.HTML))
                .isEqualTo("<p>see https://example.com</p>");
        assertThat(renderer.render("see https://example.com", InputFormat.PLAIN_TEXT))
                .isEqualTo("<p>see <a href=\"https://example.com\" rel=\"nofollow ugc\">https://example.com</a></p>");
    }

    @Test
    void deepNestingIsCappedAndDoesNotOverflowTheStack() {
        String deep = "<blockquote>".repeat(4_000) + "x" + "<q>".repeat(5_000);
        String html = assertTimeoutPreemptively(CAP, () -> RENDERER.render(deep, InputFormat.HTML));
        assertThat(depth(Jsoup.parseBodyFragment(html).body())).isLessThanOrEqualTo(64 + 2);
        assertThat(html).contains("x");
        assertThat(RENDERER.render(html, InputFormat.HTML)).isEqualTo(html);
    }

    @Test
    void hostileUrlLikeTextIsScannedInLinearTime() {
        String parens = "(https://a" + ")".repeat(65_000);
        String candidates = "(https://(".repeat(6_500);
        String wwws = "(www.a(".repeat(9_000);
        String urlsThenDots = "http://a\n".repeat(3_000) + ".".repeat(38_000);
        String urlsThenColons = "www.a.b ".repeat(3_375) + ":".repeat(38_000);
        assertTimeoutPreemptively(CAP, () -> {
            assertThat(Links.count(RENDERER.render(urlsThenDots, InputFormat.HTML))).isEqualTo(3_000);
            assertThat(Links.count(RENDERER.render(urlsThenColons, InputFormat.PLAIN_TEXT))).isEqualTo(3_375);
            assertThat(RENDERER.render(parens, InputFormat.PLAIN_TEXT)).startsWith("<p>(<a href=\"https://a\"");
            assertThat(RENDERER.render(candidates, InputFormat.PLAIN_TEXT)).doesNotContain("<a");
            assertThat(RENDERER.render(wwws, InputFormat.HTML)).doesNotContain("<a");
        });
    }

    @Test
    void manyLinesAndBlankLinesAreHandledWithinTheCap() {
        String lines = "word\n".repeat(13_000);
        String paragraphs = "p\n\n".repeat(21_000);
        assertTimeoutPreemptively(CAP, () -> {
            assertThat(Links.count(RENDERER.render(lines, InputFormat.HTML))).isZero();
            assertThat(RENDERER.render(paragraphs, InputFormat.HTML)).startsWith("<p>p</p><p>p</p>");
            assertThat(RENDERER.render(paragraphs, InputFormat.PLAIN_TEXT)).startsWith("<p>p</p><p>p</p>");
        });
    }

    private static int depth(Element element) {
        int deepest = 0;
        for (Element child : element.children()) {
            deepest = Math.max(deepest, 1 + depth(child));
        }
        return deepest;
    }
}
