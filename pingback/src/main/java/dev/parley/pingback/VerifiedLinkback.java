package dev.parley.pingback;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A linkback whose source was fetched and found to link to the target, with what was extracted from the
 * source page. Every text is plain text: entities decoded, tags removed, whitespace collapsed, no {@code <}
 * or {@code >} characters, bounded in length. A host can store and render it (HTML-escaped, as any text)
 * without further cleaning.
 *
 * <p>Immutable and thread-safe.
 *
 * @param protocol the protocol the linkback arrived by
 * @param source the source URL as the sender gave it (not the final URL after redirects), an absolute http(s)
 *     URL of at most {@value #MAX_URL_LENGTH} characters
 * @param target the target URL as the sender gave it, an absolute http(s) URL of at most
 *     {@value #MAX_URL_LENGTH} characters
 * @param title the source's title, 1 to {@value #MAX_TITLE_LENGTH} characters
 * @param excerpt text around the link, at most {@value #MAX_EXCERPT_LENGTH} characters, empty when the link
 *     has no text around it
 * @param content what the source's h-entry says, at most {@value #MAX_CONTENT_LENGTH} characters: the text of
 *     its {@code e-content}, else of its {@code p-summary}, else of its explicit {@code p-name}; empty when
 *     the page has no h-entry or the entry has none of these. The h-entry is the innermost one around the
 *     link that speaks for the page (the one a reply cites the target from, when the link sits in a
 *     {@code u-in-reply-to} or other response {@code h-cite}/{@code h-entry}), else the page's first h-entry
 *     when it stands outside every other microformats2 root (a permalink page, not a feed)
 * @param author the source's author from microformats2, or null when the page names none
 * @param postType what kind of response the source is; {@link PostType#MENTION} when nothing more is known
 * @param url the h-entry's {@code u-url} (its permalink), an absolute http(s) URL of at most
 *     {@value #MAX_URL_LENGTH} characters, or null when it names none
 * @param published when the source's h-entry says it was published, with the offset the page gave, or null
 *     when it does not say (or gives a local time without an offset)
 */
public record VerifiedLinkback(
        Protocol protocol,
        String source,
        String target,
        String title,
        String excerpt,
        String content,
        @Nullable LinkbackAuthor author,
        PostType postType,
        @Nullable String url,
        @Nullable OffsetDateTime published) {

    /** The longest URL accepted or kept. */
    public static final int MAX_URL_LENGTH = 2048;
    /** The longest title kept. */
    public static final int MAX_TITLE_LENGTH = 200;
    /** The longest excerpt kept, {@code […]} marks included. */
    public static final int MAX_EXCERPT_LENGTH = 300;
    /** The longest h-entry content kept, a closing {@code …} included. */
    public static final int MAX_CONTENT_LENGTH = 5000;

    /**
     * Checks every component.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException naming the component, if a URL is not an http(s) URL, a text is too
     *     long or holds {@code <} or {@code >}, or the title is blank
     */
    public VerifiedLinkback {
        Objects.requireNonNull(protocol, "protocol must not be null");
        Checks.httpUrl(source, "source");
        Checks.httpUrl(target, "target");
        Checks.text(title, "title", MAX_TITLE_LENGTH);
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        Checks.text(excerpt, "excerpt", MAX_EXCERPT_LENGTH);
        Checks.text(content, "content", MAX_CONTENT_LENGTH);
        Objects.requireNonNull(postType, "postType must not be null");
        Checks.optionalHttpUrl(url, "url");
    }

    /**
     * Returns the text a host stores as the linkback's body: the h-entry's {@link #content()} when the source
     * has one, else the {@link #excerpt()} around the link (pages without microformats, Pingback and
     * TrackBack sources of old blogs).
     *
     * @return plain text, possibly empty
     */
    public String text() {
        return content.isEmpty() ? excerpt : content;
    }
}
