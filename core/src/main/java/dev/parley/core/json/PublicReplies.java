package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page of the replies under one root in the public schema ({@link dev.parley.core.ReplyPage}). Each
 * top-level reply names its {@code parent} (the root, or a reply of an earlier page), so a client can put it
 * in place; replies whose parent is on this page are nested. Immutable and thread-safe.
 *
 * @param thread the thread key
 * @param root the root, without its replies
 * @param replies the top-level replies of this page, oldest first, each with its {@code parent}
 * @param moreReplies the rest of the root's replies, or null on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicReplies(String thread, PublicComment root, List<PublicComment> replies,
        @Nullable PublicMoreReplies moreReplies) {

    /**
     * Checks the required components and copies the replies.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public PublicReplies {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(root, "root must not be null");
        replies = List.copyOf(Objects.requireNonNull(replies, "replies must not be null"));
    }
}
