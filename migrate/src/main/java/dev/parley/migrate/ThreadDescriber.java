package dev.parley.migrate;

import dev.parley.storage.ThreadKey;
import java.util.Objects;

/**
 * Tells an export what post or page a Parley thread belongs to: the inverse of a {@link ThreadMapper}. The
 * WordPress and Disqus writers call it once per thread.
 *
 * <p>Implementations must be deterministic and thread-safe.
 */
@FunctionalInterface
public interface ThreadDescriber {

    /**
     * Describes a thread.
     *
     * @param thread the Parley thread key
     * @return the post's title, link and slug
     */
    PostInfo describe(ThreadKey thread);

    /**
     * Returns the description that the key alone gives: the key as the title; {@code siteUrl} followed by the
     * key as the link (with a {@code /} between them when the key does not start with one); and the last
     * non-empty segment of the key's path, before any {@code ?} or {@code #}, as the slug ({@code hello} for
     * {@code /2019/05/hello/}, empty for {@code /?p=4}).
     *
     * @param siteUrl the site's address, without a trailing {@code /} (one is dropped)
     * @return the describer
     */
    static ThreadDescriber byKey(String siteUrl) {
        Objects.requireNonNull(siteUrl, "site url must not be null");
        String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return thread -> {
            String key = thread.value();
            String link = key.startsWith("/") ? base + key : base + "/" + key;
            return new PostInfo(key, link, slug(key));
        };
    }

    private static String slug(String key) {
        int end = key.length();
        int query = key.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = key.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        String path = key.substring(0, end);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
