package dev.parley.migrate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A thread as a source describes it: a WordPress post, a Disqus thread, a Remark42 or Isso page. A
 * {@link ThreadMapper} turns it into a Parley thread key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the thread's id in the source (a WordPress post id, a Disqus thread's {@code dsq:id}, a page URL
 *     or path), not empty
 * @param link the page's URL as the source knew it, or null
 * @param identifier the host's own identifier of the page (Disqus's {@code disqus_identifier}, a WordPress
 *     post's slug), or null
 * @param title the page's title as plain text, or null
 */
public record SourceThread(String id, @Nullable String link, @Nullable String identifier, @Nullable String title) {

    /**
     * Checks the id.
     *
     * @throws NullPointerException if the id is null
     * @throws IllegalArgumentException if the id is empty
     */
    public SourceThread {
        Objects.requireNonNull(id, "id must not be null");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
    }

    /**
     * Returns a thread known by its id only: the thread a comment names when the source does not describe it.
     *
     * @param id the thread's id in the source
     * @return the thread
     */
    public static SourceThread ofId(String id) {
        return new SourceThread(id, null, null, null);
    }
}
