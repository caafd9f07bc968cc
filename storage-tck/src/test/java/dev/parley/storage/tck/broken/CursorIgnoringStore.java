package dev.parley.storage.tck.broken;

import dev.parley.storage.CommentStore;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.util.Set;

/**
 * Broken on purpose: every keyset read serves the first page, as a store does whose query forgot the
 * {@code WHERE (created_at, id) > (?, ?)} clause. The kit must catch it.
 */
final class CursorIgnoringStore extends ForwardingCommentStore {

    CursorIgnoringStore(CommentStore delegate) {
        super(delegate);
    }

    private static PageRequest firstPage(PageRequest request) {
        return request == null ? null : PageRequest.first(request.order(), request.limit());
    }

    @Override
    public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
        return delegate.roots(thread, statuses, firstPage(request));
    }

    @Override
    public Page queue(Set<Status> statuses, PageRequest request) {
        return delegate.queue(statuses, firstPage(request));
    }

    @Override
    public Page scan(PageRequest request) {
        return delegate.scan(firstPage(request));
    }
}
