package dev.parley.core;

/** A moderator's action on a comment, as reported to {@link CommentListener}s. */
public enum ModeratorAction {
    /** Published it. */
    APPROVE,
    /** Put it back in the moderation queue. */
    HOLD,
    /** Marked it spam. */
    SPAM,
    /** Removed it from view (kept in storage; a placeholder while it has replies). */
    DELETE,
    /** Brought a deleted or spam comment back into view, approved. */
    RESTORE
}
