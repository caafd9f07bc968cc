package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RecentReads, the freshness window of anonymous views")
class RecentReadsTest {

    private static final ThreadKey THREAD = ThreadKey.of("a-post");

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private long version = 1;

    private final Function<ThreadKey, Optional<ThreadState>> database = thread -> {
        reads.incrementAndGet();
        return Optional.of(new ThreadState(thread, version, StatusCounts.ZERO));
    };

    private RecentReads window(Duration length) {
        return new RecentReads(length, nanos::get);
    }

    @Test
    @DisplayName("a read is reused for the window and made again once the window has passed")
    void readIsReusedWithinTheWindow() {
        RecentReads recent = window(Duration.ofSeconds(1));

        assertThat(recent.state(THREAD, database)).map(ThreadState::version).contains(1L);
        version = 2;
        nanos.addAndGet(999_999_999);
        assertThat(recent.state(THREAD, database)).map(ThreadState::version).contains(1L);
        assertThat(reads).hasValue(1);
        nanos.addAndGet(1);
        assertThat(recent.state(THREAD, database)).map(ThreadState::version).contains(2L);
        assertThat(reads).hasValue(2);
    }

    @Test
    @DisplayName("a window of zero reads the database every time")
    void zeroWindowAlwaysReads() {
        RecentReads recent = RecentReads.none();

        recent.state(THREAD, database);
        recent.state(THREAD, database);

        assertThat(reads).hasValue(2);
    }

    @Test
    @DisplayName("a write through this instance forgets its thread and post: the next reads go to the database")
    void forgetMakesTheNextReadFresh() {
        RecentReads recent = window(Duration.ofHours(1));
        Post before = post("Before");
        recent.post(THREAD.value(), slug -> Optional.of(before));
        recent.state(THREAD, database);
        version = 2;

        recent.listener().onPosted(Comment.builder().id(dev.parley.storage.CommentId.of("c1")).thread(THREAD).author(
                dev.parley.storage.Author.named("Ann")).text("hi").html("<p>hi</p>")
                .createdAt(Instant.parse("2026-12-01T00:00:00Z")).build());

        assertThat(recent.state(THREAD, database)).map(ThreadState::version).contains(2L);
        assertThat(recent.post(THREAD.value(), slug -> Optional.of(post("After")))).map(Post::title)
                .contains("After");
    }

    @Test
    @DisplayName("a read that ran while a write here forgot the thread is not kept, as it may predate the write")
    void readRacingAForgetIsNotKept() {
        RecentReads recent = window(Duration.ofHours(1));

        Optional<ThreadState> raced = recent.state(THREAD, thread -> {
            Optional<ThreadState> old = database.apply(thread);
            recent.forget(THREAD);
            version = 2;
            return old;
        });

        assertThat(raced).map(ThreadState::version).contains(1L);
        assertThat(recent.state(THREAD, database)).map(ThreadState::version).contains(2L);
    }

    @Test
    @DisplayName("a missing post is kept for the window as well, and a negative window is refused")
    void missingPostIsKeptAndNegativeWindowRefused() {
        RecentReads recent = window(Duration.ofSeconds(1));
        AtomicInteger lookups = new AtomicInteger();

        recent.post("gone", slug -> {
            lookups.incrementAndGet();
            return Optional.empty();
        });
        assertThat(recent.post("gone", slug -> Optional.of(post("Back")))).isEmpty();
        assertThat(lookups).hasValue(1);
        assertThatThrownBy(() -> new RecentReads(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    @DisplayName("past its bound on threads the window drops what it kept rather than grow")
    void keptReadsAreBounded() {
        RecentReads recent = window(Duration.ofHours(1));
        for (int i = 0; i < RecentReads.MAX_ENTRIES; i++) {
            recent.state(ThreadKey.of("t" + i), database);
        }
        recent.state(THREAD, database);
        int afterBound = reads.get();

        recent.state(ThreadKey.of("t0"), database);

        assertThat(reads).hasValue(afterBound + 1);
    }

    private static Post post(String title) {
        Instant at = Instant.parse("2026-11-30T00:00:00Z");
        return new Post(THREAD.value(), title, "Mara", "mara", "Body", at, at, false);
    }
}
