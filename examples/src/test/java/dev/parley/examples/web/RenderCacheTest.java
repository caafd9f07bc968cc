package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cache of anonymous renders")
class RenderCacheTest {

    private static final ThreadKey THREAD = ThreadKey.of("t");
    private static final ThreadKey OTHER = ThreadKey.of("u");

    private final CommentService comments = CommentService.builder().store(new InMemoryCommentStore())
            .settings(Settings.builder().requireEmail(false).floodInterval(Duration.ZERO).build())
            .tokenSecret("a secret of at least thirty-two bytes!").build();
    private final AtomicInteger renders = new AtomicInteger();

    private Rendered read(RenderCache cache, ThreadKey thread, String query, Object subject, String body) {
        return cache.anonymous("page", thread, query, subject, () -> {
            renders.incrementAndGet();
            return body.getBytes(StandardCharsets.UTF_8);
        });
    }

    private void write(ThreadKey thread) {
        assertThat(comments.post(PostRequest.builder(thread, "a comment").author("Ann", null, null).build()))
                .isInstanceOf(PostResult.Accepted.class);
    }

    @Test
    @DisplayName("a repeat read at the same version renders nothing; a write renders anew under a new tag")
    void keyedByVersion() {
        RenderCache cache = new RenderCache(comments);
        Rendered first = read(cache, THREAD, "", "post", "one");
        Rendered again = read(cache, THREAD, "", "post", "two");
        assertThat(again).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(first.etag()).startsWith("\"a0-");

        write(THREAD);
        Rendered after = read(cache, THREAD, "", "post", "one");
        assertThat(renders).hasValue(2);
        assertThat(after.etag()).startsWith("\"a1-").isNotEqualTo(first.etag());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("another subject, query or thread is another render")
    void keyedBySubjectQueryAndThread() {
        RenderCache cache = new RenderCache(comments);
        read(cache, THREAD, "", "post", "one");
        read(cache, THREAD, "", "post, edited", "one, edited");
        read(cache, THREAD, "after=x", "post, edited", "two");
        read(cache, OTHER, "after=x", "post, edited", "three");
        assertThat(renders).hasValue(4);
        assertThat(new String(read(cache, THREAD, "", "post, edited", "?").body(), StandardCharsets.UTF_8))
                .isEqualTo("one, edited");
        assertThat(renders).hasValue(4);
    }

    @Test
    @DisplayName("holds at most its entries and bytes, dropping the oldest first")
    void bounded() {
        RenderCache cache = new RenderCache(comments, 2, 10);
        read(cache, THREAD, "1", "s", "aaaa");
        read(cache, THREAD, "2", "s", "bbbb");
        read(cache, THREAD, "3", "s", "cccc");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.bytes()).isEqualTo(8);
        read(cache, THREAD, "2", "s", "?");
        assertThat(renders).hasValue(3);
        read(cache, THREAD, "4", "s", "dddddddd");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(8);
        read(cache, THREAD, "5", "s", "eleven char");
        assertThat(cache.size()).as("a body over the byte bound is never kept").isEqualTo(1);
        read(cache, THREAD, "1", "s", "aaaa");
        assertThat(renders).hasValue(6);
    }
}
