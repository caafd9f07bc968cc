package dev.parley.examples.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link LoginThrottle} keeps its counts: one entry per key (an account or a client address), shared by
 * every instance that must throttle together.
 *
 * <p>Writes are compare-and-set on the entry's {@link Entry#version() version}: an insert fails when the key
 * exists, a replace fails when another writer changed the entry since it was read. Each is one conditional
 * statement, so two instances counting the same key never both win; the loser reads again.
 *
 * <p>Implementations are thread-safe.
 */
public interface LoginAttempts {

    /**
     * The counted attempts of one key.
     *
     * @param attempts attempts counted since the key was last reset or forgotten
     * @param blockedUntil no attempt is allowed before this instant ({@link Instant#EPOCH} when none is blocked)
     * @param last when the latest attempt was counted
     * @param version incremented by every replace
     */
    record Entry(int attempts, Instant blockedUntil, Instant last, long version) {
        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException if attempts is negative
         */
        public Entry {
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
            }
            Objects.requireNonNull(blockedUntil, "blockedUntil");
            Objects.requireNonNull(last, "last");
        }
    }

    /**
     * The entry of a key.
     *
     * @param key the key
     * @return the entry, or empty if the key has none
     */
    Optional<Entry> find(String key);

    /**
     * Stores the first entry of a key.
     *
     * @param key the key
     * @param entry the entry
     * @return false if the key already has an entry (nothing is changed)
     */
    boolean insert(String key, Entry entry);

    /**
     * Replaces the entry of a key if it is still the version read.
     *
     * @param key the key
     * @param expectedVersion the version read
     * @param entry the new entry, whose version is {@code expectedVersion + 1}
     * @return false if the key has no entry or another version (nothing is changed)
     */
    boolean replace(String key, long expectedVersion, Entry entry);

    /**
     * Removes the entry of a key; nothing happens if it has none.
     *
     * @param key the key
     */
    void delete(String key);

    /**
     * Removes every entry whose latest attempt is before {@code cutoff}.
     *
     * @param cutoff the instant
     */
    void forgetBefore(Instant cutoff);
}
