package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Posting concurrently: duplicate and flood rules hold under racing posts")
class ConcurrentPostingTest {

    private static final int DUPLICATES = 8;
    private static final int FLOOD = 16;

    private static PostRequest identical(int racer) {
        return PostRequest.builder(THREAD, "Same words, sent twice by an impatient click")
                .author("Ann", "ann@example.org", null)
                .client(new ClientContext("198.51.100." + racer, null, null, null))
                .build();
    }

    private static PostRequest fromOneAddress(int racer) {
        return PostRequest.builder(THREAD, "Comment number " + racer)
                .author("Bot " + racer, "bot" + racer + "@example.org", null)
                .client(new ClientContext("203.0.113.7", null, null, null))
                .build();
    }

    @Test
    @DisplayName("of 8 identical posts sent at once, exactly one is stored and the others are rejected as duplicates")
    void exactlyOneOfIdenticalPostsIsStored() {
        // The flood rule off: the same e-mail would otherwise trip it too, and this test names the duplicate rule.
        Fixture f = new Fixture(s -> s.floodInterval(Duration.ZERO));

        List<PostResult> results = race(DUPLICATES, f.service, ConcurrentPostingTest::identical);

        assertOneAcceptedOthersRejected(results, RejectCode.DUPLICATE);
        assertThat(f.store.counts(THREAD).total()).isEqualTo(1);
    }

    @Test
    @DisplayName("of 16 posts from one address sent at once, exactly one is stored within the flood interval")
    void exactlyOneOfAFloodIsStored() {
        Fixture f = new Fixture();

        List<PostResult> results = race(FLOOD, f.service, ConcurrentPostingTest::fromOneAddress);

        assertOneAcceptedOthersRejected(results, RejectCode.FLOOD);
        assertThat(f.store.counts(THREAD).total()).isEqualTo(1);
    }

    @Test
    @DisplayName("when every racer has passed the rules' reads before any inserts, the store's conditions alone"
            + " refuse the duplicates and the flood")
    void storeConditionsRefuseWhatTheReadsMissed() {
        BarrierStore duplicates = new BarrierStore(new InMemoryCommentStore(), DUPLICATES);
        List<PostResult> results = race(DUPLICATES, service(duplicates, Duration.ZERO),
                ConcurrentPostingTest::identical);
        assertOneAcceptedOthersRejected(results, RejectCode.DUPLICATE);
        assertThat(duplicates.conditional).as("every racer reached the store").isEqualTo(DUPLICATES);

        BarrierStore flood = new BarrierStore(new InMemoryCommentStore(), FLOOD);
        results = race(FLOOD, service(flood, Duration.ofSeconds(15)), ConcurrentPostingTest::fromOneAddress);
        assertOneAcceptedOthersRejected(results, RejectCode.FLOOD);
        assertThat(flood.conditional).isEqualTo(FLOOD);
    }

    @Test
    @DisplayName("on a store without conditional inserts, posting is serialized in the JVM and the rules still hold")
    void storeWithoutConditionsIsSerialized() {
        CommentStore plain = new DelegatingStore(new InMemoryCommentStore());
        assertThat(plain.supportsInsertConditions()).isFalse();

        assertOneAcceptedOthersRejected(race(DUPLICATES, service(plain, Duration.ZERO),
                ConcurrentPostingTest::identical), RejectCode.DUPLICATE);
        assertOneAcceptedOthersRejected(race(FLOOD, service(new DelegatingStore(new InMemoryCommentStore()),
                Duration.ofSeconds(15)), ConcurrentPostingTest::fromOneAddress), RejectCode.FLOOD);
    }

    private static CommentService service(CommentStore store, Duration floodInterval) {
        return CommentService.builder().store(store).clock(new MutableClock(Fixture.START))
                .tokenSecret(Fixture.SECRET).renderer(new TestRenderer())
                .settings(Settings.builder().holdNewAuthors(false).floodInterval(floodInterval).build()).build();
    }

    private static void assertOneAcceptedOthersRejected(List<PostResult> results, RejectCode code) {
        List<PostResult> accepted = results.stream().filter(PostResult.Accepted.class::isInstance).toList();
        assertThat(accepted).as("accepted posts").hasSize(1);
        assertThat(results).filteredOn(PostResult.Rejected.class::isInstance)
                .hasSize(results.size() - 1)
                .allSatisfy(r -> assertThat(((PostResult.Rejected) r).code()).isEqualTo(code));
    }

    /** Sends the posts from as many threads, released together, and returns each one's result. */
    private static List<PostResult> race(int racers, CommentService service, Function<Integer, PostRequest> post) {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CyclicBarrier start = new CyclicBarrier(racers);
        try {
            List<Future<PostResult>> futures = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                PostRequest request = post.apply(r);
                Callable<PostResult> task = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return service.post(request);
                };
                futures.add(pool.submit(task));
            }
            List<PostResult> results = new ArrayList<>();
            for (Future<PostResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("racing posts failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Holds every conditional insert until all racers have reached it, so every racer's rules have read the
     * store before any comment is in it: only the store's conditions can refuse then.
     */
    private static final class BarrierStore extends DelegatingStore {
        private final CyclicBarrier inserts;
        volatile int conditional;

        BarrierStore(CommentStore delegate, int racers) {
            super(delegate);
            this.inserts = new CyclicBarrier(racers);
        }

        @Override
        public InsertResult insert(Comment comment, InsertConditions conditions) {
            synchronized (this) {
                conditional++;
            }
            try {
                inserts.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new AssertionError("racers did not all reach the store", e);
            }
            return delegate.insert(comment, conditions);
        }

        @Override
        public boolean supportsInsertConditions() {
            return true;
        }
    }
}
