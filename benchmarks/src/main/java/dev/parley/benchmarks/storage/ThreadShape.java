package dev.parley.benchmarks.storage;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The thread every storage benchmark reads: half roots, half replies, the same shape at every size, so that a
 * page of 50 roots carries the same work whether the thread holds 100 comments or 100,000.
 *
 * <p>Every root is approved and has one reply; every tenth reply is held (pending), so status filtering is
 * exercised. Comments are one second apart in insertion order, and every seventh root shares its timestamp
 * with the comment before it, so ties on (created at) are exercised too.
 */
public final class ThreadShape {

    /** The thread all comments belong to. */
    public static final ThreadKey THREAD = ThreadKey.of("bench/post");

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ThreadShape() {
    }

    /**
     * Generates the comments of a thread of {@code size} comments in insertion order (parents first).
     *
     * @param size the number of comments, even
     * @param sink receives each comment
     */
    public static void generate(int size, Consumer<Comment> sink) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("size must be even and at least 2, was " + size);
        }
        Author author = Author.named("Reader").withEmail("reader@example.org");
        for (int root = 0; root < size / 2; root++) {
            Instant at = START.plusSeconds(2L * root - (root % 7 == 6 ? 1 : 0));
            Comment r = Comment.builder()
                    .id(CommentId.of("r" + root))
                    .thread(THREAD)
                    .author(author)
                    .text("Root comment " + root)
                    .html("<p>Root comment " + root + "</p>")
                    .createdAt(at)
                    .build();
            sink.accept(r);
            sink.accept(Comment.builder()
                    .id(CommentId.of("r" + root + "-1"))
                    .replyTo(r)
                    .status(root % 10 == 9 ? Status.PENDING : Status.APPROVED)
                    .author(author)
                    .text("Reply to " + root)
                    .html("<p>Reply to " + root + "</p>")
                    .createdAt(at.plusMillis(500))
                    .build());
        }
    }

    /**
     * Returns the comments of a thread of {@code size} comments, parents first.
     *
     * @param size the number of comments
     * @return the comments
     */
    public static List<Comment> comments(int size) {
        List<Comment> comments = new ArrayList<>(size);
        generate(size, comments::add);
        return comments;
    }
}
