package dev.parley.core;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What posting a comment or reply gave: accepted (stored, with its status) or rejected (nothing stored).
 *
 * <p>Every outcome a user can cause is one of these values; exceptions mean a programming error or a
 * storage failure. Immutable and thread-safe.
 */
public sealed interface PostResult permits PostResult.Accepted, PostResult.Rejected {

    /**
     * The comment was stored.
     *
     * @param comment the stored comment; its status tells whether it is published, held or spam, and its
     *     moderation reason why
     * @param editToken the author's token for editing and for seeing it while held
     */
    record Accepted(Comment comment, EditToken editToken) implements PostResult {

        /**
         * Checks the components.
         *
         * @throws NullPointerException naming the component, if one is null
         */
        public Accepted {
            Objects.requireNonNull(comment, "comment must not be null");
            Objects.requireNonNull(editToken, "edit token must not be null");
        }

        /**
         * Returns the stored status.
         *
         * @return approved, pending or spam
         */
        public Status status() {
            return comment.status();
        }
    }

    /**
     * The comment was refused and nothing was stored.
     *
     * @param code why
     * @param field the offending field for {@link RejectCode#TOO_LONG}, {@link RejectCode#INVALID_FIELD} and
     *     {@link RejectCode#EMPTY}; else null
     * @param message a sentence to show the author
     * @param retryAfter for {@link RejectCode#FLOOD}, how long until the same comment would be taken (whole
     *     seconds, rounded up; a web host sends it as {@code Retry-After}); else null
     */
    record Rejected(RejectCode code, @Nullable InputField field, String message, @Nullable Duration retryAfter)
            implements PostResult {

        /**
         * Checks the components.
         *
         * @throws NullPointerException naming the component, if a required one is null
         * @throws IllegalArgumentException if {@code retryAfter} is not positive
         */
        public Rejected {
            Objects.requireNonNull(code, "code must not be null");
            Objects.requireNonNull(message, "message must not be null");
            if (retryAfter != null && (retryAfter.isNegative() || retryAfter.isZero())) {
                throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
            }
        }

        /**
         * A rejection that waiting does not cure.
         *
         * @param code why
         * @param field the offending field, or null
         * @param message a sentence to show the author
         * @throws NullPointerException naming the component, if a required one is null
         */
        public Rejected(RejectCode code, @Nullable InputField field, String message) {
            this(code, field, message, null);
        }
    }
}
