package dev.parley.core.moderation;

import dev.parley.storage.Author;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.ThreadKey;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the moderation pipeline judges: a new comment, reply or linkback, or an author's edit of a comment,
 * after validation and rendering and before it is stored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param thread the thread it is posted to
 * @param kind comment or linkback kind
 * @param inReplyToId the comment it answers, or null for a root comment or a linkback
 * @param author who wrote it, with the client address and User-Agent when known
 * @param text the raw input as submitted (a linkback's excerpt)
 * @param html the sanitized html rendered from it
 * @param linkback the linkback source, present exactly for linkback kinds
 * @param referrer the HTTP Referer of the form post, or null
 * @param permalink the URL of the page the thread belongs to, or null
 * @param editOf for an author's edit, the comment edited; null for a new submission
 */
public record Submission(
        ThreadKey thread,
        Kind kind,
        @Nullable CommentId inReplyToId,
        Author author,
        String text,
        String html,
        @Nullable Linkback linkback,
        @Nullable String referrer,
        @Nullable String permalink,
        @Nullable CommentId editOf) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException if the linkback does not match the kind
     */
    public Submission {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(html, "html must not be null");
        if (kind.isLinkback() != (linkback != null)) {
            throw new IllegalArgumentException(kind.isLinkback()
                    ? "linkback must be present for kind " + kind
                    : "linkback must be null for kind " + kind);
        }
    }

    /**
     * Tells whether this is an author's edit of a stored comment rather than a new submission.
     *
     * @return true for an edit
     */
    public boolean isEdit() {
        return editOf != null;
    }

    /**
     * Tells whether this is a linkback (pingback, trackback or webmention).
     *
     * @return true for a linkback
     */
    public boolean isLinkback() {
        return kind.isLinkback();
    }
}
