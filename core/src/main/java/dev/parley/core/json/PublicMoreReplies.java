package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rest of a root's replies, past what a page holds: "N more replies" in the public schema
 * ({@link dev.parley.core.MoreReplies}). Immutable and thread-safe.
 *
 * @param count the further replies the reader may see, as {@link dev.parley.core.MoreReplies#count()} counts
 *     them
 * @param cursor the token of {@link dev.parley.core.ReplyCursor} to continue from
 * @param href where the host serves the next page of replies, or null when the converter was made without
 *     {@link CommentJson#withRepliesLinks}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicMoreReplies(long count, String cursor, @Nullable String href) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if {@code cursor} is null
     */
    public PublicMoreReplies {
        Objects.requireNonNull(cursor, "cursor must not be null");
    }
}
