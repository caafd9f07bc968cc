package dev.parley.core;

import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of a thread: root comments in the page order, each with its visible replies nested, oldest first.
 *
 * <p>A page holds the requested number of roots whenever that many visible roots follow its cursor, fewer
 * only on the last page. Roots hidden from the reader (a deleted or spam root with no visible reply, a held
 * root of someone else) are skipped and further roots read to fill the page, and {@link #next()} is set
 * exactly when a visible root follows the page, so it never leads to an empty page. Both hold within a
 * bounded number of store reads (thousands of roots); only behind a longer run of hidden roots can a page
 * come out short, even empty, with a cursor past the hidden roots it read. Immutable and thread-safe.
 *
 * @param thread the thread
 * @param order the order of the roots
 * @param roots the visible roots with their replies, an unmodifiable list
 * @param next the cursor of the next page, or null on the last page: null when no visible root follows
 * @param counts the thread's comments by status (all kinds); {@code counts().approved()} is the number a
 *     site shows as "N comments"
 */
public record ThreadPage(
        ThreadKey thread, Order order, List<ThreadNode> roots, @Nullable Cursor next, StatusCounts counts) {

    /**
     * Copies the roots.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public ThreadPage {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(order, "order must not be null");
        roots = List.copyOf(Objects.requireNonNull(roots, "roots must not be null"));
        Objects.requireNonNull(counts, "counts must not be null");
    }

    /**
     * Returns the cursor of the next page.
     *
     * @return the cursor, or empty on the last page
     */
    public Optional<Cursor> nextCursor() {
        return Optional.ofNullable(next);
    }

    /**
     * Counts the nodes on this page, placeholders included.
     *
     * @return the number of nodes
     */
    public int size() {
        int size = 0;
        for (ThreadNode root : roots) {
            size += root.size();
        }
        return size;
    }
}
