package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentNotFoundException;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import dev.parley.storage.VersionConflictException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules of {@link CommentStore#state(ThreadKey)} and {@link CommentStore#states}: a thread's change stamp and
 * counts, moved by every write in the same atomic step.
 *
 * <p>A write that is refused (a duplicate, a version conflict, a changed fixed field, a missing comment, a
 * refused batch or conditional insert) changes nothing, so it leaves the state as it was: a reader's cached
 * render stays valid. A store that keeps no state ({@link CommentStore#supportsThreadState()} false) must say so
 * by throwing {@link UnsupportedOperationException}, which every rule then checks instead.
 */
abstract class ThreadStateRules extends StoreRules {

    static final int WRITERS = 6;
    static final int INSERTS_EACH = 60;
    static final int UPDATERS = 3;
    static final int UPDATES_EACH = 30;
    static final int READERS = 2;

    ThreadStateRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /** True, having checked the refusal, when the store keeps no thread state; the rule then ends there. */
    private boolean keepsNoState() {
        if (store().supportsThreadState()) {
            return false;
        }
        assertThatThrownBy(() -> store().state(thread("post-1"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> store().states(List.of(thread("post-1"))))
                .isInstanceOf(UnsupportedOperationException.class);
        return true;
    }

    private ThreadState state(String thread) {
        return store().state(thread(thread));
    }

    private long version(String thread) {
        return state(thread).version();
    }

    @Test
    @DisplayName("a thread no comment was ever written to has version 0 and zero counts; thread keys are exact")
    void unknownThreadIsEmpty() {
        if (keepsNoState()) {
            return;
        }
        assertThat(state("post-1")).isEqualTo(ThreadState.empty(thread("post-1")));
        store().insert(Comments.root("a", "post-1", at(0)).build());

        assertThat(state("post-2")).isEqualTo(ThreadState.empty(thread("post-2")));
        assertThat(state("POST-1")).isEqualTo(ThreadState.empty(thread("POST-1")));
        assertThat(state("post-1 ")).isEqualTo(ThreadState.empty(thread("post-1 ")));
    }

    @Test
    @DisplayName("each insert increases the thread's version and adds to its counts")
    void insertIncreasesTheVersion() {
        if (keepsNoState()) {
            return;
        }
        Comment root = Comments.root("a", "post-1", at(0)).build();
        store().insert(root);
        ThreadState first = state("post-1");
        store().insert(Comments.reply("a1", root, at(1)).status(Status.PENDING).build());
        ThreadState second = state("post-1");

        assertThat(first.version()).isGreaterThan(0);
        assertThat(first.counts()).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(second.counts()).isEqualTo(new StatusCounts(1, 1, 0, 0));
        assertThat(second.thread()).isEqualTo(thread("post-1"));
    }

    @Test
    @DisplayName("a batch insert increases the version of every thread it writes to and adds to their counts")
    void insertAllIncreasesEveryThreadsVersion() {
        if (keepsNoState()) {
            return;
        }
        store().insert(Comments.root("seed", "post-1", at(0)).build());
        store().insert(Comments.root("other", "post-3", at(0)).build());
        long before = version("post-1");
        ThreadState untouched = state("post-3");

        store().insertAll(List.of(Comments.root("a", "post-1", at(1)).build(),
                Comments.root("b", "post-2", at(2)).status(Status.SPAM).build(),
                Comments.root("c", "post-1", at(3)).status(Status.PENDING).build()));

        assertThat(version("post-1")).isGreaterThan(before);
        assertThat(state("post-1").counts()).isEqualTo(new StatusCounts(1, 2, 0, 0));
        assertThat(version("post-2")).isGreaterThan(0);
        assertThat(state("post-2").counts()).isEqualTo(new StatusCounts(0, 0, 1, 0));
        assertThat(state("post-3")).isEqualTo(untouched);
    }

    @Test
    @DisplayName("a conditional insert that stores its comment increases the version")
    void conditionalInsertIncreasesTheVersion() {
        if (keepsNoState()) {
            return;
        }
        store().insert(Comments.root("seed", "post-1", at(0)).build());
        long before = version("post-1");
        InsertConditions conditions = store().supportsInsertConditions()
                ? InsertConditions.NONE.withFingerprint("fingerprint-1")
                        .withQuietKeys(Set.of("client-1"), at(-60))
                : InsertConditions.NONE;

        assertThat(store().insert(Comments.root("a", "post-1", at(1)).build(), conditions))
                .isEqualTo(new InsertResult.Inserted());
        assertThat(version("post-1")).isGreaterThan(before);
        assertThat(state("post-1").counts()).isEqualTo(new StatusCounts(0, 2, 0, 0));
        long afterPlain = version("post-1");
        store().insert(Comments.root("b", "post-1", at(2)).build(), InsertConditions.NONE);
        assertThat(version("post-1")).isGreaterThan(afterPlain);
    }

    @Test
    @DisplayName("each update increases the version, an edit as well as a status change, which also moves the"
            + " counts")
    void updateIncreasesTheVersion() {
        if (keepsNoState()) {
            return;
        }
        store().insert(Comments.root("a", "post-1", at(0)).status(Status.PENDING).build());
        long inserted = version("post-1");

        store().update(stored("a").toBuilder().text("edited").build());
        long edited = version("post-1");
        store().update(stored("a").toBuilder().status(Status.APPROVED).build());
        ThreadState approved = state("post-1");
        store().update(stored("a").toBuilder().status(Status.DELETED).moderationReason("gone").build());
        ThreadState deleted = state("post-1");

        assertThat(edited).isGreaterThan(inserted);
        assertThat(approved.version()).isGreaterThan(edited);
        assertThat(approved.counts()).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(deleted.version()).isGreaterThan(approved.version());
        assertThat(deleted.counts()).isEqualTo(new StatusCounts(0, 0, 0, 1));
    }

    @Test
    @DisplayName("each delete increases the version; after every comment is purged the counts are zero and the"
            + " version still never went back")
    void deleteIncreasesTheVersionEvenToEmpty() {
        if (keepsNoState()) {
            return;
        }
        Comment root = Comments.root("a", "post-1", at(0)).build();
        insert(root, Comments.reply("a1", root, at(1)).status(Status.SPAM).build());
        long full = version("post-1");

        assertThat(store().delete(id("a1"))).isTrue();
        ThreadState one = state("post-1");
        assertThat(store().delete(id("a"))).isTrue();
        ThreadState none = state("post-1");

        assertThat(one.version()).isGreaterThan(full);
        assertThat(one.counts()).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(none.version()).isGreaterThan(one.version());
        assertThat(none.counts()).isEqualTo(StatusCounts.ZERO);
        store().insert(Comments.root("a", "post-1", at(0)).build());
        assertThat(version("post-1")).isGreaterThan(none.version());
    }

    @Test
    @DisplayName("a refused write changes no state: duplicate id or linkback, version conflict, changed fixed field,"
            + " missing comment, refused batch, deleting what is not stored")
    void refusedWritesLeaveTheStateAlone() {
        if (keepsNoState()) {
            return;
        }
        Comment root = Comments.root("a", "post-1", at(0)).build();
        Comment linkback = Comments.linkback("lb", "post-1", Kind.PINGBACK, "https://a.example/", at(1)).build();
        insert(root, linkback, Comments.root("b", "post-2", at(2)).build());
        store().update(stored("a").toBuilder().text("edited once").build());
        Map<ThreadKey, ThreadState> before = store().states(List.of(thread("post-1"), thread("post-2")));

        assertThatThrownBy(() -> store().insert(Comments.root("a", "post-2", at(5)).build()))
                .isInstanceOf(DuplicateCommentException.class);
        assertThatThrownBy(() -> store().insert(
                Comments.linkback("lb2", "post-1", Kind.WEBMENTION, "https://a.example/", at(6)).build()))
                .isInstanceOf(DuplicateLinkbackException.class);
        assertThatThrownBy(() -> store().update(root.toBuilder().text("stale").build()))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store().update(stored("a").toBuilder().thread(thread("post-2")).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().update(Comments.root("ghost", "post-1", at(7)).build()))
                .isInstanceOf(CommentNotFoundException.class);
        assertThatThrownBy(() -> store().insertAll(List.of(Comments.root("new", "post-1", at(8)).build(),
                Comments.root("fresh", "post-3", at(8)).build(), Comments.root("b", "post-2", at(9)).build())))
                .isInstanceOf(DuplicateCommentException.class);
        assertThat(store().delete(id("ghost"))).isFalse();

        assertThat(store().states(List.of(thread("post-1"), thread("post-2")))).isEqualTo(before);
        assertThat(state("post-3")).isEqualTo(ThreadState.empty(thread("post-3")));
    }

    @Test
    @DisplayName("a refused conditional insert, as a duplicate or too soon, changes no state")
    void refusedConditionalInsertsLeaveTheStateAlone() {
        if (keepsNoState() || !store().supportsInsertConditions()) {
            return;
        }
        InsertConditions conditions = InsertConditions.NONE.withFingerprint("same text")
                .withQuietKeys(Set.of("client-1"), at(-60));
        assertThat(store().insert(Comments.root("a", "post-1", at(0)).build(), conditions))
                .isEqualTo(new InsertResult.Inserted());
        ThreadState before = state("post-1");

        assertThat(store().insert(Comments.root("b", "post-1", at(1)).build(), conditions))
                .isInstanceOf(InsertResult.Duplicate.class);
        assertThat(store().insert(Comments.root("c", "post-1", at(2)).build(),
                InsertConditions.NONE.withQuietKeys(Set.of("client-1"), at(-60))))
                .isInstanceOf(InsertResult.TooSoon.class);

        assertThat(state("post-1")).isEqualTo(before);
    }

    @Test
    @DisplayName("reads change no state")
    void readsLeaveTheStateAlone() {
        if (keepsNoState()) {
            return;
        }
        Comment root = Comments.root("a", "post-1", at(0)).build();
        insert(root, Comments.reply("a1", root, at(1)).build(),
                Comments.linkback("lb", "post-1", Kind.PINGBACK, "https://a.example/", at(2)).build());
        ThreadState before = state("post-1");
        PageRequest page = PageRequest.first(Order.OLDEST_FIRST, 10);

        store().find(root.id());
        store().findAll(List.of(root.id(), id("a1")));
        store().roots(thread("post-1"), ALL_STATUSES, page);
        store().replies(List.of(root.id()), ALL_STATUSES);
        store().replyPage(root.id(), ALL_STATUSES, page);
        store().firstReplies(List.of(root.id()), ALL_STATUSES, 5);
        store().replyCounts(List.of(root.id()));
        store().counts(thread("post-1"));
        store().counts(List.of(thread("post-1")));
        store().queue(ALL_STATUSES, page);
        store().search(CommentSearch.of(ALL_STATUSES).inThread(thread("post-1")), page);
        store().scan(page);
        store().findLinkback(thread("post-1"), "https://a.example/");
        store().states(List.of(thread("post-1")));

        assertThat(state("post-1")).isEqualTo(before);
    }

    @Test
    @DisplayName("writes in one thread leave every other thread's state as it was")
    void otherThreadsAreUntouched() {
        if (keepsNoState()) {
            return;
        }
        insert(Comments.root("x", "post-2", at(0)).build(), Comments.root("a", "post-1", at(1)).build());
        ThreadState other = state("post-2");

        store().insert(Comments.root("b", "post-1", at(2)).build());
        store().insertAll(List.of(Comments.root("c", "post-1", at(3)).build()));
        store().update(stored("a").toBuilder().status(Status.SPAM).build());
        store().delete(id("b"));

        assertThat(state("post-2")).isEqualTo(other);
    }

    @Test
    @DisplayName("over a run of mixed writes the version rises at every write and never decreases, and the state's"
            + " counts always equal counts(thread)")
    void versionRisesAtEveryWrite() {
        if (keepsNoState()) {
            return;
        }
        long last = version("post-1");
        List<CommentId> stored = new ArrayList<>();
        for (int step = 0; step < 24; step++) {
            switch (step % 4) {
                case 0, 1 -> {
                    Comment comment = Comments.root("s" + step, "post-1", at(step))
                            .status(Status.values()[step % Status.values().length]).build();
                    store().insert(comment);
                    stored.add(comment.id());
                }
                case 2 -> {
                    Comment target = store().find(stored.get(0)).orElseThrow();
                    Status next = Status.values()[(target.status().ordinal() + 1) % Status.values().length];
                    store().update(target.toBuilder().status(next).build());
                }
                default -> assertThat(store().delete(stored.remove(stored.size() - 1))).isTrue();
            }
            ThreadState now = state("post-1");
            assertThat(now.version()).as("version after step %d", step).isGreaterThan(last);
            assertThat(now.counts()).as("counts after step %d", step).isEqualTo(store().counts(thread("post-1")));
            last = now.version();
        }
        for (CommentId id : stored) {
            store().delete(id);
            long now = version("post-1");
            assertThat(now).isGreaterThan(last);
            last = now;
        }
        assertThat(state("post-1").counts()).isEqualTo(StatusCounts.ZERO);
    }

    @Test
    @DisplayName("states holds every thread asked for, in the order asked, a thread asked for twice once, unknown"
            + " threads empty, and each equal to state(thread)")
    void statesInOrder() {
        if (keepsNoState()) {
            return;
        }
        Comment root = Comments.root("a", "post-1", at(0)).build();
        insert(root, Comments.reply("a1", root, at(1)).status(Status.PENDING).build(),
                Comments.root("b", "post-2", at(2)).build());

        Map<ThreadKey, ThreadState> states = store().states(
                List.of(thread("post-2"), thread("unknown"), thread("post-1"), thread("post-2")));

        assertThat(states.keySet()).containsExactly(thread("post-2"), thread("unknown"), thread("post-1"));
        assertThat(states.get(thread("unknown"))).isEqualTo(ThreadState.empty(thread("unknown")));
        assertThat(states.get(thread("post-1"))).isEqualTo(state("post-1"));
        assertThat(states.get(thread("post-1")).counts()).isEqualTo(new StatusCounts(1, 1, 0, 0));
        assertThat(states.get(thread("post-2"))).isEqualTo(state("post-2"));
        assertThat(store().states(List.of())).isEmpty();
    }

    @Test
    @DisplayName("states accepts 1,000 threads, refuses more with IllegalArgumentException, and null with"
            + " NullPointerException")
    void statesArgumentMisuse() {
        if (keepsNoState()) {
            return;
        }
        store().insert(Comments.root("a", "post-1", at(0)).build());
        List<ThreadKey> threads = new ArrayList<>();
        for (int i = 1; i < PageRequest.MAX_LIMIT; i++) {
            threads.add(thread("t-" + i));
        }
        threads.add(thread("post-1"));

        Map<ThreadKey, ThreadState> states = store().states(threads);
        assertThat(states.keySet()).containsExactlyElementsOf(threads);
        assertThat(states.get(thread("post-1")).counts()).isEqualTo(new StatusCounts(0, 1, 0, 0));

        threads.add(thread("one-too-many"));
        assertThatThrownBy(() -> store().states(threads)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().states(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().states(Arrays.asList(thread("post-1"), null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().state(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName(WRITERS + " threads inserting and " + UPDATERS + " updating one thread while " + READERS
            + " read its state: every successful write moves the version on, readers never see it go back, and"
            + " the final counts are exact")
    void concurrentWritersOfOneThread() {
        if (keepsNoState()) {
            return;
        }
        Comment seed = Comments.root("seed", "hot", at(0)).build();
        store().insert(seed);
        long start = version("hot");
        AtomicInteger finished = new AtomicInteger();
        List<Callable<?>> tasks = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            tasks.add(() -> {
                try {
                    for (int i = 0; i < INSERTS_EACH; i++) {
                        Comment.Builder comment = i % 2 == 0
                                ? Comments.root("w" + writer + "-" + i, "hot", at(i))
                                : Comments.reply("w" + writer + "-" + i, seed, at(i));
                        store().insert(comment.status(i % 3 == 0 ? Status.PENDING : Status.APPROVED).build());
                    }
                    return null;
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        for (int u = 0; u < UPDATERS; u++) {
            tasks.add(() -> {
                try {
                    for (int i = 0; i < UPDATES_EACH; i++) {
                        flipStatus(seed.id());
                    }
                    return null;
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        for (int r = 0; r < READERS; r++) {
            tasks.add(() -> {
                long seen = start;
                while (finished.get() < WRITERS + UPDATERS) {
                    long now = version("hot");
                    if (now < seen) {
                        fail("the version went back from %d to %d", seen, now);
                    }
                    seen = now;
                }
                return null;
            });
        }

        for (Object outcome : ConcurrencyRules.runTogether(tasks)) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a writer or reader failed: " + failure, failure);
            }
        }

        ThreadState end = state("hot");
        int writes = WRITERS * INSERTS_EACH + UPDATERS * UPDATES_EACH;
        assertThat(end.version()).as("the version after %d successful writes", writes)
                .isGreaterThanOrEqualTo(start + writes);
        Map<Status, Long> expected = new HashMap<>();
        for (int i = 0; i < INSERTS_EACH; i++) {
            expected.merge(i % 3 == 0 ? Status.PENDING : Status.APPROVED, (long) WRITERS, Long::sum);
        }
        expected.merge(stored("seed").status(), 1L, Long::sum);
        assertThat(end.counts()).isEqualTo(StatusCounts.of(expected));
        assertThat(store().counts(thread("hot"))).isEqualTo(end.counts());
    }

    /** Flips a comment between approved and spam by compare-and-set, retrying on a conflict. */
    private void flipStatus(CommentId id) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            Comment read = store().find(id).orElseThrow();
            Status next = read.status() == Status.APPROVED ? Status.SPAM : Status.APPROVED;
            try {
                store().update(read.toBuilder().status(next).build());
                return;
            } catch (VersionConflictException expected) {
                // Another updater got there first: read again.
            }
        }
        fail("could not update %s in 100,000 attempts", id);
    }
}
