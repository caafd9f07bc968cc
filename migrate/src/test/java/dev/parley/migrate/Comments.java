package dev.parley.migrate;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import java.time.Instant;

/**
 * Hand-built comments for the export and backup tests: a root or a reply with a fixed time, built further by
 * the caller.
 */
public final class Comments {

    /** The time every test comment is counted from: 2024-03-01T10:00:00Z. */
    public static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private Comments() {
    }

    /**
     * Starts a root comment.
     *
     * @param id the id
     * @param thread the thread key
     * @param minute minutes after {@link #T0}
     * @return a builder for a root by "Ann" with html {@code <p>id</p>} and text {@code id}
     */
    public static Comment.Builder root(String id, String thread, int minute) {
        return Comment.builder()
                .id(CommentId.of(id))
                .thread(ThreadKey.of(thread))
                .asRoot()
                .author(Author.named("Ann"))
                .text(id)
                .html("<p>" + id + "</p>")
                .createdAt(T0.plusSeconds(60L * minute));
    }

    /**
     * Starts a direct reply.
     *
     * @param id the id
     * @param parent the comment answered
     * @param minute minutes after {@link #T0}
     * @return a builder for a reply by "Bob" with html {@code <p>id</p>} and text {@code id}
     */
    public static Comment.Builder reply(String id, Comment parent, int minute) {
        return Comment.builder()
                .id(CommentId.of(id))
                .replyTo(parent)
                .author(Author.named("Bob"))
                .text(id)
                .html("<p>" + id + "</p>")
                .createdAt(T0.plusSeconds(60L * minute));
    }
}
