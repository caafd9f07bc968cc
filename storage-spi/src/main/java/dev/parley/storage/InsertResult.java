package dev.parley.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a conditional insert ({@link CommentStore#insert(Comment, InsertConditions)}): stored, or
 * refused by one of its {@link InsertConditions}, with nothing stored.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface InsertResult permits InsertResult.Inserted, InsertResult.Duplicate,
        InsertResult.TooSoon {

    /** The comment was stored. */
    record Inserted() implements InsertResult {
    }

    /**
     * Refused: a comment holding the same fingerprint is stored.
     *
     * @param existing the id of that comment
     */
    record Duplicate(CommentId existing) implements InsertResult {
        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code existing} is null
         */
        public Duplicate {
            Objects.requireNonNull(existing, "existing must not be null");
        }
    }

    /**
     * Refused: a quiet key was used after the conditions' quiet-since instant.
     *
     * @param key the key, as given in the conditions
     * @param lastUsed when it was last used
     */
    record TooSoon(String key, Instant lastUsed) implements InsertResult {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if either is null
         */
        public TooSoon {
            Objects.requireNonNull(key, "key must not be null");
            Objects.requireNonNull(lastUsed, "last used must not be null");
        }
    }
}
