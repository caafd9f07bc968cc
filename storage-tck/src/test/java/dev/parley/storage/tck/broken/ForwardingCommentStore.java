package dev.parley.storage.tck.broken;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Forwards every call to a delegate; a broken store overrides the one method it gets wrong. */
abstract class ForwardingCommentStore implements CommentStore {

    final CommentStore delegate;

    ForwardingCommentStore(CommentStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void insert(Comment comment) {
        delegate.insert(comment);
    }

    @Override
    public InsertResult insert(Comment comment, InsertConditions conditions) {
        return delegate.insert(comment, conditions);
    }

    @Override
    public boolean supportsInsertConditions() {
        return delegate.supportsInsertConditions();
    }

    @Override
    public Optional<Comment> find(CommentId id) {
        return delegate.find(id);
    }

    @Override
    public Map<CommentId, Comment> findAll(Collection<CommentId> ids) {
        return delegate.findAll(ids);
    }

    @Override
    public Comment update(Comment changed) {
        return delegate.update(changed);
    }

    @Override
    public boolean delete(CommentId id) {
        return delegate.delete(id);
    }

    @Override
    public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
        return delegate.roots(thread, statuses, request);
    }

    @Override
    public List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses) {
        return delegate.replies(rootIds, statuses);
    }

    @Override
    public StatusCounts counts(ThreadKey thread) {
        return delegate.counts(thread);
    }

    @Override
    public Map<ThreadKey, StatusCounts> counts(Collection<ThreadKey> threads) {
        return delegate.counts(threads);
    }

    @Override
    public Page queue(Set<Status> statuses, PageRequest request) {
        return delegate.queue(statuses, request);
    }

    @Override
    public Page scan(PageRequest request) {
        return delegate.scan(request);
    }

    @Override
    public Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl) {
        return delegate.findLinkback(thread, sourceUrl);
    }
}
