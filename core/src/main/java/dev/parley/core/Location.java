package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a comment sits, for a permalink: its ancestors, and the page that shows it.
 *
 * <p>The page is the one that <em>starts at the comment's root</em>: reading
 * {@code page(thread, order, pageCursor, size, viewer)} returns the root first, so the comment is on it
 * whatever the page size. {@code pageCursor} is null when the root is the first of the thread, so the page is
 * the thread's first page. Immutable and thread-safe.
 *
 * @param comment the comment located
 * @param ancestors its ancestors from the root down to its parent; empty for a root. Deleted and spam ancestors
 *     are blanked as the page's placeholders are (see {@link ThreadNode}); a moderator gets spam as it is
 * @param order the order the cursor is for
 * @param pageCursor the cursor to read the page with, or null for the first page
 */
public record Location(Comment comment, List<Comment> ancestors, Order order, @Nullable Cursor pageCursor) {

    /**
     * Copies the ancestors.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public Location {
        Objects.requireNonNull(comment, "comment must not be null");
        ancestors = List.copyOf(Objects.requireNonNull(ancestors, "ancestors must not be null"));
        Objects.requireNonNull(order, "order must not be null");
    }

    /**
     * Returns the root of the comment's subtree: the first ancestor, or the comment itself.
     *
     * @return the root
     */
    public Comment root() {
        return ancestors.isEmpty() ? comment : ancestors.get(0);
    }
}
