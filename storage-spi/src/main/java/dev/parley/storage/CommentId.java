package dev.parley.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a stored comment: 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_-]}.
 *
 * <p>The alphabet is narrow on purpose. Stores break timestamp ties by comparing ids in binary (code point)
 * order, and every database collation agrees with code point order on an ASCII alphabet only when the
 * database is told to compare bytes ({@code COLLATE "C"} in PostgreSQL); keeping ids to letters, digits,
 * {@code _} and {@code -} keeps them safe in URLs, HTML ids and file names too. Hosts that import comments
 * with foreign ids keep the original in {@link Comment#attributes()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id text
 */
public record CommentId(String value) implements Comparable<CommentId> {

    /** The longest id accepted. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Checks the id.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, longer than {@value #MAX_LENGTH} characters or uses a
     *     character outside {@code [A-Za-z0-9_-]}
     */
    public CommentId {
        Check.text(value, "comment id", MAX_LENGTH);
        if (!ALPHABET.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "comment id must use only the characters A-Z, a-z, 0-9, '_' and '-', was \"" + value + "\"");
        }
    }

    /**
     * Returns the id for {@code value}.
     *
     * @param value the id text
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid id
     */
    public static CommentId of(String value) {
        return new CommentId(value);
    }

    /** Compares in binary (code point) order, the order stores use to break timestamp ties. */
    @Override
    public int compareTo(CommentId other) {
        Objects.requireNonNull(other, "other");
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
