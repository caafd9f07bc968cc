package dev.parley.core;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an author's edit or delete gave: done, or refused with nothing changed. Immutable and thread-safe.
 */
public sealed interface EditResult permits EditResult.Done, EditResult.Rejected {

    /**
     * The change was stored.
     *
     * @param comment the comment as stored now
     */
    record Done(Comment comment) implements EditResult {

        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code comment} is null
         */
        public Done {
            Objects.requireNonNull(comment, "comment must not be null");
        }
    }

    /**
     * The change was refused; nothing changed.
     *
     * @param code why: {@link RejectCode#BAD_TOKEN}, {@link RejectCode#EDIT_WINDOW_CLOSED},
     *     {@link RejectCode#HAS_REPLIES}, {@link RejectCode#NOT_FOUND}, or a validation or moderation code for
     *     the new text
     * @param field the offending field for validation codes, else null
     * @param message a sentence to show the author
     */
    record Rejected(RejectCode code, @Nullable InputField field, String message) implements EditResult {

        /**
         * Checks the components.
         *
         * @throws NullPointerException naming the component, if a required one is null
         */
        public Rejected {
            Objects.requireNonNull(code, "code must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }
    }
}
