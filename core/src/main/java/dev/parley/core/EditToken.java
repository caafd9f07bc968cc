package dev.parley.core;

import java.util.Objects;

/**
 * The capability an anonymous author gets with an accepted comment: it lets them edit or delete it inside the
 * edit window, and see it while it is held for moderation.
 *
 * <p>The value is URL-safe text ({@code <comment id>.<expiry epoch seconds>.<HMAC-SHA256, base64url>})
 * signed with the service's secret, so the service keeps no token table. Keep it in a cookie or local
 * storage; treat it as a password. Immutable and thread-safe.
 *
 * <p>{@link #value()} is what travels: hand the author {@code accepted.editToken().value()} (a cookie, the API's
 * answer) and, when they send it back (a header, a cookie, a form field), rebuild it with
 * {@code new EditToken(text)} for {@code editByAuthor}, {@code deleteByAuthor} or a {@link Viewer}.
 *
 * @param value the token text, the form to send and store; {@link #toString()} hides it
 */
public record EditToken(String value) {

    /** The longest token text accepted. */
    public static final int MAX_LENGTH = 200;

    /**
     * Checks the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank or too long
     */
    public EditToken {
        Objects.requireNonNull(value, "token value must not be null");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "token value must be 1 to " + MAX_LENGTH + " non-blank characters, was " + value.length());
        }
    }

    /** Hides the value, which is a credential. */
    @Override
    public String toString() {
        return "EditToken[...]";
    }
}
