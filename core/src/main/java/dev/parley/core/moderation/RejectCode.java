package dev.parley.core.moderation;

/**
 * Why a submission or an author's change was refused: by validation, by a moderation rule, or by a check of
 * the author's right to change a comment. A host maps these to its own messages or HTTP statuses.
 */
public enum RejectCode {
    /** The same author already posted the same text at the same place. */
    DUPLICATE,
    /** The same address or e-mail posted too recently. */
    FLOOD,
    /** The thread no longer takes comments. */
    CLOSED,
    /** A field is longer than its limit. */
    TOO_LONG,
    /** A field is malformed: an e-mail without {@code @}, a URL that is not http(s), a control character. */
    INVALID_FIELD,
    /** The comment answered does not exist, is in another thread, or is not approved. */
    BAD_PARENT,
    /** A required field (the text; the name or e-mail when the settings require them) is missing or blank. */
    EMPTY,
    /** A moderation rule refused it outright. */
    BLOCKED,
    /** The edit token is malformed, forged or for another comment. */
    BAD_TOKEN,
    /** The author's edit window has passed. */
    EDIT_WINDOW_CLOSED,
    /** Someone has replied, so the author may no longer change or delete it. */
    HAS_REPLIES,
    /** The comment does not exist (any more) or is no longer in a state the author may change. */
    NOT_FOUND
}
