package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A comment in the moderator schema: everything stored, including the private author fields and the
 * moderation reason. Only for moderators' eyes. Immutable and thread-safe.
 *
 * @param id the id
 * @param thread the thread key
 * @param parentId the parent's id, or null for a root
 * @param rootId the root's id (its own for a root)
 * @param inReplyToId the id of the comment answered, or null for a root
 * @param depth 0 for a root
 * @param kind {@code "comment"}, {@code "pingback"}, {@code "trackback"} or {@code "webmention"}
 * @param status {@code "pending"}, {@code "approved"}, {@code "spam"} or {@code "deleted"}
 * @param reason why moderation gave it its status, or null
 * @param author every author field
 * @param text the raw input as submitted (show it escaped, never as HTML)
 * @param html the sanitized html
 * @param source for a linkback, the linking page; else null
 * @param created when it was posted
 * @param updated when it last changed
 * @param version the optimistic-locking version
 * @param attributes the host's own data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModeratorComment(
        String id,
        String thread,
        @Nullable String parentId,
        String rootId,
        @Nullable String inReplyToId,
        int depth,
        String kind,
        String status,
        @Nullable String reason,
        Author author,
        String text,
        String html,
        PublicComment.@Nullable PublicSource source,
        Instant created,
        Instant updated,
        long version,
        Map<String, String> attributes) {

    /**
     * Checks the required components and copies the attributes.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public ModeratorComment {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(rootId, "root id must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(html, "html must not be null");
        Objects.requireNonNull(created, "created must not be null");
        Objects.requireNonNull(updated, "updated must not be null");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes must not be null"));
    }

    /**
     * Every author field, private ones included. Immutable and thread-safe.
     *
     * @param name the display name
     * @param email the e-mail address, or null
     * @param url the web site, or null
     * @param userId the host's user id, or null
     * @param ip the client address, or null
     * @param userAgent the client's User-Agent, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name, @Nullable String email, @Nullable String url, @Nullable String userId,
            @Nullable String ip, @Nullable String userAgent) {

        /**
         * Checks the name.
         *
         * @throws NullPointerException if {@code name} is null
         */
        public Author {
            Objects.requireNonNull(name, "name must not be null");
        }
    }
}
