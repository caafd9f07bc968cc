package dev.parley.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A keyset position: the (created at, id) of the last comment of a page. The next page holds the comments
 * strictly after it in the page's {@link Order}, so pages neither skip nor repeat comments while others are
 * inserted or moderated between reads.
 *
 * <p>{@link #token()} renders it as URL-safe text and {@link #parse(String)} reads it back, so a host can
 * carry it in a link.
 *
 * <p>Immutable and thread-safe.
 *
 * @param createdAt the creation time of the last comment seen, microsecond precision
 * @param id the id of the last comment seen
 */
public record Cursor(Instant createdAt, CommentId id) {

    /**
     * Checks the components and truncates the instant to microseconds, as {@link Comment} does.
     *
     * @throws NullPointerException if either is null
     */
    public Cursor {
        Objects.requireNonNull(createdAt, "cursor created at must not be null");
        Objects.requireNonNull(id, "cursor id must not be null");
        createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Returns the cursor positioned at {@code comment}.
     *
     * @param comment the last comment of a page
     * @return its cursor
     */
    public static Cursor after(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        return new Cursor(comment.createdAt(), comment.id());
    }

    /**
     * Tells whether a comment lies strictly after a cursor in a page order: by (created at, id), ids compared
     * in binary order, both keys in the order's direction.
     *
     * @param comment the comment
     * @param cursor the position
     * @param order the page order
     * @return true if a page continuing after {@code cursor} in {@code order} may hold the comment
     */
    public static boolean follows(Comment comment, Cursor cursor, Order order) {
        Objects.requireNonNull(comment, "comment must not be null");
        Objects.requireNonNull(cursor, "cursor must not be null");
        Objects.requireNonNull(order, "order must not be null");
        int byTime = comment.createdAt().compareTo(cursor.createdAt());
        int compared = byTime != 0 ? byTime : comment.id().compareTo(cursor.id());
        return order == Order.OLDEST_FIRST ? compared > 0 : compared < 0;
    }

    /**
     * Renders the cursor as {@code <epoch seconds>.<micros>.<id>}, e.g. {@code 1764374400.000123.c1x9}.
     *
     * @return URL-safe text that {@link #parse(String)} reads back
     */
    public String token() {
        return createdAt.getEpochSecond() + "." + String.format("%06d", createdAt.getNano() / 1_000) + "." + id.value();
    }

    /**
     * Reads a cursor written by {@link #token()}.
     *
     * @param token the text
     * @return the cursor
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if it is not a cursor token
     */
    public static Cursor parse(String token) {
        Objects.requireNonNull(token, "cursor token must not be null");
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second != first + 7 || second == token.length() - 1 || token.length() > 100) {
            throw new IllegalArgumentException("cursor token is malformed: \"" + abbreviate(token) + "\"");
        }
        try {
            long seconds = Long.parseLong(token.substring(0, first));
            String micros = token.substring(first + 1, second);
            if (!micros.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException(micros);
            }
            Instant at = Instant.ofEpochSecond(seconds, Integer.parseInt(micros) * 1_000L);
            return new Cursor(at, new CommentId(token.substring(second + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor token is malformed: \"" + abbreviate(token) + "\"", e);
        }
    }

    private static String abbreviate(String token) {
        return token.length() <= 40 ? token : token.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return token();
    }
}
