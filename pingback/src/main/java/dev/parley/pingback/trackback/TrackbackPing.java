package dev.parley.pingback.trackback;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A TrackBack ping's fields, decoded and bounded.
 *
 * <p>Optional values are plain text under the contract of every extracted text (see {@link TrackbackParser}):
 * entities decoded once, tags removed, whitespace collapsed, no {@code <} or {@code >}, bounded. Still escape
 * them as any text when rendering. Optional fields that were absent or blank are null. Immutable and
 * thread-safe.
 *
 * @param url the pinging entry's permalink, an absolute http or https URL
 * @param title the entry's title, or null
 * @param excerpt an excerpt of the entry, or null
 * @param blogName the name of the pinging blog, or null
 */
public record TrackbackPing(String url, @Nullable String title, @Nullable String excerpt,
        @Nullable String blogName) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if {@code url} is null
     */
    public TrackbackPing {
        Objects.requireNonNull(url, "url must not be null");
    }
}
