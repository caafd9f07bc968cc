package dev.parley.storage.subscriptions;

import dev.parley.storage.Author;
import java.time.Instant;
import java.util.Objects;

/**
 * One e-mail address as {@link Subscriptions} keeps it. Immutable and thread-safe.
 *
 * @param email the address, normalized ({@link Author#normalizeEmail})
 * @param state where it stands
 * @param changedAt when the state last changed, microsecond precision
 */
public record Address(String email, AddressState state, Instant changedAt) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if one is null
     * @throws IllegalArgumentException if {@code email} is not normalized
     */
    public Address {
        Objects.requireNonNull(email, "email must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(changedAt, "changedAt must not be null");
        if (!Author.normalizeEmail(email).equals(email)) {
            throw new IllegalArgumentException("email must be normalized (trimmed, lower case): \"" + email + "\"");
        }
        changedAt = changedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
