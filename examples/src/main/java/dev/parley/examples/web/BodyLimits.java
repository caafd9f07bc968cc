package dev.parley.examples.web;

import dev.parley.storage.Comment;

/**
 * The largest request bodies the demo reads, derived from the longest comment text the engine takes, so that
 * any text the engine accepts also fits through the form and the JSON API, whatever its characters.
 *
 * <p>The engine counts UTF-16 units ({@link String#length()}). In UTF-8 a unit takes at most 3 bytes (a surrogate
 * pair, 2 units, takes 4), and a form's {@code %XX} encoding triples every byte: at most 9 bytes per unit. JSON may
 * write every unit as a {@code \\uXXXX} escape: at most 6 bytes per unit. Both get {@value #FIELDS_ALLOWANCE}
 * bytes more for the other fields (name, e-mail, web site, reply-to, field names).
 *
 * @param formBytes the largest form body (comment form, admin forms, TrackBack, Webmention)
 * @param jsonBytes the largest JSON body (the comment API)
 */
public record BodyLimits(int formBytes, int jsonBytes) {

    /** The bytes allowed besides the comment text: the other fields and their names. */
    public static final int FIELDS_ALLOWANCE = 64 * 1024;

    /** The limits for the longest text any engine takes, {@link Comment#MAX_TEXT_LENGTH} characters. */
    public static final BodyLimits DEFAULT = forText(Comment.MAX_TEXT_LENGTH);

    /**
     * Checks both are positive.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public BodyLimits {
        if (formBytes < 1 || jsonBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive, were " + formBytes + " and " + jsonBytes);
        }
    }

    /**
     * The limits that let a text of this many characters through, in any characters.
     *
     * @param maxTextLength the longest comment text, in UTF-16 units, 1..{@link Comment#MAX_TEXT_LENGTH}
     * @return the limits
     * @throws IllegalArgumentException if out of range
     */
    public static BodyLimits forText(int maxTextLength) {
        if (maxTextLength < 1 || maxTextLength > Comment.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("maxTextLength must be 1.." + Comment.MAX_TEXT_LENGTH + ", was "
                    + maxTextLength);
        }
        return new BodyLimits(maxTextLength * 9 + FIELDS_ALLOWANCE, maxTextLength * 6 + FIELDS_ALLOWANCE);
    }

    /**
     * The limit for a request to this path: the JSON limit under {@code /api}, the form limit elsewhere.
     *
     * @param path the path in the site, e.g. {@code /api/threads/x/comments}
     * @return the most body bytes read
     */
    public int forPath(String path) {
        return path.equals("/api") || path.startsWith("/api/") ? jsonBytes : formBytes;
    }

    /**
     * The larger of the two: no request body longer than this is read anywhere.
     *
     * @return the largest body
     */
    public int largest() {
        return Math.max(formBytes, jsonBytes);
    }
}
