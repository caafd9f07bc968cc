package dev.parley.core;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import java.util.Objects;

/**
 * What recording a linkback gave. Recording is idempotent: the same source on the same thread a second time
 * is {@link AlreadyRegistered}, a value (Pingback's fault 48), never an exception. Immutable and thread-safe.
 */
public sealed interface LinkbackResult
        permits LinkbackResult.Recorded, LinkbackResult.AlreadyRegistered, LinkbackResult.Rejected {

    /**
     * The linkback was stored; its status tells whether it is published, held or spam.
     *
     * @param comment the stored linkback
     */
    record Recorded(Comment comment) implements LinkbackResult {

        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code comment} is null
         */
        public Recorded {
            Objects.requireNonNull(comment, "comment must not be null");
        }
    }

    /**
     * The thread already holds a linkback from this source; nothing changed.
     *
     * @param existing the linkback stored earlier, whatever its status
     */
    record AlreadyRegistered(Comment existing) implements LinkbackResult {

        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code existing} is null
         */
        public AlreadyRegistered {
            Objects.requireNonNull(existing, "existing must not be null");
        }
    }

    /**
     * The linkback was refused ({@link RejectCode#CLOSED}, or a rule's rejection); nothing was stored.
     *
     * @param code why
     * @param message a sentence for the remote server
     */
    record Rejected(RejectCode code, String message) implements LinkbackResult {

        /**
         * Checks the components.
         *
         * @throws NullPointerException naming the component, if one is null
         */
        public Rejected {
            Objects.requireNonNull(code, "code must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }
    }
}
