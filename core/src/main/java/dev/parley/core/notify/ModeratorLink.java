package dev.parley.core.notify;

import dev.parley.core.ModeratorAction;
import dev.parley.storage.CommentId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verified moderator link in a held-comment mail does: one action on one comment, valid while the
 * comment is still at the version the mail was made for (so it works once) and until it expires.
 * Immutable and thread-safe.
 *
 * @param comment the held comment
 * @param version the comment's version when the mail was made
 * @param action {@link ModeratorAction#APPROVE}, {@link ModeratorAction#SPAM} or {@link ModeratorAction#DELETE}
 * @param expiresAt when the link stops working
 */
public record ModeratorLink(CommentId comment, long version, ModeratorAction action, Instant expiresAt) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if one is null
     */
    public ModeratorLink {
        Objects.requireNonNull(comment, "comment must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
}
