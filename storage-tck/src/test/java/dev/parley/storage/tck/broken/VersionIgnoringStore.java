package dev.parley.storage.tck.broken;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentNotFoundException;
import dev.parley.storage.CommentStore;
import java.util.Objects;

/**
 * Broken on purpose: update overwrites whatever is stored, whatever version the caller read, as a store
 * does whose {@code UPDATE} lacks {@code AND version = ?}. The kit must catch it.
 */
final class VersionIgnoringStore extends ForwardingCommentStore {

    VersionIgnoringStore(CommentStore delegate) {
        super(delegate);
    }

    @Override
    public Comment update(Comment changed) {
        Objects.requireNonNull(changed, "changed");
        Comment stored = delegate.find(changed.id()).orElseThrow(() -> new CommentNotFoundException(changed.id()));
        return delegate.update(changed.toBuilder().version(stored.version()).build());
    }
}
