package dev.parley.pingback;

/**
 * What kind of response the source is to the target, after the W3C Post Type Discovery note reduced to the
 * properties that name the target: the source's h-entry has {@code u-in-reply-to}, {@code u-like-of},
 * {@code u-repost-of} or {@code u-bookmark-of} equal to the target URL. Anything else, including every
 * Pingback and TrackBack without microformats, is a {@link #MENTION}.
 *
 * <p>Thread-safe (an enum).
 */
public enum PostType {
    /** The h-entry's {@code u-in-reply-to} is the target: a comment written on another site. */
    REPLY,
    /** The h-entry's {@code u-like-of} is the target. */
    LIKE,
    /** The h-entry's {@code u-repost-of} is the target. */
    REPOST,
    /** The h-entry's {@code u-bookmark-of} is the target. */
    BOOKMARK,
    /** The source links to the target in any other way. */
    MENTION
}
