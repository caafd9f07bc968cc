package dev.parley.storage;

/** The moderation state of a stored comment. */
public enum Status {
    /** Held for a moderator; visible only to its author and to moderators. */
    PENDING,
    /** Published. */
    APPROVED,
    /** Judged spam; kept for review and for training, never shown. */
    SPAM,
    /** Removed from view but kept in storage; shown as a placeholder while it has live replies. */
    DELETED
}
