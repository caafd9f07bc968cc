package dev.parley.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Author WITH_CLIENT = new Author("Ann", "ann@example.org", null, null, "192.0.2.1", "UA");

    private final InMemoryCommentStore store = new InMemoryCommentStore();

    private Retention retention(int batchSize) {
        return Retention.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .settings(RetentionSettings.DEFAULTS.withBatchSize(batchSize)).build();
    }

    private Comment comment(String id, Instant created, Status status) {
        return Comment.builder().id(CommentId.of(id)).thread(ThreadKey.of("post")).asRoot().author(WITH_CLIENT)
                .text("t").html("<p>t</p>").status(status).createdAt(created).build();
    }

    private Comment stored(String id) {
        return store.find(CommentId.of(id)).orElseThrow();
    }

    @Test
    void defaultsAreThirtyDaysForClientDataAndSpam() {
        assertThat(RetentionSettings.DEFAULTS.clientData()).isEqualTo(Duration.ofDays(30));
        assertThat(RetentionSettings.DEFAULTS.spam()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void clientDataOlderThanTheRetentionIsClearedAndNewerKept() {
        store.insert(comment("old", NOW.minus(Duration.ofDays(31)), Status.APPROVED));
        store.insert(comment("edge", NOW.minus(Duration.ofDays(30)), Status.APPROVED));
        store.insert(comment("new", NOW.minus(Duration.ofDays(1)), Status.APPROVED));

        RetentionReport report = retention(100).run(10);

        assertThat(report).isEqualTo(new RetentionReport(1, 0, 2, true));
        assertThat(stored("old").author()).isEqualTo(WITH_CLIENT.withClient(null, null));
        assertThat(stored("edge").author()).isEqualTo(WITH_CLIENT);
        assertThat(stored("new").author()).isEqualTo(WITH_CLIENT);
    }

    @Test
    void aRunStopsAtItsBudgetOfBatchesAndTheNextCarriesOn() {
        for (int i = 0; i < 25; i++) {
            store.insert(comment("c" + i, NOW.minus(Duration.ofDays(40)).plusSeconds(i), Status.APPROVED));
        }

        RetentionReport first = retention(10).run(2);
        RetentionReport second = retention(10).run(5);

        assertThat(first).isEqualTo(new RetentionReport(20, 0, 2, false));
        assertThat(second).isEqualTo(new RetentionReport(5, 0, 2, true));
        assertThat(retention(10).run(5)).isEqualTo(new RetentionReport(0, 0, 2, true));
    }

    @Test
    void oldSpamIsDeletedButFreshVerdictsAndSpamWithRepliesStay() {
        Instant old = NOW.minus(Duration.ofDays(45));
        store.insert(comment("spam-old", old, Status.SPAM));
        store.insert(comment("spam-judged-yesterday", old.plusSeconds(1), Status.SPAM).toBuilder()
                .updatedAt(NOW.minus(Duration.ofDays(1))).build());
        Comment answered = comment("spam-answered", old.plusSeconds(2), Status.SPAM);
        store.insert(answered);
        store.insert(comment("reply", old.plusSeconds(3), Status.APPROVED).toBuilder().replyTo(answered).build());
        store.insert(comment("spam-new", NOW.minus(Duration.ofDays(2)), Status.SPAM));
        store.insert(comment("ham-old", old.plusSeconds(4), Status.APPROVED));

        RetentionReport report = retention(2).run(20);

        assertThat(report.spamDeleted()).isEqualTo(1);
        assertThat(report.finished()).isTrue();
        assertThat(store.find(CommentId.of("spam-old"))).isEmpty();
        assertThat(store.find(CommentId.of("spam-judged-yesterday"))).isPresent();
        assertThat(store.find(CommentId.of("spam-answered"))).isPresent();
        assertThat(store.find(CommentId.of("spam-new"))).isPresent();
        assertThat(store.find(CommentId.of("ham-old"))).isPresent();
    }

    @Test
    void misuseIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> retention(10).run(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Retention.builder().build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetentionSettings(Duration.ZERO, Duration.ofSeconds(1), 0))
                .withMessage("clientData must be at least a minute, was PT0S; spam must be at least a minute,"
                        + " was PT1S; batchSize must be 1 to 1000, was 0");
    }
}
