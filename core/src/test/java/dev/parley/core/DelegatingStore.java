package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A store that forwards to another and records every call, for tests that count reads or inject failures. */
class DelegatingStore implements CommentStore {

    final CommentStore delegate;
    final List<String> calls = new ArrayList<>();

    DelegatingStore(CommentStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(Comment comment) {
        calls.add("insert");
        delegate.insert(comment);
    }

    @Override
    public Optional<Comment> find(CommentId id) {
        calls.add("find");
        return delegate.find(id);
    }

    @Override
    public Comment update(Comment changed) {
        calls.add("update");
        return delegate.update(changed);
    }

    @Override
    public boolean delete(CommentId id) {
        calls.add("delete");
        return delegate.delete(id);
    }

    @Override
    public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
        calls.add("roots");
        return delegate.roots(thread, statuses, request);
    }

    @Override
    public List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses) {
        calls.add("replies");
        return delegate.replies(rootIds, statuses);
    }

    @Override
    public StatusCounts counts(ThreadKey thread) {
        calls.add("counts");
        return delegate.counts(thread);
    }

    @Override
    public Page queue(Set<Status> statuses, PageRequest request) {
        calls.add("queue");
        return delegate.queue(statuses, request);
    }

    @Override
    public Page scan(PageRequest request) {
        calls.add("scan");
        return delegate.scan(request);
    }

    @Override
    public Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl) {
        calls.add("findLinkback");
        return delegate.findLinkback(thread, sourceUrl);
    }

    @Override
    public Page replyPage(CommentId rootId, Set<Status> statuses, PageRequest request) {
        calls.add("replyPage");
        return delegate.replyPage(rootId, statuses, request);
    }

    @Override
    public Map<CommentId, Page> firstReplies(Collection<CommentId> rootIds, Set<Status> statuses, int limitPerRoot) {
        calls.add("firstReplies");
        return delegate.firstReplies(rootIds, statuses, limitPerRoot);
    }

    @Override
    public Map<CommentId, StatusCounts> replyCounts(Collection<CommentId> rootIds) {
        calls.add("replyCounts");
        return delegate.replyCounts(rootIds);
    }

    @Override
    public Map<CommentId, Comment> findAll(Collection<CommentId> ids) {
        calls.add("findAll");
        return delegate.findAll(ids);
    }
}
