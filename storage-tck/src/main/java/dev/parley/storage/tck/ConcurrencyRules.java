package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.VersionConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrent use: many threads inserting and updating lose nothing, and of racing writes that the contract
 * makes exclusive exactly one wins. Threads start together at a barrier; every wait is bounded.
 */
abstract class ConcurrencyRules extends StoreRules {

    static final int INSERTERS = 8;
    static final int INSERTS_EACH = 2_000;
    static final int UPDATERS = 4;
    static final int INCREMENTS_EACH = 250;
    static final int THREADS = 4;
    static final int SEEDS_PER_THREAD = 2;
    static final int RACERS = 8;
    static final int ROUNDS = 10;
    /** A safety net against a store that deadlocks; a correct store needs a small fraction of it. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);
    static final String COUNTER = "counter";

    ConcurrencyRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("8 threads inserting 2,000 comments each while 4 threads increment one counter with compare-and-set"
            + " retries: every comment is stored exactly once, counts add up and no increment is lost")
    void concurrentInsertsAndUpdates() {
        List<Comment> seeds = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            for (int s = 0; s < SEEDS_PER_THREAD; s++) {
                Comment seed = Comments.root("seed-" + t + "-" + s, "load-" + t, at(-100 + s))
                        .attributes(Map.of(COUNTER, "0")).build();
                seeds.add(seed);
                store().insert(seed);
            }
        }

        List<Callable<?>> tasks = new ArrayList<>();
        Map<CommentId, Comment> written = new java.util.concurrent.ConcurrentHashMap<>();
        for (int w = 0; w < INSERTERS; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < INSERTS_EACH; i++) {
                    Comment comment = loadComment(writer, i, seeds);
                    store().insert(comment);
                    written.put(comment.id(), comment);
                }
                return null;
            });
        }
        for (int u = 0; u < UPDATERS; u++) {
            tasks.add(() -> {
                // All updaters contend for one comment, which is where a missing compare-and-set loses updates.
                for (int i = 0; i < INCREMENTS_EACH; i++) {
                    increment(seeds.get(0).id());
                }
                return null;
            });
        }
        for (Object outcome : runTogether(tasks)) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a writer failed: " + failure, failure);
            }
        }

        // Every insert is there, exactly as written.
        assertThat(written).hasSize(INSERTERS * INSERTS_EACH);
        for (Comment comment : written.values()) {
            Comment read = store().find(comment.id()).orElse(null);
            if (!comment.equals(read)) {
                fail("comment %s was written as %s but reads back as %s", comment.id(), comment, read);
            }
        }
        // A full scan lists each comment once.
        List<Comment> all = readAll(store()::scan, Order.OLDEST_FIRST, PageRequest.MAX_LIMIT,
                written.size() + seeds.size());
        Set<CommentId> scanned = new HashSet<>();
        for (Comment comment : all) {
            if (!scanned.add(comment.id())) {
                fail("scan listed %s twice", comment.id());
            }
        }
        assertThat(all).hasSize(written.size() + seeds.size());
        assertThat(all).isSortedAccordingTo(OLDEST_FIRST);
        // Counts agree with what is stored.
        Map<ThreadKey, StatusCounts> expected = new HashMap<>();
        for (Comment comment : all) {
            expected.merge(comment.thread(), StatusCounts.ZERO.plus(comment.status(), 1),
                    (a, b) -> a.plus(comment.status(), 1));
        }
        for (int t = 0; t < THREADS; t++) {
            ThreadKey thread = thread("load-" + t);
            assertThat(store().counts(thread)).as("counts of %s", thread).isEqualTo(expected.get(thread));
            assertThat(store().counts(thread).total()).isEqualTo(INSERTERS * INSERTS_EACH / THREADS + SEEDS_PER_THREAD);
        }
        // No update is lost: the counter went up once per successful compare-and-set, and so did the version.
        Comment counter = store().find(seeds.get(0).id()).orElseThrow();
        assertThat(Long.parseLong(counter.attributes().get(COUNTER))).as("the counter after every increment")
                .isEqualTo((long) UPDATERS * INCREMENTS_EACH);
        assertThat(counter.version()).as("the counter's version").isEqualTo((long) UPDATERS * INCREMENTS_EACH);
        for (Comment seed : seeds.subList(1, seeds.size())) {
            assertThat(store().find(seed.id())).as("untouched seed").contains(seed);
        }
    }

    @Test
    @DisplayName("of many threads inserting the same (thread, source URL) linkback under different ids, exactly one"
            + " wins and the others get DuplicateLinkbackException")
    void exactlyOneDuplicateLinkbackWins() {
        for (int round = 0; round < ROUNDS; round++) {
            String source = "https://racer.example/" + round;
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                Comment linkback = Comments.linkback("lb-" + round + "-" + r, "race", Kind.values()[1 + r % 3],
                        source, at(round)).build();
                tasks.add(() -> {
                    store().insert(linkback);
                    return linkback;
                });
            }

            List<Object> outcomes = runTogether(tasks);

            List<Comment> winners = new ArrayList<>();
            for (Object outcome : outcomes) {
                if (outcome instanceof Comment winner) {
                    winners.add(winner);
                } else {
                    assertThat(outcome).as("round %d: a losing insert", round)
                            .isInstanceOf(DuplicateLinkbackException.class);
                }
            }
            assertThat(winners).as("round %d: the inserts that succeeded", round).hasSize(1);
            assertThat(store().findLinkback(thread("race"), source)).contains(winners.get(0));
        }
        assertThat(store().counts(thread("race")).total()).isEqualTo(ROUNDS);
    }

    @Test
    @DisplayName("of many threads inserting comments with the same id, exactly one wins and the others get"
            + " DuplicateCommentException")
    void exactlyOneDuplicateIdWins() {
        for (int round = 0; round < ROUNDS; round++) {
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                Comment comment = Comments.root("same-" + round, "race-" + r, at(r)).text("racer " + r).build();
                tasks.add(() -> {
                    store().insert(comment);
                    return comment;
                });
            }

            List<Comment> winners = new ArrayList<>();
            for (Object outcome : runTogether(tasks)) {
                if (outcome instanceof Comment winner) {
                    winners.add(winner);
                } else {
                    assertThat(outcome).as("round %d: a losing insert", round)
                            .isInstanceOf(DuplicateCommentException.class);
                }
            }
            assertThat(winners).as("round %d: the inserts that succeeded", round).hasSize(1);
            assertThat(stored("same-" + round)).isEqualTo(winners.get(0));
        }
        assertThat(readAll(store()::scan, Order.OLDEST_FIRST, 100, ROUNDS)).hasSize(ROUNDS);
    }

    @Test
    @DisplayName("of many threads updating the same version of a comment, exactly one wins and the others get"
            + " VersionConflictException")
    void exactlyOneCompareAndSetWins() {
        store().insert(Comments.root("contended", "post-1", at(0)).build());
        for (int round = 0; round < ROUNDS; round++) {
            Comment read = stored("contended");
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                Comment changed = read.toBuilder().text("round " + round + " racer " + r).build();
                tasks.add(() -> store().update(changed));
            }

            List<Comment> winners = new ArrayList<>();
            for (Object outcome : runTogether(tasks)) {
                if (outcome instanceof Comment winner) {
                    winners.add(winner);
                } else {
                    assertThat(outcome).as("round %d: a losing update", round)
                            .isInstanceOf(VersionConflictException.class);
                }
            }
            assertThat(winners).as("round %d: the updates that succeeded", round).hasSize(1);
            assertThat(stored("contended")).isEqualTo(winners.get(0));
            assertThat(stored("contended").version()).isEqualTo(round + 1L);
        }
    }

    @Test
    @DisplayName("of many threads deleting the same comment, exactly one gets true")
    void exactlyOneDeleteWins() {
        for (int round = 0; round < ROUNDS; round++) {
            CommentId id = id("doomed-" + round);
            store().insert(Comments.root(id.value(), "post-1", at(round)).build());
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                tasks.add(() -> store().delete(id));
            }

            List<Object> outcomes = runTogether(tasks);

            assertThat(outcomes).as("round %d", round).containsOnly(true, false);
            assertThat(outcomes.stream().filter(Boolean.TRUE::equals).count()).as("round %d", round).isEqualTo(1);
            assertThat(store().find(id)).isEmpty();
        }
        assertThat(store().counts(thread("post-1"))).isEqualTo(StatusCounts.ZERO);
    }

    @Test
    @DisplayName("page walks running while other threads insert list every root that existed before, in order,"
            + " each once")
    void pageWalksDuringInserts() {
        List<Comment> before = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Comment root = Comments.root("pre-" + i, "walk", at(i * 10L)).build();
            before.add(root);
            store().insert(root);
        }
        List<Callable<?>> tasks = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < 400; i++) {
                    // Spread over the whole timeline, so inserts land behind and ahead of every reader.
                    store().insert(Comments.root("new-" + writer + "-" + i, "walk", at(i * 10L + 1 + writer)).build());
                }
                return null;
            });
        }
        for (Order order : Order.values()) {
            tasks.add(() -> {
                for (int walk = 0; walk < 3; walk++) {
                    List<Comment> seen = readAll(r -> store().roots(thread("walk"), APPROVED, r), order, 37, 1200);
                    assertThat(seen).as("walk %d, %s", walk, order)
                            .isSortedAccordingTo(order == Order.OLDEST_FIRST ? OLDEST_FIRST : OLDEST_FIRST.reversed())
                            .doesNotHaveDuplicates()
                            .containsAll(before);
                }
                return null;
            });
        }

        for (Object outcome : runTogether(tasks)) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a writer or reader failed: " + failure, failure);
            }
        }
        assertThat(store().counts(thread("walk")).approved()).isEqualTo(1200);
    }

    /** Reads a seed, adds one to its counter and writes it back, retrying on a version conflict. */
    private void increment(CommentId id) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            Comment read = store().find(id).orElseThrow();
            long counter = Long.parseLong(read.attributes().get(COUNTER));
            Map<String, String> attributes = new HashMap<>(read.attributes());
            attributes.put(COUNTER, Long.toString(counter + 1));
            Status status = read.status() == Status.APPROVED ? Status.SPAM : Status.APPROVED;
            // Let other updaters run between read and write, as a network round trip would: a store without
            // compare-and-set then loses increments even when it is as fast as memory.
            Thread.yield();
            try {
                store().update(read.toBuilder().attributes(attributes).status(status).build());
                return;
            } catch (VersionConflictException expected) {
                // Another updater got there first: read again.
            }
        }
        fail("could not increment %s in 100,000 attempts", id);
    }

    /**
     * The {@code i}th comment of writer {@code w}: in thread load-(i % 4); a root, or every third one a reply to
     * that thread's first seed; every fifth one pending; ten comments per second, so timestamps tie across
     * writers and ids break the ties.
     */
    private static Comment loadComment(int w, int i, List<Comment> seeds) {
        int t = i % THREADS;
        String id = "w" + w + "-" + i;
        Comment.Builder builder = i % 3 == 0
                ? Comments.reply(id, seeds.get(t * SEEDS_PER_THREAD), at(i / 10))
                : Comments.root(id, "load-" + t, at(i / 10));
        return builder.status(i % 5 == 0 ? Status.PENDING : Status.APPROVED).build();
    }

    /**
     * Runs each task on its own thread, all released together by a barrier, and returns what each returned or
     * threw, in task order.
     */
    static List<Object> runTogether(List<Callable<?>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), runnable -> {
            Thread thread = new Thread(runnable, "storage-tck-racer");
            thread.setDaemon(true);
            return thread;
        });
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return task.call();
                }));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    fail("concurrent tasks did not finish within %s: is the store deadlocked?", TIMEOUT);
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for concurrent tasks", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
