package dev.parley.core;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of response a linkback is, after the W3C Post Type Discovery note reduced to the properties that
 * name the linked post: the source's h-entry has {@code u-in-reply-to}, {@code u-like-of}, {@code u-repost-of}
 * or {@code u-bookmark-of} equal to the post's URL. Anything else, every Pingback and TrackBack without
 * microformats included, is a {@link #MENTION}. A page can show replies as comments and likes and reposts as
 * "liked by" faces.
 *
 * <p>Thread-safe (an enum).
 */
public enum LinkbackType {
    /** The source answers the post: a comment written on another site. */
    REPLY,
    /** The source likes the post. */
    LIKE,
    /** The source reposts (shares) the post. */
    REPOST,
    /** The source bookmarks the post. */
    BOOKMARK,
    /** The source links to the post in any other way. */
    MENTION;

    /**
     * Returns the lower-case name used in storage and JSON, e.g. {@code "reply"}.
     *
     * @return the name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the type with the given {@link #id()}.
     *
     * @param id a lower-case name such as {@code "like"}
     * @return the type, or empty when the name is unknown
     */
    public static Optional<LinkbackType> ofId(String id) {
        for (LinkbackType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
