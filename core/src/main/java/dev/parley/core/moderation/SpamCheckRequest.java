package dev.parley.core.moderation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of Akismet's {@code comment-check} call, named as Akismet names them, for any spam check.
 *
 * <p>Immutable and thread-safe.
 *
 * @param userIp {@code user_ip}: the client address, or null when unknown
 * @param userAgent {@code user_agent}: the client's User-Agent, or null
 * @param referrer {@code referrer}: the HTTP Referer of the form post, or null
 * @param permalink {@code permalink}: the URL of the page commented on, or null
 * @param commentType {@code comment_type}: {@code "comment"}, {@code "reply"}, {@code "pingback"},
 *     {@code "trackback"} or {@code "webmention"}
 * @param commentAuthor {@code comment_author}: the author's name
 * @param commentAuthorEmail {@code comment_author_email}, or null
 * @param commentAuthorUrl {@code comment_author_url}, or null
 * @param commentContent {@code comment_content}: the raw text as submitted
 * @param blogLang {@code blog_lang}, e.g. {@code "en"}, or null
 * @param blogCharset {@code blog_charset}, e.g. {@code "UTF-8"}, or null
 */
public record SpamCheckRequest(
        @Nullable String userIp,
        @Nullable String userAgent,
        @Nullable String referrer,
        @Nullable String permalink,
        String commentType,
        String commentAuthor,
        @Nullable String commentAuthorEmail,
        @Nullable String commentAuthorUrl,
        String commentContent,
        @Nullable String blogLang,
        @Nullable String blogCharset) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public SpamCheckRequest {
        Objects.requireNonNull(commentType, "comment type must not be null");
        Objects.requireNonNull(commentAuthor, "comment author must not be null");
        Objects.requireNonNull(commentContent, "comment content must not be null");
    }
}
