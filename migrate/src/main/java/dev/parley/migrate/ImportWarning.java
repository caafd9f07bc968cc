package dev.parley.migrate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something an import could not take exactly as the source had it, and what it did instead. Nothing is
 * dropped silently: every such case is a warning in the {@link ImportReport}, and the source's raw value stays
 * in the comment's {@link dev.parley.storage.Provenance}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code what kind of problem
 * @param threadId the source thread's id, or null when the problem is not tied to a thread
 * @param commentId the source comment's id, or null when the problem is not tied to a comment
 * @param message what was found and what was done, naming the raw value where it helps (an orphan's original
 *     parent id, say)
 */
public record ImportWarning(Code code, @Nullable String threadId, @Nullable String commentId, String message) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if the code or the message is null
     */
    public ImportWarning {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    @Override
    public String toString() {
        return code + (threadId == null ? "" : " thread " + threadId)
                + (commentId == null ? "" : " comment " + commentId) + ": " + message;
    }

    /** The kinds of problem an import reports. */
    public enum Code {
        /** The parent id names no comment of the source (of the same thread, for thread-scoped ids): imported as
         * a root; the original parent id is kept. */
        ORPHAN_PARENT,
        /** The comment names itself as its parent: imported as a root. */
        SELF_PARENT,
        /** The parent is in another thread: imported as a root of its own thread. */
        CROSS_THREAD_PARENT,
        /** The comment's ancestors form a cycle: this comment, where the cycle was cut, became a root. */
        PARENT_CYCLE,
        /** The reply is deeper than a stored comment may be: attached at the deepest level, still answering
         * its own parent ({@code inReplyToId}). */
        DEPTH_CAPPED,
        /** The record has no id: imported under an id the reader made from its position in the source, stable
         * while the source is unchanged. */
        MISSING_ID,
        /** Two comments share an id in the source: the later one is imported under a distinct key and replies
         * attach to the first. */
        DUPLICATE_ID,
        /** The comment names a thread the source does not describe: imported under a thread made from the id. */
        THREAD_MISSING,
        /** The comment has no usable creation date (missing, {@code 0000-00-00 00:00:00}, unparseable): the date
         * used instead is said in the message; the raw date is kept. */
        DATE_FALLBACK,
        /** The source's status value is unknown: imported as pending; the raw value is kept. */
        UNKNOWN_STATUS,
        /** The source's type is not a Parley kind (a plugin's type): imported as a comment; the raw type is kept
         * and exported back. */
        UNKNOWN_TYPE,
        /** A pingback, trackback or webmention without a usable source URL, or whose source URL the thread
         * already holds: imported as a comment; the raw type is kept. */
        LINKBACK_AS_COMMENT,
        /** A value does not fit Parley's limits (an author field too long, a character no database stores such as
         * U+0000 or an unpaired surrogate): left out or replaced by U+FFFD, and kept raw in the provenance. */
        FIELD_KEPT_RAW,
        /** The content is longer than a stored comment's text: cut to fit; the whole raw content is kept in the
         * provenance when it fits there. */
        CONTENT_TRUNCATED,
        /** The renderer refused the content (over its input limit, say): the html is the text, escaped; the text
         * itself is stored as it is. */
        CONTENT_NOT_RENDERED,
        /** The source's metadata does not fit a provenance: entries past its bounds are left out. */
        METADATA_TRUNCATED,
        /** A record of the source could not be read as a comment at all (a JSON line that is not an object, a
         * row with no id): skipped. */
        RECORD_SKIPPED
    }
}
