package dev.parley.core;

import dev.parley.storage.Comment;

/**
 * Hears what happens to comments after it is stored: to notify the post's author, bust a cache, or feed a
 * spam filter's training. Every method has a no-op default, so a listener overrides what it needs.
 *
 * <p>Listeners are called on the thread that made the change, after the store accepted it, in the order
 * they were added. A listener that throws is logged and skipped: it never undoes or breaks the action.
 * Implementations must be thread-safe and should be quick (hand slow work to an executor).
 */
public interface CommentListener {

    /**
     * A comment or reply was stored (approved, held or spam).
     *
     * @param comment the stored comment
     */
    default void onPosted(Comment comment) {
    }

    /**
     * A linkback was stored (approved, held or spam).
     *
     * @param comment the stored linkback
     */
    default void onLinkback(Comment comment) {
    }

    /**
     * A comment's text was changed by its author or a moderator.
     *
     * @param before the comment before
     * @param after the comment as stored now
     */
    default void onEdited(Comment before, Comment after) {
    }

    /**
     * The author deleted their comment with the edit token.
     *
     * @param before the comment before
     * @param after the comment as stored now, deleted
     */
    default void onDeletedByAuthor(Comment before, Comment after) {
    }

    /**
     * A moderator changed a comment's status.
     *
     * @param before the comment before
     * @param after the comment as stored now
     * @param action what the moderator did
     */
    default void onModerated(Comment before, Comment after, ModeratorAction action) {
    }

    /**
     * A moderator removed a comment from storage for good.
     *
     * @param comment the comment as it was
     */
    default void onPurged(Comment comment) {
    }
}
