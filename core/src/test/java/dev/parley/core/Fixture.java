package dev.parley.core;

import dev.parley.core.content.InputFormat;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A service on an in-memory store with a hand-moved clock and readable sequential ids (c1, c2, ...). */
final class Fixture {

    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    static final ThreadKey THREAD = ThreadKey.of("hello-world");
    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    final InMemoryCommentStore store = new InMemoryCommentStore();
    final MutableClock clock = new MutableClock(START);
    final CommentService service;
    private final AtomicInteger sequence = new AtomicInteger();

    Fixture() {
        this(b -> b);
    }

    /** Settings that approve by default (no new-author hold), so single rules can be seen alone. */
    Fixture(UnaryOperator<Settings.Builder> settings) {
        this(settings, b -> b);
    }

    Fixture(UnaryOperator<Settings.Builder> settings, UnaryOperator<CommentService.Builder> service) {
        this.service = service.apply(CommentService.builder()
                .store(store)
                .clock(clock)
                .tokenSecret(SECRET)
                .renderer(new TestRenderer())
                .ids(() -> CommentId.of("c" + sequence.incrementAndGet()))
                .settings(settings.apply(Settings.builder().holdNewAuthors(false)).build()))
                .build();
    }

    /** A post a little later than the last one, so flood control stays out of the way. */
    PostResult post(PostRequest.Builder request) {
        clock.advance(Duration.ofMinutes(1));
        return service.post(request.build());
    }

    static PostRequest.Builder by(String name, String text) {
        return PostRequest.builder(THREAD, text)
                .author(name, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org", null);
    }

    static PostRequest.Builder html(String name, String text) {
        return by(name, text).format(InputFormat.HTML);
    }

    Comment accepted(PostRequest.Builder request) {
        PostResult result = post(request);
        if (!(result instanceof PostResult.Accepted accepted)) {
            throw new AssertionError("expected accepted, got " + result);
        }
        return accepted.comment();
    }

    PostResult.Accepted acceptedResult(PostRequest.Builder request) {
        PostResult result = post(request);
        if (!(result instanceof PostResult.Accepted accepted)) {
            throw new AssertionError("expected accepted, got " + result);
        }
        return accepted;
    }
}
