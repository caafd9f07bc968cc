package dev.parley.core;

import dev.parley.storage.Cursor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of replies under one root continues ({@link CommentService#replies}): after a reply, with how
 * many of the counted replies ({@link MoreReplies#count()}) lie at or before it, so that the next page can tell
 * how many follow it from the root's counts alone, without reading the replies before it again.
 *
 * <p>{@link #token()} renders it as URL-safe text, {@code <seen>.<cursor token>}, that {@link #parse} reads
 * back. A forged {@code seen} only changes the count a page shows, never what it shows. Immutable and
 * thread-safe.
 *
 * @param after the last reply of the page before, or null to start at the root's oldest reply (a thread page
 *     that had no room left for any of the root's replies)
 * @param seen the counted replies at or before {@code after}, 0 or more
 */
public record ReplyCursor(@Nullable Cursor after, long seen) {

    /** The start of a root's replies. */
    public static final ReplyCursor START = new ReplyCursor(null, 0);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code seen} is negative
     */
    public ReplyCursor {
        if (seen < 0) {
            throw new IllegalArgumentException("seen must not be negative, was " + seen);
        }
    }

    /**
     * Renders the cursor as {@code <seen>.<epoch seconds>.<micros>.<id>}, e.g. {@code 50.1764374400.000123.c1x9},
     * or as {@code <seen>} alone at the start.
     *
     * @return URL-safe text that {@link #parse(String)} reads back
     */
    public String token() {
        return after == null ? Long.toString(seen) : seen + "." + after.token();
    }

    /**
     * Reads a cursor written by {@link #token()}.
     *
     * @param token the text
     * @return the cursor
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if it is not a reply cursor token
     */
    public static ReplyCursor parse(String token) {
        Objects.requireNonNull(token, "reply cursor token must not be null");
        int dot = token.indexOf('.');
        int end = dot < 0 ? token.length() : dot;
        if (end == 0 || end > 10 || !token.substring(0, end).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("reply cursor token is malformed");
        }
        long seen = Long.parseLong(token.substring(0, end));
        return new ReplyCursor(dot < 0 ? null : Cursor.parse(token.substring(dot + 1)), seen);
    }

    @Override
    public String toString() {
        return token();
    }
}
