package dev.parley.core.withoutjackson;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.core.json.CommentJson;
import dev.parley.core.json.PublicThread;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the engine in a JVM of its own, started by {@link NoJacksonTest} with parley-core and its required
 * dependencies only: posts, moderates and reads a thread, builds the public JSON view, and prints what happened
 * so the test can compare it.
 */
public final class EngineWithoutJackson {

    private EngineWithoutJackson() {
    }

    /**
     * Prints one line per step.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("jackson " + (present("tools.jackson.databind.json.JsonMapper") ? "present" : "absent"));

        AtomicInteger ids = new AtomicInteger();
        CommentService comments = CommentService.builder()
                .store(new InMemoryCommentStore())
                .clock(new SteppingClock())
                .tokenSecret("0123456789abcdef0123456789abcdef-no-jackson")
                .ids(() -> CommentId.of("c" + ids.incrementAndGet()))
                .build();
        ThreadKey thread = ThreadKey.of("hello-world");

        PostResult.Accepted first = (PostResult.Accepted) comments.post(PostRequest.builder(thread, "Hello *world*")
                .author("Ann", "ann@example.org", null).build());
        out.println("posted " + first.comment().id().value() + " " + first.status());
        out.println("approved " + comments.approve(first.comment().id()).orElseThrow().status());
        PostResult.Accepted reply = (PostResult.Accepted) comments.post(PostRequest.builder(thread, "Me again")
                .author("Ann", "ann@example.org", null).inReplyTo(first.comment().id()).build());
        out.println("replied " + reply.comment().id().value() + " " + reply.status());
        out.println("spam " + comments.markSpam(reply.comment().id()).orElseThrow().status());

        ThreadPage page = comments.page(thread, Order.OLDEST_FIRST, null, 10, Viewer.anonymous());
        for (ThreadNode root : page.roots()) {
            out.println("page " + root.comment().id().value() + " " + root.comment().html()
                    + " replies " + root.replies().size());
        }

        CommentJson json = CommentJson.create();
        PublicThread view = json.toPublic(page);
        out.println("view " + view.thread() + " " + view.comments().get(0).html());
        try {
            json.write(view);
            out.println("write succeeded");
        } catch (NoClassDefFoundError expected) {
            out.println("write needs " + expected.getMessage());
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, EngineWithoutJackson.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A minute later at every read, so flood control never refuses the second comment. */
    private static final class SteppingClock extends Clock {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-11-29T10:00:00Z").plus(Duration.ofMinutes(reads.incrementAndGet()));
        }
    }
}
