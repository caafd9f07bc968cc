package dev.parley.storage.tck;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Provenance;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Builders of valid comments with controlled timestamps, for the test kit and for a host's own store tests.
 *
 * <p>Each factory returns a {@link Comment.Builder} already holding every required value, so a test states only
 * what it is about: {@code Comments.root("c1", "post-1", Comments.at(3)).status(Status.PENDING).build()}.
 * Authors are {@code "Ada"}, texts {@code "Comment <id>"}, and html {@code "<p>Comment <id></p>"}; the status
 * is {@link dev.parley.storage.Status#APPROVED} and the version 0 unless the test sets them.
 *
 * <p>Time is never read from a clock: every instant is {@link #BASE} plus an offset the test chooses, so
 * orderings and ties are exact and repeatable.
 *
 * <p>Stateless and thread-safe.
 */
public final class Comments {

    /** The origin of every timeline the kit builds: 2026-01-01T00:00:00Z. */
    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private Comments() {
    }

    /**
     * Returns {@link #BASE} plus a number of seconds.
     *
     * @param seconds the offset, negative for earlier
     * @return the instant
     */
    public static Instant at(long seconds) {
        return BASE.plusSeconds(seconds);
    }

    /**
     * Returns {@link #BASE} plus a number of microseconds, the finest step a store keeps.
     *
     * @param micros the offset, negative for earlier
     * @return the instant
     */
    public static Instant atMicros(long micros) {
        return BASE.plus(micros, ChronoUnit.MICROS);
    }

    /**
     * Returns a builder of an approved root comment.
     *
     * @param id the comment id, {@code [A-Za-z0-9_-]{1,64}}
     * @param thread the thread key
     * @param createdAt the creation time, also the update time
     * @return a builder holding every required value
     */
    public static Comment.Builder root(String id, String thread, Instant createdAt) {
        return root(id, ThreadKey.of(thread), createdAt);
    }

    /**
     * Returns a builder of an approved root comment.
     *
     * @param id the comment id, {@code [A-Za-z0-9_-]{1,64}}
     * @param thread the thread
     * @param createdAt the creation time, also the update time
     * @return a builder holding every required value
     */
    public static Comment.Builder root(String id, ThreadKey thread, Instant createdAt) {
        return Comment.builder()
                .id(CommentId.of(id))
                .thread(Objects.requireNonNull(thread, "thread must not be null"))
                .asRoot()
                .author(Author.named("Ada"))
                .text("Comment " + id)
                .html("<p>Comment " + id + "</p>")
                .createdAt(Objects.requireNonNull(createdAt, "createdAt must not be null"));
    }

    /**
     * Returns a builder of an approved direct reply: same thread and root as {@code parent}, one level deeper.
     *
     * @param id the reply's id
     * @param parent the comment answered
     * @param createdAt the creation time, also the update time
     * @return a builder holding every required value
     */
    public static Comment.Builder reply(String id, Comment parent, Instant createdAt) {
        Objects.requireNonNull(parent, "parent must not be null");
        return root(id, parent.thread(), createdAt).replyTo(parent);
    }

    /**
     * Returns a builder of an approved root linkback.
     *
     * @param id the comment id
     * @param thread the thread key
     * @param kind a linkback kind: {@link Kind#PINGBACK}, {@link Kind#TRACKBACK} or {@link Kind#WEBMENTION}
     * @param sourceUrl the URL of the linking page
     * @param createdAt the creation time, also the update time
     * @return a builder holding every required value
     * @throws IllegalArgumentException if {@code kind} is {@link Kind#COMMENT}
     */
    public static Comment.Builder linkback(String id, String thread, Kind kind, String sourceUrl, Instant createdAt) {
        Objects.requireNonNull(kind, "kind must not be null");
        if (!kind.isLinkback()) {
            throw new IllegalArgumentException("kind must be a linkback kind, was " + kind);
        }
        return root(id, thread, createdAt)
                .kind(kind)
                .author(Author.named("Linking site"))
                .linkback(new Linkback(sourceUrl, "A page that links here"))
                .text("An excerpt of the linking page")
                .html("<p>An excerpt of the linking page</p>");
    }

    /**
     * Returns a builder of a root comment in which every optional component holds a value: a full author, a
     * moderation reason, attributes, a later update time, a non-zero version and a provenance with every
     * component set (a Disqus import). Round-trip tests start here.
     *
     * @param id the comment id
     * @param thread the thread key
     * @param createdAt the creation time; the update time is 90 seconds later
     * @return a builder holding a value for every component
     */
    public static Comment.Builder fullyPopulated(String id, String thread, Instant createdAt) {
        return root(id, thread, createdAt)
                .author(new Author("Ada Lovelace", "ada@example.org", "https://ada.example.org/",
                        "user-17", "2001:db8::17", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"))
                .text("First line\nsecond line with <b>markup</b> & \"quotes\"\r\n\ttabbed  ")
                .html("<p>First line<br>second line with &lt;b&gt;markup&lt;/b&gt; &amp; \"quotes\"</p>")
                .moderationReason("held: 3 links, limit 2")
                .updatedAt(createdAt.plusSeconds(90))
                .version(4)
                .attributes(java.util.Map.of("import.source", "disqus", "import:id", "873412", "empty", ""))
                .provenance(Provenance.builder("disqus", "873412")
                        .threadId("4481")
                        .parentId("873400")
                        .status("approved")
                        .type("comment")
                        .date("2025-12-31T23:58:30")
                        .field("isSpam", "false")
                        .field("author.username", "ada")
                        .metadata("likes", "3")
                        .build());
    }
}
