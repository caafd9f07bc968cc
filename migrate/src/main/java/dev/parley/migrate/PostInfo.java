package dev.parley.migrate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an export describes a Parley thread as a post or page of the target system: the title, address and slug a
 * WordPress or Disqus import shows and matches it by.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the post's title as plain text, possibly empty
 * @param link the post's absolute URL, possibly empty
 * @param slug the post's slug (WordPress's {@code post_name}), possibly empty
 * @param postDate the post's date exactly as WordPress holds it ({@code wp:post_date}, the site's local time,
 *     {@code yyyy-MM-dd HH:mm:ss}), or null. The WordPress importer adds comments to an existing post only when
 *     title and this date both match; without it the WXR writer uses the thread's earliest comment's date in UTC,
 *     and the importer creates a new post
 */
public record PostInfo(String title, String link, String slug, @Nullable String postDate) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if the title, link or slug is null
     */
    public PostInfo {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(link, "link must not be null");
        Objects.requireNonNull(slug, "slug must not be null");
    }

    /**
     * Creates a description without a post date.
     *
     * @param title the post's title
     * @param link the post's URL
     * @param slug the post's slug
     */
    public PostInfo(String title, String link, String slug) {
        this(title, link, slug, null);
    }
}
