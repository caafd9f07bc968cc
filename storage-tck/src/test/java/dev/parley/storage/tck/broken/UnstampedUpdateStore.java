package dev.parley.storage.tck.broken;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken on purpose: keeps a thread version that inserts and deletes move but updates do not, as a store does
 * that forgot one write path when it added the thread row. A cache keyed by that version would serve a
 * moderated thread's old render. The kit must catch it.
 */
final class UnstampedUpdateStore extends ForwardingCommentStore {

    private final Map<ThreadKey, Long> versions = new ConcurrentHashMap<>();

    UnstampedUpdateStore(CommentStore delegate) {
        super(delegate);
    }

    @Override
    public void insert(Comment comment) {
        delegate.insert(comment);
        bump(comment.thread());
    }

    @Override
    public InsertResult insert(Comment comment, InsertConditions conditions) {
        InsertResult result = delegate.insert(comment, conditions);
        if (result instanceof InsertResult.Inserted) {
            bump(comment.thread());
        }
        return result;
    }

    @Override
    public void insertAll(List<Comment> comments) {
        delegate.insertAll(comments);
        comments.stream().map(Comment::thread).distinct().forEach(this::bump);
    }

    @Override
    public boolean delete(CommentId id) {
        Optional<Comment> stored = delegate.find(id);
        boolean deleted = delegate.delete(id);
        if (deleted) {
            stored.ifPresent(comment -> bump(comment.thread()));
        }
        return deleted;
    }

    @Override
    public boolean supportsThreadState() {
        return true;
    }

    @Override
    public ThreadState state(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread");
        return new ThreadState(thread, versions.getOrDefault(thread, 0L), delegate.counts(thread));
    }

    private void bump(ThreadKey thread) {
        versions.merge(thread, 1L, Long::sum);
    }
}
