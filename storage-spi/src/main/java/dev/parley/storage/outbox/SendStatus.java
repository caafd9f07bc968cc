package dev.parley.storage.outbox;

/**
 * Where the send to one target stands, as its {@link TargetRecord} shows it to the author and the moderator.
 */
public enum SendStatus {

    /** A send job is queued and no result is known since: the record's other result fields are empty. */
    QUEUED,
    /** Delivered: the receiver accepted the linkback. */
    SENT,
    /** The target advertises no Webmention, Pingback or TrackBack endpoint. */
    NO_ENDPOINT,
    /** Refused as unsafe (the target or its endpoint is, or redirects to, a private address); never contacted. */
    REFUSED,
    /** The last attempt failed in a way worth retrying (a timeout, a 5xx or 429); another attempt is queued. */
    RETRYING,
    /** Failed for good: a refusal by the receiver, or retries exhausted. */
    FAILED
}
