package dev.parley.pingback.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.VerifiedLinkback;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whatever a page holds, verification returns a report whose texts are bounded plain text")
class HostilePageTest {

    private static final String TARGET = "https://target.example/p/";
    private static final String[] PIECES = {
        "<a href=\"https://target.example/p/\">", "</a>", "<p>", "</p>", "<div class=\"h-entry\">", "</div>",
        "<span class=\"p-name\">", "<span class=\"p-author h-card\">", "</span>", "<span class=\"e-content\">",
        "<img class=\"u-photo\" src=\"javascript:x\" alt=\"<b>\">", "<title>", "</title>", "<script>", "</script>",
        "<!--", "-->", "&lt;", "&gt;", "&amp;", "&#60;", "&#x3E;", "&#0;", "<", ">", "\u202e", "\ud800", "\u0000",
        "\n\t ", "word ", "<time class=\"dt-published\" datetime=\"2024-13-99T99:99Z\">", "<base href=\"//x\">",
        "<a class=\"u-in-reply-to\" href=\"/p/\">", "<textarea>", "</textarea>", "<svg><title>", "</svg>",
        "<template>", "</template>", "<blockquote>", "\u00a0", "<br>", "<li>", "\ud83d\ude00", "x".repeat(400),
    };

    @Test
    void randomTagSoup() {
        LinkVerifier verifier = LinkVerifier.builder().build();
        Random random = new Random(99);
        int linked = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder html = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            SourceReport report = verifier.verifyHtml(html.toString(), "https://source.example/a/b", TARGET);
            if (report.linksToTarget()) {
                linked++;
            }
            for (String text : new String[] {report.title(), report.excerpt(),
                report.author() == null || report.author().name() == null ? "" : report.author().name()}) {
                assertThat(text).doesNotContain("<", ">", "\u0000", "\u202e");
                assertThat(text.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isTrue();
            }
            assertThat(report.title()).hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_TITLE_LENGTH).isNotBlank();
            assertThat(report.excerpt()).hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_EXCERPT_LENGTH);
            if (report.author() != null) {
                assertThat(report.author().url()).satisfiesAnyOf(u -> assertThat(u).isNull(),
                        u -> assertThat(u).startsWith("https://"));
            }
        }
        assertThat(linked).isBetween(500, 2900);
    }

    @Test
    void deeplyNestedPage() {
        String html = "<div>".repeat(100_000) + "<a href=\"" + TARGET + "\">x</a>" + "</div>".repeat(100_000);
        SourceReport report = LinkVerifier.builder().build().verifyHtml(html, "https://source.example/", TARGET);
        assertThat(report.linksToTarget()).isTrue();
    }
}
