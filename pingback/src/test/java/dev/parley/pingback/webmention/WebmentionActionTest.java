package dev.parley.pingback.webmention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebmentionActionTest {

    @ParameterizedTest(name = "seen before={0}, source {1} -> {2}")
    @CsvSource({
        "false, LINKS_TO_TARGET, CREATE",
        "false, LINK_REMOVED, REJECT",
        "false, GONE, REJECT",
        "false, UNAVAILABLE, REJECT",
        "true, LINKS_TO_TARGET, UPDATE",
        "true, LINK_REMOVED, DELETE",
        "true, GONE, DELETE",
        "true, UNAVAILABLE, KEEP",
    })
    void decisionFollowsTheRecommendation(boolean seenBefore, SourceCheck check, WebmentionAction action) {
        assertThat(WebmentionAction.decide(seenBefore, check)).isEqualTo(action);
    }

    @ParameterizedTest
    @CsvSource({
        "200, true, LINKS_TO_TARGET",
        "203, true, LINKS_TO_TARGET",
        "200, false, LINK_REMOVED",
        "410, false, GONE",
        "410, true, GONE",
        "404, false, UNAVAILABLE",
        "500, true, UNAVAILABLE",
        "301, true, UNAVAILABLE",
    })
    void fetchStatusAndLinkClassifyTheSource(int status, boolean links, SourceCheck check) {
        assertThat(SourceCheck.of(status, links)).isEqualTo(check);
    }

    @Test
    @DisplayName("A source answering 410 Gone deletes a mention seen before")
    void goneDeletesASeenMention() {
        assertThat(WebmentionAction.decide(true, SourceCheck.of(410, false))).isEqualTo(WebmentionAction.DELETE);
    }

    @Test
    @DisplayName("An outage never deletes a stored mention")
    void serverErrorKeepsASeenMention() {
        assertThat(WebmentionAction.decide(true, SourceCheck.of(503, false))).isEqualTo(WebmentionAction.KEEP);
    }
}
