package dev.parley.storage.jobs;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of a queued job: 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_-]}, chosen by the
 * queue when the job is enqueued ({@link #random()} gives a fresh one).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id text
 */
public record JobId(String value) {

    /** The longest id accepted. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Checks the id.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is empty, too long, or uses a character outside the alphabet
     */
    public JobId {
        Objects.requireNonNull(value, "job id must not be null");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ALPHABET.matcher(value).matches()) {
            throw new IllegalArgumentException("job id must be 1 to " + MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_' and '-', was \"" + value + "\"");
        }
    }

    /**
     * A fresh random id (a version 4 UUID), for queue implementations.
     *
     * @return a new id
     */
    public static JobId random() {
        return new JobId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
