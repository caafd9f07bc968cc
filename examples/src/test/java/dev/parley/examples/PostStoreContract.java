package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link PostStore} does; a subclass names the store. */
abstract class PostStoreContract {

    private static final Instant T1 = Instant.parse("2026-11-01T08:00:00.123456Z");
    private static final Instant T2 = Instant.parse("2026-11-02T08:00:00Z");

    /** A store with no posts, fresh for each test. */
    protected abstract PostStore createStore() throws Exception;

    private PostStore store;

    @BeforeEach
    void createEmptyStore() throws Exception {
        store = createStore();
    }

    private static Post post(String slug, Instant at) {
        return new Post(slug, "Title of " + slug, "Mara", "mara", "Body of " + slug, at, at, false);
    }

    @Test
    @DisplayName("a post reads back exactly as inserted: 4-byte characters, the longest body, microsecond times")
    void roundTrip() {
        Post post = new Post("round-trip", "Emoji \uD83D\uDE00 and \u00e9", "M\u00e5ra", "mara",
                "\uD83D\uDE00".repeat(5_000) + "\n\n" + "x".repeat(PostDraft.MAX_BODY_LENGTH - 10_002), T1,
                T2, false);

        assertThat(store.insert(post)).isTrue();

        assertThat(store.find("round-trip")).contains(post);
        assertThat(store.find("nothing")).isEmpty();
    }

    @Test
    @DisplayName("a slug taken by a post, deleted or not, refuses another insert")
    void slugTaken() {
        assertThat(store.insert(post("a", T1))).isTrue();
        assertThat(store.insert(post("a", T2))).isFalse();
        assertThat(store.update(post("a", T1).asDeleted(T2))).isTrue();

        assertThat(store.insert(post("a", T2))).isFalse();
        assertThat(store.find("a").orElseThrow().deleted()).isTrue();
    }

    @Test
    @DisplayName("of eight racing inserts of one slug, exactly one succeeds")
    void racingInserts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Instant at = T1.plusSeconds(i);
                Callable<Boolean> insert = () -> {
                    go.await();
                    return store.insert(post("race", at));
                };
                results.add(pool.submit(insert));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(1, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("an update replaces title, body, update time and the deleted flag of a live post only")
    void updates() {
        Post post = post("u", T1);
        store.insert(post);

        Post edited = post.edited("New title", "New body", T2);
        assertThat(store.update(edited)).isTrue();
        assertThat(store.find("u")).contains(edited);

        assertThat(store.update(edited.asDeleted(T2.plusSeconds(1)))).isTrue();
        assertThat(store.update(edited.edited("Again", "Again", T2.plusSeconds(2)))).isFalse();
        assertThat(store.find("u")).contains(edited.asDeleted(T2.plusSeconds(1)));
        assertThat(store.update(post("missing", T1))).isFalse();
        assertThat(store.find("missing")).isEmpty();
    }

    @Test
    @DisplayName("all lists every post, deleted ones too, newest first and then by slug")
    void lists() {
        store.insert(post("b-old", T1));
        store.insert(post("z-new", T2));
        store.insert(post("a-new", T2));
        store.update(post("b-old", T1).asDeleted(T2));

        assertThat(store.all()).extracting(Post::slug).containsExactly("a-new", "z-new", "b-old");
        assertThat(store.all().get(2).deleted()).isTrue();
    }
}
