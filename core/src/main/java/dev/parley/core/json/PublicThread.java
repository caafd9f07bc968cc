package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A thread page in the public schema. Immutable and thread-safe.
 *
 * @param thread the thread key
 * @param order {@code "oldest"} or {@code "newest"} first
 * @param total the number of published comments and linkbacks in the thread
 * @param next the cursor token of the next page, or null on the last page
 * @param comments the roots with their replies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicThread(String thread, String order, long total, @Nullable String next,
        List<PublicComment> comments) {

    /**
     * Checks the required components and copies the comments.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public PublicThread {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(order, "order must not be null");
        comments = List.copyOf(Objects.requireNonNull(comments, "comments must not be null"));
    }
}
