package dev.parley.pingback.verify;

import dev.parley.pingback.LinkbackAuthor;
import dev.parley.pingback.PostType;
import dev.parley.pingback.VerifiedLinkback;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one source page says about one target: whether it links there, and the title, excerpt, content,
 * author, post type, permalink and publication date extracted from it. Texts are plain text under the limits
 * of {@link VerifiedLinkback}: entities decoded, tags removed, whitespace collapsed, no {@code <} or {@code >}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param linksToTarget whether the page links to the target by the rules of {@link LinkVerifier}
 * @param title the page's title, never blank (the host name when the page has no title)
 * @param excerpt text around the first link to the target; empty when there is no link or no text
 * @param content what the page's h-entry says (see {@link VerifiedLinkback#content()}); empty without one
 * @param author the page's author from microformats2, or null
 * @param postType the post type towards the target; {@link PostType#MENTION} without a link or microformats
 * @param url the h-entry's {@code u-url}, an absolute http(s) URL, or null
 * @param published the h-entry's {@code dt-published} with the offset the page gave, or null
 */
public record SourceReport(
        boolean linksToTarget,
        String title,
        String excerpt,
        String content,
        @Nullable LinkbackAuthor author,
        PostType postType,
        @Nullable String url,
        @Nullable OffsetDateTime published) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException naming the component, if a text is blank where it must not be, too
     *     long, or holds {@code <} or {@code >}
     */
    public SourceReport {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(excerpt, "excerpt must not be null");
        Objects.requireNonNull(content, "content must not be null");
        Objects.requireNonNull(postType, "postType must not be null");
        if (title.isBlank() || title.length() > VerifiedLinkback.MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("title must be 1 to " + VerifiedLinkback.MAX_TITLE_LENGTH
                    + " characters, not blank");
        }
        if (excerpt.length() > VerifiedLinkback.MAX_EXCERPT_LENGTH) {
            throw new IllegalArgumentException("excerpt must be at most " + VerifiedLinkback.MAX_EXCERPT_LENGTH
                    + " characters");
        }
        if (content.length() > VerifiedLinkback.MAX_CONTENT_LENGTH) {
            throw new IllegalArgumentException("content must be at most " + VerifiedLinkback.MAX_CONTENT_LENGTH
                    + " characters");
        }
        if (hasAngle(title) || hasAngle(excerpt) || hasAngle(content)) {
            throw new IllegalArgumentException((hasAngle(title) ? "title" : hasAngle(excerpt) ? "excerpt" : "content")
                    + " must be plain text without '<' or '>'");
        }
        if (url != null && (url.length() > VerifiedLinkback.MAX_URL_LENGTH || hasAngle(url)
                || !(url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)))) {
            throw new IllegalArgumentException("url must be an absolute http or https URL of at most "
                    + VerifiedLinkback.MAX_URL_LENGTH + " characters");
        }
    }

    private static boolean hasAngle(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0;
    }
}
