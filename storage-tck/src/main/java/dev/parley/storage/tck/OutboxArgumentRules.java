package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.TargetRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Misuse is an exception, and changes nothing. */
abstract class OutboxArgumentRules extends OutboxRules {

    OutboxArgumentRules(Supplier<LinkbackOutbox> outboxes, SettableClock clock) {
        super(outboxes, clock);
    }

    @Test
    @DisplayName("null arguments, and a null target, are refused with NullPointerException")
    void nulls() {
        Set<String> withNull = new HashSet<>();
        withNull.add(target("a"));
        withNull.add(null);
        assertThatThrownBy(() -> outbox().plan(null, targets("a"), false, now()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().plan(SOURCE, null, false, now())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().plan(SOURCE, withNull, false, now()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().plan(SOURCE, targets("a"), false, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().targets(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().record(null, target("a"), sent(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().record(SOURCE, null, sent(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> outbox().record(SOURCE, target("a"), null)).isInstanceOf(NullPointerException.class);
        assertNothingStored();
    }

    @Test
    @DisplayName("a URL that is blank, longer than MAX_URL_LENGTH, or holds a control character or an unpaired"
            + " surrogate is refused with IllegalArgumentException naming it, as source or as target")
    void malformedUrls() {
        List<String> bad = List.of("", " \t", "https://a.example/" + "x".repeat(LinkbackOutbox.MAX_URL_LENGTH - 17),
                "https://a.example/\nhttps://b.example/", "https://a.example/\u0000", "https://a.example/\u007F",
                "https://a.example/\uD83D", "https://a.example/\uDE00x");
        for (String url : bad) {
            assertThatThrownBy(() -> outbox().plan(url, targets("a"), false, now()))
                    .as("source %s", url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
            assertThatThrownBy(() -> outbox().plan(SOURCE, Set.of(target("a"), url), false, now()))
                    .as("target %s", url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
            assertThatThrownBy(() -> outbox().targets(url))
                    .as("source %s", url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
            assertThatThrownBy(() -> outbox().record(SOURCE, url, sent(1)))
                    .as("target %s", url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("a URL of exactly MAX_URL_LENGTH characters is accepted")
    void longestUrl() {
        String longest = "https://a.example/" + "x".repeat(LinkbackOutbox.MAX_URL_LENGTH - 18);

        assertThat(plan(longest, Set.of(longest))).containsExactly(longest);

        assertThat(records(longest)).extracting(TargetRecord::target).containsExactly(longest);
    }

    @Test
    @DisplayName("a delete that names targets, or more than MAX_TARGETS targets, is refused with"
            + " IllegalArgumentException")
    void badPlans() {
        assertThatThrownBy(() -> outbox().plan(SOURCE, targets("a"), true, now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleted");
        assertThatThrownBy(() -> outbox().plan(SOURCE, OutboxPlanRules.numbered("n", LinkbackOutbox.MAX_TARGETS + 1),
                false, now())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(LinkbackOutbox.MAX_TARGETS));
        assertNothingStored();
    }

    @Test
    @DisplayName("a run time outside the storable range is refused with IllegalArgumentException")
    void runAtOutOfRange() {
        assertThatThrownBy(() -> outbox().plan(SOURCE, targets("a"), false, Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run at");
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(records(SOURCE)).isEmpty();
        assertThat(waitingSends()).isZero();
    }
}
