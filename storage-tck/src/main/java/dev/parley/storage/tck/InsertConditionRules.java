package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conditional inserts: fingerprints refuse duplicates and quiet keys refuse floods, checked and written in
 * one atomic step. The kit requires them: without them the engine's duplicate and flood rules hold only
 * within one JVM, not across several application instances on one database.
 */
abstract class InsertConditionRules extends StoreRules {

    static final int RACERS = 8;
    static final int FLOODERS = 16;
    static final int ROUNDS = 10;

    InsertConditionRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    private static InsertConditions fingerprint(String value) {
        return InsertConditions.NONE.withFingerprint(value);
    }

    private static InsertConditions quiet(Instant since, String... keys) {
        return InsertConditions.NONE.withQuietKeys(Set.of(keys), since);
    }

    @Test
    @DisplayName("the store enforces insert conditions: supportsInsertConditions() is true")
    void supportsConditions() {
        assertThat(store().supportsInsertConditions()).isTrue();
    }

    @Test
    @DisplayName("without conditions a conditional insert stores the comment like insert")
    void noConditionsIsAPlainInsert() {
        Comment comment = Comments.root("c1", "t", at(0)).build();

        assertThat(store().insert(comment, InsertConditions.NONE)).isEqualTo(new InsertResult.Inserted());

        assertThat(stored("c1")).isEqualTo(comment);
        assertThatThrownBy(() -> store().insert(comment, InsertConditions.NONE))
                .isInstanceOf(DuplicateCommentException.class);
    }

    @Test
    @DisplayName("a second comment with a held fingerprint is refused as a Duplicate naming the first, and not stored")
    void heldFingerprintRefusesDuplicate() {
        store().insert(Comments.root("c1", "t", at(0)).build(), fingerprint("same"));

        InsertResult second = store().insert(Comments.root("c2", "t", at(1)).build(), fingerprint("same"));

        assertThat(second).isEqualTo(new InsertResult.Duplicate(id("c1")));
        assertThat(store().find(id("c2"))).isEmpty();
        assertThat(store().insert(Comments.root("c3", "t", at(2)).build(), fingerprint("other")))
                .isEqualTo(new InsertResult.Inserted());
    }

    @Test
    @DisplayName("a fingerprint is released for good when its comment is updated to DELETED, even if restored later")
    void deletingStatusReleasesFingerprint() {
        store().insert(Comments.root("c1", "t", at(0)).build(), fingerprint("same"));
        Comment deleted = store().update(stored("c1").toBuilder().status(Status.DELETED).build());
        store().update(deleted.toBuilder().status(Status.APPROVED).build());

        assertThat(store().insert(Comments.root("c2", "t", at(1)).build(), fingerprint("same")))
                .isEqualTo(new InsertResult.Inserted());
    }

    @Test
    @DisplayName("a fingerprint is released when its comment is hard-deleted")
    void hardDeleteReleasesFingerprint() {
        store().insert(Comments.root("c1", "t", at(0)).build(), fingerprint("same"));
        store().delete(id("c1"));

        assertThat(store().insert(Comments.root("c2", "t", at(1)).build(), fingerprint("same")))
                .isEqualTo(new InsertResult.Inserted());
    }

    @Test
    @DisplayName("a fingerprint is released when an update changes its comment's text, and kept by other updates")
    void textChangeReleasesFingerprint() {
        store().insert(Comments.root("c1", "t", at(0)).text("first words").build(), fingerprint("one"));
        store().insert(Comments.root("c2", "t", at(1)).text("other words").build(), fingerprint("two"));
        store().update(stored("c1").toBuilder().status(Status.SPAM).build());
        store().update(stored("c2").toBuilder().text("edited words").build());

        assertThat(store().insert(Comments.root("c3", "t", at(2)).build(), fingerprint("one")))
                .as("a spam comment still holds its fingerprint")
                .isEqualTo(new InsertResult.Duplicate(id("c1")));
        assertThat(store().insert(Comments.root("c4", "t", at(3)).build(), fingerprint("two")))
                .isEqualTo(new InsertResult.Inserted());
    }

    @Test
    @DisplayName("a quiet key used after quiet-since refuses the insert as TooSoon with the key and its last use")
    void recentlyUsedKeyRefuses() {
        store().insert(Comments.root("c1", "t", at(10)).build(), quiet(at(0), "ip:192.0.2.1", "email:a@b.example"));

        InsertResult refused = store().insert(Comments.root("c2", "u", at(20)).build(),
                quiet(at(5), "email:a@b.example"));
        InsertResult allowed = store().insert(Comments.root("c3", "u", at(30)).build(),
                quiet(at(10), "ip:192.0.2.1"));

        assertThat(refused).isEqualTo(new InsertResult.TooSoon("email:a@b.example", at(10)));
        assertThat(store().find(id("c2"))).isEmpty();
        assertThat(allowed).as("a use exactly at quiet-since does not refuse").isEqualTo(new InsertResult.Inserted());
        assertThat(store().insert(Comments.root("c4", "u", at(31)).build(), quiet(at(11), "other-key")))
                .isEqualTo(new InsertResult.Inserted());
    }

    @Test
    @DisplayName("when both a held fingerprint and a used quiet key refuse, the refusal is the Duplicate")
    void duplicateTakesPrecedenceOverTooSoon() {
        store().insert(Comments.root("c1", "t", at(10)).build(),
                fingerprint("same").withQuietKeys(Set.of("ip:a"), at(0)));

        InsertResult refused = store().insert(Comments.root("c2", "t", at(11)).build(),
                fingerprint("same").withQuietKeys(Set.of("ip:a"), at(5)));

        assertThat(refused).isEqualTo(new InsertResult.Duplicate(id("c1")));
    }

    @Test
    @DisplayName("a refused insert records neither its fingerprint nor its quiet keys")
    void refusalRecordsNothing() {
        store().insert(Comments.root("c1", "t", at(10)).build(), quiet(at(0), "ip:a"));

        InsertResult refused = store().insert(Comments.root("c2", "t", at(11)).build(),
                fingerprint("fresh").withQuietKeys(Set.of("ip:a", "ip:b"), at(5)));

        assertThat(refused).isInstanceOf(InsertResult.TooSoon.class);
        assertThat(store().insert(Comments.root("c3", "t", at(12)).build(), fingerprint("fresh")))
                .isEqualTo(new InsertResult.Inserted());
        assertThat(store().insert(Comments.root("c4", "t", at(13)).build(), quiet(at(5), "ip:b")))
                .isEqualTo(new InsertResult.Inserted());
    }

    @Test
    @DisplayName("of 8 threads inserting comments with the same fingerprint at once, exactly one is stored and the"
            + " others are told it is a Duplicate of that one")
    void exactlyOneOfConcurrentDuplicatesIsStored() {
        for (int round = 0; round < ROUNDS; round++) {
            String fingerprint = "racing-" + round;
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                Comment comment = Comments.root("d" + round + "-" + r, "dup", at(round * 100 + r)).build();
                tasks.add(() -> new Outcome(comment, store().insert(comment, fingerprint(fingerprint))));
            }

            List<Comment> winners = winners(ConcurrencyRules.runTogether(tasks), round);

            assertThat(winners).as("round %d: the inserts that were stored", round).hasSize(1);
            InsertResult late = store().insert(Comments.root("late-" + round, "dup", at(round * 100 + 50)).build(),
                    fingerprint(fingerprint));
            assertThat(late).isEqualTo(new InsertResult.Duplicate(winners.get(0).id()));
        }
        assertThat(store().counts(thread("dup")).total()).isEqualTo(ROUNDS);
    }

    @Test
    @DisplayName("of 16 threads inserting comments with a shared quiet key at once, exactly one is stored within the"
            + " interval and the others are TooSoon")
    void atMostOneOfConcurrentFloodIsStored() {
        for (int round = 0; round < ROUNDS; round++) {
            Instant now = at(1_000 * (round + 1));
            Instant since = now.minusSeconds(15);
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < FLOODERS; r++) {
                Comment comment = Comments.root("f" + round + "-" + r, "flood-" + r, now).build();
                // Each racer names the shared address and one key of its own, in varying order.
                InsertConditions conditions = quiet(since, "ip:203.0.113.7", "email:racer" + r + "@example.org");
                tasks.add(() -> new Outcome(comment, store().insert(comment, conditions)));
            }

            List<Object> outcomes = ConcurrencyRules.runTogether(tasks);

            assertThat(winners(outcomes, round)).as("round %d: the inserts that were stored", round).hasSize(1);
            for (Object outcome : outcomes) {
                if (outcome instanceof Outcome o && o.result() instanceof InsertResult.TooSoon tooSoon) {
                    assertThat(tooSoon.key()).isEqualTo("ip:203.0.113.7");
                    assertThat(tooSoon.lastUsed()).isEqualTo(now);
                }
            }
        }
    }

    private List<Comment> winners(List<Object> outcomes, int round) {
        List<Comment> winners = new ArrayList<>();
        for (Object outcome : outcomes) {
            assertThat(outcome).as("round %d: every racer gets an InsertResult, not an exception", round)
                    .isInstanceOf(Outcome.class);
            Outcome o = (Outcome) outcome;
            if (o.result() instanceof InsertResult.Inserted) {
                winners.add(o.comment());
                assertThat(stored(o.comment().id().value())).isEqualTo(o.comment());
            } else {
                assertThat(store().find(o.comment().id())).as("round %d: a refused comment", round).isEmpty();
            }
        }
        return winners;
    }

    private record Outcome(Comment comment, InsertResult result) {
    }
}
