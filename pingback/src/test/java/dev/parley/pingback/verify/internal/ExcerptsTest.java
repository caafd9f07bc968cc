package dev.parley.pingback.verify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    @DisplayName("an odd room split between a long text before the link and exactly half of it after stays in the text")
    void oddRoomWithExactlyHalfAfterTheLinkStaysWithinTheText() {
        // max 20: a budget of 12, 11 left beside the one-character link text: 5 each side and one over. The text
        // after the link has exactly 5 characters, so the odd one must go before it, not past the end.
        Element link = Jsoup.parse("<p>xxxxxxxxxxxxxxxxxxxx <a href=\"https://target.example/\">L</a> bbbb</p>")
                .selectFirst("a");

        String excerpt = Excerpts.around(link, 50, 20);

        assertThat(excerpt).endsWith("L bbbb").hasSizeLessThanOrEqualTo(20);
    }
}
