package dev.parley.core;

import dev.parley.core.internal.EditTokens;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Thread pages and permalinks: what a reader sees. */
final class Reading {

    /** The most store reads {@link #visibleRoots} makes to fill one page for a reader with edit tokens. */
    private static final int MAX_ROOT_READS = 10;

    private static final Set<Status> PUBLIC = Collections.unmodifiableSet(EnumSet.of(Status.APPROVED, Status.DELETED));
    private static final Set<Status> WITH_HELD =
            Collections.unmodifiableSet(EnumSet.of(Status.APPROVED, Status.DELETED, Status.PENDING));

    private final Engine engine;

    Reading(Engine engine) {
        this.engine = engine;
    }

    ThreadPage page(ThreadKey thread, Order order, @Nullable Cursor after, int limit, Viewer viewer) {
        Set<Status> statuses = statuses(viewer);
        PageAssembler.Visibility visibility = visibility(viewer);
        Page roots = visibleRoots(thread, statuses, new PageRequest(order, after, limit), visibility);
        List<Comment> replies = List.of();
        if (!roots.items().isEmpty()) {
            List<CommentId> ids = new ArrayList<>(roots.items().size());
            for (Comment root : roots.items()) {
                ids.add(root.id());
            }
            replies = engine.store().replies(ids, statuses);
        }
        List<ThreadNode> nodes = PageAssembler.assemble(roots.items(), replies, visibility);
        return new ThreadPage(thread, order, nodes, roots.next(), engine.store().counts(thread));
    }

    /**
     * Reads a page of the roots the viewer may see. A reader with an edit token asks the store for held roots
     * too, but sees only their own: other people's held roots are skipped here, before the limit applies, and
     * further pages are read until the page is full, so a queue of held comments cannot shorten or empty the
     * page. At most {@value #MAX_ROOT_READS} reads; a page cut short there still carries the cursor after the
     * last root read, so nothing is skipped or repeated.
     */
    private Page visibleRoots(ThreadKey thread, Set<Status> statuses, PageRequest request,
            PageAssembler.Visibility visibility) {
        Page page = engine.store().roots(thread, statuses, request);
        if (visibility.moderator() || !statuses.contains(Status.PENDING)) {
            return page;
        }
        List<Comment> shown = new ArrayList<>(request.limit());
        for (int reads = 1; ; reads++) {
            for (Comment root : page.items()) {
                if (visibility.shows(root)) {
                    shown.add(root);
                    if (shown.size() == request.limit()) {
                        return new Page(shown, Cursor.after(root));
                    }
                }
            }
            if (page.next() == null || reads == MAX_ROOT_READS) {
                return new Page(shown, page.next());
            }
            page = engine.store().roots(thread, statuses, request.next(page.next()));
        }
    }

    Optional<Location> locate(CommentId id, Order order, Viewer viewer) {
        Optional<Comment> found = engine.store().find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comment comment = found.get();
        PageAssembler.Visibility visibility = visibility(viewer);
        if (comment.status() == Status.DELETED || !visibility.shows(comment)) {
            return Optional.empty();
        }
        List<Comment> ancestors = new ArrayList<>(comment.depth());
        Comment root = comment;
        if (comment.parentId() != null) {
            Map<CommentId, Comment> subtree = new HashMap<>();
            for (Comment reply : engine.store().replies(List.of(comment.rootId()), EnumSet.allOf(Status.class))) {
                subtree.put(reply.id(), reply);
            }
            Optional<Comment> storedRoot = engine.store().find(comment.rootId());
            if (storedRoot.isEmpty()) {
                return Optional.empty();
            }
            root = storedRoot.get();
            for (CommentId up = comment.parentId(); up != null && !up.equals(root.id()); ) {
                Comment ancestor = subtree.get(up);
                if (ancestor == null) {
                    return Optional.empty();
                }
                ancestors.add(ancestor);
                up = ancestor.parentId();
            }
            ancestors.add(root);
            Collections.reverse(ancestors);
            for (Comment ancestor : ancestors) {
                // A hidden ancestor hides its whole subtree from pages, so there is nothing to link to.
                if (!visibility.shows(ancestor)) {
                    return Optional.empty();
                }
            }
        }
        // The page that starts at the root is read after the root that precedes it in this order.
        Order reverse = order == Order.OLDEST_FIRST ? Order.NEWEST_FIRST : Order.OLDEST_FIRST;
        Page before = engine.store().roots(comment.thread(), statuses(viewer),
                new PageRequest(reverse, Cursor.after(root), 1));
        Cursor cursor = before.items().isEmpty() ? null : Cursor.after(before.items().get(0));
        return Optional.of(new Location(comment, ancestors, order, cursor));
    }

    private static Set<Status> statuses(Viewer viewer) {
        return viewer.mayOwnHeldComments() ? WITH_HELD : PUBLIC;
    }

    private PageAssembler.Visibility visibility(Viewer viewer) {
        if (!viewer.mayOwnHeldComments()) {
            return PageAssembler.Visibility.PUBLIC;
        }
        Set<CommentId> own = new HashSet<>();
        for (EditToken token : viewer.editTokens()) {
            // Expiry limits editing, not seeing one's own held comment: any genuine token shows it.
            engine.tokens().verify(token).map(EditTokens.Verified::id).ifPresent(own::add);
        }
        return new PageAssembler.Visibility(viewer.moderator(), own, viewer.userId());
    }
}
