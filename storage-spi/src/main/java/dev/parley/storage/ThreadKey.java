package dev.parley.storage;

/**
 * The host's identity of the page a thread of comments belongs to, such as a post slug or a canonical path.
 *
 * <p>Any text of 1 to {@value #MAX_LENGTH} characters that is not blank and has no control characters. Parley
 * never interprets it; stores compare it exactly (case-sensitive, no normalisation).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the key text
 */
public record ThreadKey(String value) {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 512;

    /**
     * Checks the key.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or contains a control character
     */
    public ThreadKey {
        Check.noControlCharacters(Check.text(value, "thread key", MAX_LENGTH), "thread key");
    }

    /**
     * Returns the key for {@code value}.
     *
     * @param value the key text
     * @return the key
     * @throws IllegalArgumentException if {@code value} is not a valid key
     */
    public static ThreadKey of(String value) {
        return new ThreadKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
