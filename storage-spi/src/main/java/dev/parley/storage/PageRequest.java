package dev.parley.storage;

import java.util.Objects;

/**
 * What page to read: the order, where to start, and how many comments at most.
 *
 * <p>Immutable and thread-safe.
 *
 * @param order the page order
 * @param after the position to continue after, or null for the first page
 * @param limit 1 to {@value #MAX_LIMIT} comments
 */
public record PageRequest(Order order, Cursor after, int limit) {

    /** The largest page a store must serve. */
    public static final int MAX_LIMIT = 1_000;

    /**
     * Checks the request.
     *
     * @throws NullPointerException if {@code order} is null
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public PageRequest {
        Objects.requireNonNull(order, "order must not be null");
        Check.positive(limit, "limit", MAX_LIMIT);
    }

    /**
     * Returns a request for the first page.
     *
     * @param order the order
     * @param limit the page size
     * @return the request
     */
    public static PageRequest first(Order order, int limit) {
        return new PageRequest(order, null, limit);
    }

    /**
     * Returns the request for the page after {@code cursor}, same order and size.
     *
     * @param cursor where the previous page ended
     * @return the request
     */
    public PageRequest next(Cursor cursor) {
        Objects.requireNonNull(cursor, "cursor must not be null");
        return new PageRequest(order, cursor, limit);
    }
}
