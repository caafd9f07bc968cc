package dev.parley.storage.tck.broken;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;

/**
 * Broken on purpose: it has no place for a comment's provenance and drops it on every write, as a database
 * store does whose table lacks the column. The kit must catch it.
 */
final class ProvenanceDroppingStore extends ForwardingCommentStore {

    ProvenanceDroppingStore(CommentStore delegate) {
        super(delegate);
    }

    @Override
    public void insert(Comment comment) {
        delegate.insert(withoutProvenance(comment));
    }

    @Override
    public InsertResult insert(Comment comment, InsertConditions conditions) {
        return delegate.insert(withoutProvenance(comment), conditions);
    }

    @Override
    public Comment update(Comment changed) {
        return delegate.update(withoutProvenance(changed));
    }

    private static Comment withoutProvenance(Comment comment) {
        return comment == null ? null : comment.toBuilder().provenance(null).build();
    }
}
