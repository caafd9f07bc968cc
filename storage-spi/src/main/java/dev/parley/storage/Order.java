package dev.parley.storage;

/**
 * The order of a page: by creation time, ties broken by {@link CommentId} in binary order, the same
 * direction for both keys.
 */
public enum Order {
    /** Ascending (created at, id). */
    OLDEST_FIRST,
    /** Descending (created at, id). */
    NEWEST_FIRST
}
