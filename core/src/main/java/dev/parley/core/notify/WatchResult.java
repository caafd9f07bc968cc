package dev.parley.core.notify;

/** What {@link Notifier#watch} did about the comment author's address. */
public enum WatchResult {
    /** The address is confirmed: replies notify it from now on. */
    CONFIRMED,
    /** The address is new (or had unsubscribed from everything): a confirmation mail is queued. */
    CONFIRMATION_SENT,
    /** A confirmation mail went to the address recently and its link still works: none is sent again. */
    CONFIRMATION_PENDING,
    /** The comment has no e-mail address: nothing is watched. */
    NO_ADDRESS,
    /**
     * The comment was judged spam (or is deleted): nothing is watched and no mail is sent, so the form cannot be
     * used to mail confirmation requests to addresses its spammers typed.
     */
    REFUSED
}
