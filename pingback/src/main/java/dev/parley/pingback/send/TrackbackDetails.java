package dev.parley.pingback.send;

import java.util.Objects;

/**
 * The optional fields of a TrackBack ping, describing the post that links: sent as {@code title},
 * {@code excerpt} and {@code blog_name} beside the required {@code url}. An empty string leaves a field out.
 * Webmention and Pingback carry none of them (their receivers read the source page instead).
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the post's title, or empty
 * @param excerpt a short excerpt of the post, or empty (receivers commonly cut it at 255 characters)
 * @param blogName the name of the site, or empty
 */
public record TrackbackDetails(String title, String excerpt, String blogName) {

    private static final TrackbackDetails NONE = new TrackbackDetails("", "", "");

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public TrackbackDetails {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(excerpt, "excerpt must not be null");
        Objects.requireNonNull(blogName, "blogName must not be null");
    }

    /**
     * No optional fields: a TrackBack ping with {@code url} only.
     *
     * @return the empty details
     */
    public static TrackbackDetails none() {
        return NONE;
    }
}
