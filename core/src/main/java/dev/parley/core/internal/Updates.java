package dev.parley.core.internal;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.VersionConflictException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compare-and-set updates with a bounded retry: read, change, write; on a version conflict read again and
 * re-apply the change to what is stored now.
 */
public final class Updates {

    /** How many times a conflicting update is tried before the conflict reaches the caller. */
    public static final int ATTEMPTS = 5;

    private Updates() {
    }

    /** What an update did: the comment before and after, or nothing when the change declined. */
    public record Change(Comment before, Comment after) {
    }

    /**
     * Applies a change with retries.
     *
     * @param store the store
     * @param id the comment
     * @param change the new state computed from the stored one (with the stored version), or empty to leave
     *     it alone
     * @return the change made, or empty if the comment is absent or the change declined
     * @throws VersionConflictException if every attempt conflicted
     */
    public static Optional<Change> apply(CommentStore store, CommentId id, Function<Comment, Optional<Comment>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Comment> stored = store.find(id);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Optional<Comment> changed = change.apply(stored.get());
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Change(stored.get(), store.update(changed.get())));
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
