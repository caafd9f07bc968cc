package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One node of the public thread schema: a comment, linkback or placeholder with its replies.
 *
 * <p>Never holds an e-mail address, client address or User-Agent. A placeholder (a deleted or spam comment
 * kept for its replies) has no author, html, source or edit time, and its kind is {@code "comment"}: nothing
 * tells a spam placeholder from a deleted one. Absent values are left out of the JSON. Immutable and
 * thread-safe.
 *
 * @param id the comment id, for anchors and reply forms
 * @param kind {@code "comment"}, {@code "pingback"}, {@code "trackback"} or {@code "webmention"}
 * @param author who wrote it; null for a placeholder
 * @param html the sanitized html to insert as is; null for a placeholder
 * @param created when it was posted
 * @param edited when its text was last changed, or null if never; approval and other status changes are no edit
 * @param depth 0 for a root
 * @param inReplyTo the id of the comment it answers when that differs from its parent (a reply below the
 *     deepest level), else null
 * @param placeholder true for a deleted or spam comment kept for its replies
 * @param status {@code "pending"} for a held comment shown to its author or a moderator, {@code "spam"} for a
 *     spam comment kept for its replies on a moderator's page, else null (published, or a placeholder)
 * @param source for a linkback, the linking page; else null
 * @param replies the visible replies, oldest first
 * @param parent the id of the comment it answers, only on a top-level reply of a page of replies
 *     ({@link PublicReplies}), where the parent is not in the same answer; else null
 * @param moreReplies on a root whose replies the page cut, the rest of them; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicComment(
        String id,
        String kind,
        @Nullable PublicAuthor author,
        @Nullable String html,
        Instant created,
        @Nullable Instant edited,
        int depth,
        @Nullable String inReplyTo,
        boolean placeholder,
        @Nullable String status,
        @Nullable PublicSource source,
        List<PublicComment> replies,
        @Nullable String parent,
        @Nullable PublicMoreReplies moreReplies) {

    /**
     * Checks the required components and copies the replies.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public PublicComment {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(created, "created must not be null");
        replies = List.copyOf(Objects.requireNonNull(replies, "replies must not be null"));
    }

    /**
     * A linkback's source page, with what its microformats2 h-entry says about itself. Absent values are left
     * out of the JSON. Immutable and thread-safe.
     *
     * @param url the linking page
     * @param title its title as plain text (escape it when writing HTML)
     * @param type the kind of response: {@code "reply"}, {@code "like"}, {@code "repost"}, {@code "bookmark"}
     *     or {@code "mention"}; null only in views made with the two-argument constructor
     * @param entryUrl the source entry's permalink ({@code u-url}), or null
     * @param published when the source entry says it was published, ISO 8601 with the offset the page gave
     *     (e.g. {@code 2024-06-01T10:15:00+05:30}), or null
     * @param authorUrl the source author's home page (http or https), or null
     * @param authorPhoto the source author's photo (http or https), or null; a page may show it as the avatar
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublicSource(
            String url,
            String title,
            @Nullable String type,
            @Nullable String entryUrl,
            @Nullable String published,
            @Nullable String authorUrl,
            @Nullable String authorPhoto) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException naming the component, if a required one is null
         */
        public PublicSource {
            Objects.requireNonNull(url, "url must not be null");
            Objects.requireNonNull(title, "title must not be null");
        }

        /**
         * Creates a source view with its page only.
         *
         * @param url the linking page
         * @param title its title
         */
        public PublicSource(String url, String title) {
            this(url, title, null, null, null, null, null);
        }
    }
}
