package dev.parley.core;

import java.util.Objects;

/**
 * The rest of a root's replies, past what a page shows: the "N more replies" link under a cut subtree
 * ({@link ThreadNode#moreReplies()}, {@link ReplyPage#moreReplies()}).
 *
 * <p>{@code count} counts the <em>counted</em> replies after the cursor, at any depth under the root: approved
 * replies, and for a moderator held ones too. It is the root's count by status, read in one grouped read,
 * minus the counted replies at or before the cursor, so it is exact at the time of the read, with two
 * corners a reader may notice:
 * <ul>
 *   <li>an approved reply below a held or removed reply is counted though the reader does not see it (the
 *       pages hide a reply whose ancestor is hidden), until the held one is approved;</li>
 *   <li>a reader's own held replies are not counted (only a moderator's count includes held replies), though
 *       the pages show them to their author; for a reader who may own held replies the marker is present
 *       whenever the replies were cut, even with a count of 0.</li>
 * </ul>
 * On a page of replies the count is the root's count minus {@link ReplyCursor#seen()}, so it stays exact as
 * long as no reply before the cursor changed status between the pages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the counted replies after the cursor, 0 or more
 * @param cursor where the next page of replies under the root starts
 */
public record MoreReplies(long count, ReplyCursor cursor) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code cursor} is null
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public MoreReplies {
        Objects.requireNonNull(cursor, "cursor must not be null");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }
}
