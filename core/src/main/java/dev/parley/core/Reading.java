package dev.parley.core;

import dev.parley.core.internal.EditTokens;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Thread pages and permalinks: what a reader sees. */
final class Reading {

    /**
     * The most reads of roots {@link #page} makes to fill one page and to learn whether a visible root follows
     * it, when roots are hidden from the reader: other people's held roots, deleted and spam roots with no
     * visible reply. The first read asks for one root more than the page holds; each further read for twice as
     * many as the one before, up to {@link PageRequest#MAX_LIMIT}.
     */
    private static final int MAX_ROOT_READS = 10;

    // Spam and deleted roots are read so that they can stand as placeholders above their visible replies.
    private static final Set<Status> PUBLIC =
            Collections.unmodifiableSet(EnumSet.of(Status.APPROVED, Status.DELETED, Status.SPAM));
    private static final Set<Status> WITH_HELD = Collections.unmodifiableSet(EnumSet.allOf(Status.class));

    private final Engine engine;

    Reading(Engine engine) {
        this.engine = engine;
    }

    /**
     * Reads a page: roots, then the replies of those roots, nested. Roots hidden from the reader (other
     * people's held roots, deleted and spam roots with no visible reply) are dropped before the limit applies,
     * and further roots are read until the page is full, so a queue of held comments or a flood of spam cannot
     * shorten or empty the page. The page then looks one visible root ahead, so that its cursor is set exactly
     * when another page has something to show: a "more" link never leads to an empty page.
     *
     * <p>Each read is bounded: at most {@value #MAX_ROOT_READS} reads of roots, each followed by one read of
     * the replies of the roots it takes. A read takes roots in order up to the first one beyond the page that
     * shows by its status alone (approved, or held and the reader's), so replies are read only for roots on the
     * page and for hidden candidates for a placeholder. A page cut short by the bound still carries the cursor
     * after the last root read, so nothing is skipped or repeated. A page with nothing hidden costs one read of
     * roots (one more root than the page) and one of replies.
     */
    ThreadPage page(ThreadKey thread, Order order, @Nullable Cursor after, int limit, Viewer viewer) {
        Set<Status> statuses = statuses(viewer);
        PageAssembler.Visibility visibility = visibility(viewer);
        List<ThreadNode> nodes = new ArrayList<>(limit);
        int[] budget = {engine.settings().repliesPerPage()};
        Cursor position = after;
        int size = Math.min(limit + 1, PageRequest.MAX_LIMIT);
        for (int reads = 1; ; reads++) {
            Page roots = engine.store().roots(thread, statuses, new PageRequest(order, position, size));
            int room = limit - nodes.size();
            List<Comment> taken = new ArrayList<>();
            List<CommentId> ids = new ArrayList<>();
            Comment beyond = null;
            int showing = 0;
            for (Comment root : roots.items()) {
                boolean shown = visibility.shows(root);
                if (shown && PageAssembler.Visibility.live(root) && showing++ == room) {
                    // Shows for itself and lies past the page: it proves a next page without its replies.
                    beyond = root;
                    break;
                }
                taken.add(root);
                if (shown) {
                    ids.add(root.id());
                }
            }
            List<ThreadNode> shown;
            if (ids.isEmpty()) {
                shown = PageAssembler.assemble(taken, List.of(), visibility);
            } else {
                FirstReplies first = firstReplies(taken, ids, statuses, viewer, budget);
                shown = PageAssembler.assemble(taken, first.replies(), visibility, first.more());
            }
            if (shown.size() > room) {
                nodes.addAll(shown.subList(0, room));
                // A placeholder keeps its comment's id and creation time, all a cursor is made of.
                return finish(thread, order, nodes, Cursor.after(nodes.get(nodes.size() - 1).comment()));
            }
            nodes.addAll(shown);
            if (beyond != null) {
                // Every root that shows for itself is on the page, so the page is full and the next one is not empty.
                return finish(thread, order, nodes, Cursor.after(nodes.get(nodes.size() - 1).comment()));
            }
            if (roots.next() == null) {
                return finish(thread, order, nodes, null);
            }
            position = roots.next();
            if (reads == MAX_ROOT_READS) {
                return finish(thread, order, nodes, position);
            }
            size = Math.min(size * 2, PageRequest.MAX_LIMIT);
        }
    }

    /** The replies a page shows under its roots, and the markers of the roots it cut. */
    private record FirstReplies(List<Comment> replies, Map<CommentId, MoreReplies> more) {
    }

    /**
     * Reads the oldest replies of each root, at most {@link Settings#repliesPerRoot()} each, in one call, keeps
     * them while the page's budget of {@link Settings#repliesPerPage()} lasts, and marks each root with replies
     * past the kept ones: one more grouped read counts them, only when some root was cut.
     */
    private FirstReplies firstReplies(List<Comment> taken, List<CommentId> ids, Set<Status> statuses, Viewer viewer,
            int[] budget) {
        Map<CommentId, Page> pages = engine.store().firstReplies(ids, statuses, engine.settings().repliesPerRoot());
        List<Comment> replies = new ArrayList<>();
        Map<CommentId, List<Comment>> cut = new LinkedHashMap<>();
        for (CommentId id : ids) {
            Page page = pages.get(id);
            if (page == null) {
                continue;
            }
            List<Comment> items = page.items();
            int keep = Math.min(items.size(), budget[0]);
            budget[0] -= keep;
            List<Comment> kept = items.subList(0, keep);
            replies.addAll(kept);
            if (keep < items.size() || page.next() != null) {
                cut.put(id, kept);
            }
        }
        if (cut.isEmpty()) {
            return new FirstReplies(replies, Map.of());
        }
        Map<CommentId, Comment> roots = new HashMap<>();
        for (Comment root : taken) {
            roots.put(root.id(), root);
        }
        Map<CommentId, StatusCounts> counts = engine.store().replyCounts(cut.keySet());
        Map<CommentId, MoreReplies> more = new HashMap<>();
        cut.forEach((id, kept) -> more(counts.getOrDefault(id, StatusCounts.ZERO), kept, ReplyCursor.START,
                statuses, viewer, PageAssembler.Visibility.live(roots.get(id))).ifPresent(m -> more.put(id, m)));
        return new FirstReplies(replies, more);
    }

    /**
     * The marker after {@code kept}, the replies read so far under a root past {@code before}, given the root's
     * counts: empty when nothing the reader may see follows. A root that is only a placeholder needs a counted
     * reply to follow, as it shows only above a visible reply.
     */
    static Optional<MoreReplies> more(StatusCounts counts, List<Comment> kept, ReplyCursor before,
            Set<Status> statuses, Viewer viewer, boolean liveRoot) {
        long seen = before.seen();
        for (Comment reply : kept) {
            if (counted(reply.status(), viewer)) {
                seen++;
            }
        }
        long counted = counts.approved() + (viewer.moderator() ? counts.pending() : 0);
        long inStatuses = 0;
        for (Status status : statuses) {
            inStatuses += counts.get(status);
        }
        long rows = inStatuses - kept.size();
        long count = Math.max(0, counted - seen);
        // The reader's own held replies are not in the counts, so for such a reader any reply left may be one.
        boolean ownHeld = viewer.mayOwnHeldComments() && !viewer.moderator() && liveRoot && rows > 0;
        if (count == 0 && !ownHeld) {
            return Optional.empty();
        }
        Cursor after = kept.isEmpty() ? before.after() : Cursor.after(kept.get(kept.size() - 1));
        return Optional.of(new MoreReplies(count, new ReplyCursor(after, seen)));
    }

    /** Tells whether a reply of this status counts in {@link MoreReplies#count()} for this reader. */
    static boolean counted(Status status, Viewer viewer) {
        return status == Status.APPROVED || (status == Status.PENDING && viewer.moderator());
    }

    private ThreadPage finish(ThreadKey thread, Order order, List<ThreadNode> nodes, @Nullable Cursor next) {
        return new ThreadPage(thread, order, nodes, next, engine.store().counts(thread));
    }

    Optional<Location> locate(CommentId id, Order order, Viewer viewer) {
        Optional<Comment> found = engine.store().find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comment comment = found.get();
        PageAssembler.Visibility visibility = visibility(viewer);
        // Deleted and spam comments are no link target, but a moderator finds spam in its thread to review it.
        boolean target = PageAssembler.Visibility.live(comment)
                || (comment.status() == Status.SPAM && visibility.moderator());
        if (!target || !visibility.shows(comment)) {
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
            for (int i = 0; i < ancestors.size(); i++) {
                Comment ancestor = ancestors.get(i);
                // A hidden ancestor hides its whole subtree from pages, so there is nothing to link to.
                if (!visibility.shows(ancestor)) {
                    return Optional.empty();
                }
                // Deleted and spam ancestors are placeholders on the page, and as blank here.
                ancestors.set(i, visibility.present(ancestor));
            }
        }
        // The page that starts at the root is read after the root that precedes it in this order.
        Order reverse = order == Order.OLDEST_FIRST ? Order.NEWEST_FIRST : Order.OLDEST_FIRST;
        Page before = engine.store().roots(comment.thread(), statuses(viewer),
                new PageRequest(reverse, Cursor.after(root), 1));
        Cursor cursor = before.items().isEmpty() ? null : Cursor.after(before.items().get(0));
        return Optional.of(new Location(comment, ancestors, order, cursor));
    }

    /**
     * Counts the replies an anonymous reader sees below each comment: approved replies, at any depth, whose
     * ancestors up to the root are all approved, deleted or spam (the last two as placeholders). Two reads
     * whatever the number of comments: their roots, and the replies of those roots.
     */
    Map<CommentId, Integer> visibleReplies(Collection<Comment> comments) {
        Map<CommentId, Integer> counts = new LinkedHashMap<>();
        Set<CommentId> rootIds = new LinkedHashSet<>();
        for (Comment comment : comments) {
            counts.put(comment.id(), 0);
            rootIds.add(comment.rootId());
        }
        if (rootIds.isEmpty()) {
            return Map.of();
        }
        Set<CommentId> shownRoots = new HashSet<>();
        for (Comment root : engine.store().findAll(rootIds).values()) {
            if (PUBLIC.contains(root.status())) {
                shownRoots.add(root.id());
            }
        }
        List<Comment> replies = engine.store().replies(rootIds, PUBLIC);
        Map<CommentId, CommentId> parents = new HashMap<>();
        for (Comment reply : replies) {
            parents.put(reply.id(), reply.parentId());
        }
        List<CommentId> counted = new ArrayList<>();
        for (Comment reply : replies) {
            if (reply.status() != Status.APPROVED) {
                continue;
            }
            counted.clear();
            boolean reached = false;
            // A held ancestor was not read, so the walk stops there: it hides the reply from readers.
            for (CommentId up = reply.parentId(); up != null; up = parents.get(up)) {
                if (counts.containsKey(up)) {
                    counted.add(up);
                }
                if (up.equals(reply.rootId())) {
                    reached = shownRoots.contains(up);
                    break;
                }
            }
            if (reached) {
                for (CommentId id : counted) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    static Set<Status> statuses(Viewer viewer) {
        return viewer.mayOwnHeldComments() ? WITH_HELD : PUBLIC;
    }

    PageAssembler.Visibility visibility(Viewer viewer) {
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
