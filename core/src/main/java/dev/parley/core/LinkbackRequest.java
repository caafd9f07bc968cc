package dev.parley.core;

import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.ThreadKey;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A linkback the host has verified (the source page exists and links to the thread's page), to be recorded.
 *
 * <p>Title, excerpt and author name are plain text taken from another site: the service escapes them, never
 * renders them as HTML. The {@link LinkbackDetails details} (type, permalink, publication time, author's url
 * and photo) are stored with the linkback and read back with {@link LinkbackDetails#of(dev.parley.storage.Comment)}.
 * Immutable and thread-safe.
 *
 * @param thread the thread linked to
 * @param kind {@link Kind#PINGBACK}, {@link Kind#TRACKBACK} or {@link Kind#WEBMENTION}
 * @param sourceUrl the absolute http(s) URL of the linking page
 * @param title the linking page's title, possibly empty; cut to {@value Linkback#MAX_TITLE_LENGTH} characters
 * @param excerpt the linkback's text, possibly empty; cut to the text limit: what the source's h-entry says
 *     when it has one (a reply's own words), else the text around the link
 * @param authorName the linking page's author, or null to show the title or the source host
 * @param client the request details of the ping (address, User-Agent)
 * @param details the source's post type, permalink, publication time and author's url and photo;
 *     {@link LinkbackDetails#none()} when unknown
 */
public record LinkbackRequest(
        ThreadKey thread,
        Kind kind,
        String sourceUrl,
        String title,
        String excerpt,
        @Nullable String authorName,
        ClientContext client,
        LinkbackDetails details) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException if {@code kind} is not a linkback kind or the source is not an
     *     absolute http(s) URL within {@value Linkback#MAX_SOURCE_URL_LENGTH} characters
     */
    public LinkbackRequest {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(sourceUrl, "source url must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(excerpt, "excerpt must not be null");
        Objects.requireNonNull(client, "client must not be null");
        Objects.requireNonNull(details, "details must not be null");
        if (!kind.isLinkback()) {
            throw new IllegalArgumentException("kind must be a linkback kind, was " + kind);
        }
        if (sourceUrl.length() > Linkback.MAX_SOURCE_URL_LENGTH || !HttpUrls.isAbsoluteHttp(sourceUrl)) {
            throw new IllegalArgumentException("source url must be an absolute http(s) URL of at most "
                    + Linkback.MAX_SOURCE_URL_LENGTH + " characters");
        }
        if (authorName != null && authorName.isBlank()) {
            authorName = null;
        }
    }

    /**
     * Creates a request without details: a {@link LinkbackType#MENTION} with no permalink, time or author
     * links.
     *
     * @param thread the thread linked to
     * @param kind {@link Kind#PINGBACK}, {@link Kind#TRACKBACK} or {@link Kind#WEBMENTION}
     * @param sourceUrl the absolute http(s) URL of the linking page
     * @param title the linking page's title, possibly empty
     * @param excerpt the linkback's text, possibly empty
     * @param authorName the linking page's author, or null
     * @param client the request details of the ping
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public LinkbackRequest(ThreadKey thread, Kind kind, String sourceUrl, String title, String excerpt,
            @Nullable String authorName, ClientContext client) {
        this(thread, kind, sourceUrl, title, excerpt, authorName, client, LinkbackDetails.none());
    }
}
