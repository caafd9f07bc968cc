package dev.parley.pingback;

import org.jspecify.annotations.Nullable;

/**
 * The author of a source page, as its microformats2 h-card names them. Every component is optional and is
 * {@code null} when absent; a present value is never blank. Names are plain text (no {@code <} or {@code >});
 * URLs are absolute http or https URLs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the author's name, at most {@value #MAX_NAME_LENGTH} characters, or null
 * @param url the author's home page, at most {@value VerifiedLinkback#MAX_URL_LENGTH} characters, or null
 * @param photo the author's photo, at most {@value VerifiedLinkback#MAX_URL_LENGTH} characters, or null
 */
public record LinkbackAuthor(@Nullable String name, @Nullable String url, @Nullable String photo) {

    /** The longest author name kept. */
    public static final int MAX_NAME_LENGTH = 100;

    /**
     * Checks every component.
     *
     * @throws IllegalArgumentException naming the component, if one is blank, too long, holds {@code <} or
     *     {@code >}, or (for the URLs) is not an http(s) URL; or if all three are null
     */
    public LinkbackAuthor {
        Checks.optionalText(name, "author name", MAX_NAME_LENGTH);
        Checks.optionalHttpUrl(url, "author url");
        Checks.optionalHttpUrl(photo, "author photo");
        if (name == null && url == null && photo == null) {
            throw new IllegalArgumentException("author must have a name, url or photo");
        }
    }
}
