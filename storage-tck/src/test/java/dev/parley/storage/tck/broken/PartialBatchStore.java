package dev.parley.storage.tck.broken;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import java.util.List;

/**
 * Broken on purpose: insertAll inserts the comments one by one and stops at the first refusal, keeping those
 * before it, as a store does that loops over {@code insert} with auto-commit on and no undo. It does not check
 * the batch's size either. The kit must catch it.
 */
final class PartialBatchStore extends ForwardingCommentStore {

    PartialBatchStore(CommentStore delegate) {
        super(delegate);
    }

    @Override
    public void insertAll(List<Comment> comments) {
        for (Comment comment : comments) {
            delegate.insert(comment);
        }
    }
}
