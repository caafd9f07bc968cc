package dev.parley.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of comments read by keyset, and the cursor to the next page.
 *
 * <p>{@code next} is present exactly when the page is full ({@code items.size() == limit}): a full page may be
 * followed by an empty one, which is cheaper for a store than looking one row ahead. Immutable and
 * thread-safe.
 *
 * @param items the comments in page order, an unmodifiable copy
 * @param next the cursor of the last item when the page is full, else null
 */
public record Page(List<Comment> items, Cursor next) {

    /**
     * Copies the items.
     *
     * @throws NullPointerException if {@code items} is null or holds null
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
    }

    /**
     * Builds the page a store returns for {@code request}: the next cursor is set when the page is full.
     *
     * @param items the comments read, at most {@code request.limit()}
     * @param request the request served
     * @return the page
     * @throws IllegalArgumentException if there are more items than the limit
     */
    public static Page of(List<Comment> items, PageRequest request) {
        Objects.requireNonNull(items, "items must not be null");
        Objects.requireNonNull(request, "request must not be null");
        if (items.size() > request.limit()) {
            throw new IllegalArgumentException(
                    "page holds " + items.size() + " items, more than the limit " + request.limit());
        }
        Cursor next = items.size() == request.limit() ? Cursor.after(items.get(items.size() - 1)) : null;
        return new Page(items, next);
    }

    /**
     * Returns the cursor to the next page.
     *
     * @return the cursor, or empty on the last page
     */
    public Optional<Cursor> nextCursor() {
        return Optional.ofNullable(next);
    }
}
