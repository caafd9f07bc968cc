package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Pages of the replies under one root, past a thread page's cut: what "N more replies" leads to. */
final class ReplyReading {

    private final Engine engine;
    private final Reading reading;

    ReplyReading(Engine engine, Reading reading) {
        this.engine = engine;
        this.reading = reading;
    }

    /**
     * Reads the page of replies after {@code after}: the root, one {@link dev.parley.storage.CommentStore#replyPage}
     * read, one read of the ancestors not on the page per level they lie above it (none when every top-level
     * reply answers the root; a reply's parent is at most one level up, so usually one), and one grouped count
     * when the page is full.
     */
    Optional<ReplyPage> replies(CommentId rootId, @Nullable ReplyCursor after, Viewer viewer) {
        Optional<Comment> found = engine.store().find(rootId);
        PageAssembler.Visibility visibility = reading.visibility(viewer);
        if (found.isEmpty() || found.get().parentId() != null || !visibility.shows(found.get())) {
            return Optional.empty();
        }
        Comment root = found.get();
        ReplyCursor from = after == null ? ReplyCursor.START : after;
        Set<Status> statuses = Reading.statuses(viewer);
        Page page = engine.store().replyPage(rootId, statuses,
                new PageRequest(Order.OLDEST_FIRST, from.after(), engine.settings().repliesPerPage()));
        List<Comment> rows = page.items();
        Map<CommentId, Comment> known = new HashMap<>();
        for (Comment row : rows) {
            known.put(row.id(), row);
        }
        Set<CommentId> onPage = new HashSet<>(known.keySet());
        known.put(root.id(), root);
        List<Comment> candidates = new ArrayList<>();
        List<Comment> nested = new ArrayList<>();
        for (Comment row : rows) {
            (onPage.contains(row.parentId()) ? nested : candidates).add(row);
        }
        readAncestors(candidates, known);
        List<Comment> top = new ArrayList<>();
        Map<CommentId, Comment> parents = new LinkedHashMap<>();
        for (Comment candidate : candidates) {
            if (ancestorsShow(candidate, root.id(), known, visibility)) {
                top.add(candidate);
                Comment parent = known.get(candidate.parentId());
                parents.put(parent.id(), visibility.present(parent));
            }
        }
        List<ThreadNode> nodes = PageAssembler.assemble(top, nested, visibility);
        MoreReplies more = null;
        if (page.next() != null) {
            StatusCounts counts = engine.store().replyCounts(List.of(rootId))
                    .getOrDefault(rootId, StatusCounts.ZERO);
            more = Reading.more(counts, rows, from, statuses, viewer, true).orElse(null);
        }
        if (after == null && nodes.isEmpty() && more == null && !PageAssembler.Visibility.live(root)
                && !viewer.moderator()) {
            // A deleted or spam root stands only as a placeholder above visible replies: with none, it is no page.
            return Optional.empty();
        }
        ThreadNode rootNode = viewer.moderator() ? ThreadNode.forModerator(root) : new ThreadNode(root);
        return Optional.of(new ReplyPage(rootNode, nodes, parents, more));
    }

    /**
     * Reads the ancestors of the top-level candidates that are neither on the page nor the root, a level per
     * read: each read's parents are one level nearer the root, so there are at most as many reads as levels.
     */
    private void readAncestors(List<Comment> candidates, Map<CommentId, Comment> known) {
        Set<CommentId> wanted = new HashSet<>();
        for (Comment candidate : candidates) {
            if (!known.containsKey(candidate.parentId())) {
                wanted.add(candidate.parentId());
            }
        }
        while (!wanted.isEmpty()) {
            Map<CommentId, Comment> read = engine.store().findAll(wanted);
            known.putAll(read);
            Set<CommentId> next = new HashSet<>();
            for (Comment ancestor : read.values()) {
                CommentId up = ancestor.parentId();
                if (up != null && !known.containsKey(up)) {
                    next.add(up);
                }
            }
            wanted = next;
        }
    }

    /**
     * Tells whether every ancestor of a reply up to the root shows to the reader, as on a thread page, where a
     * hidden ancestor hides its whole subtree. A purged ancestor hides it too.
     */
    private static boolean ancestorsShow(Comment reply, CommentId rootId, Map<CommentId, Comment> known,
            PageAssembler.Visibility visibility) {
        for (CommentId up = reply.parentId(); up != null && !up.equals(rootId); ) {
            Comment ancestor = known.get(up);
            if (ancestor == null || !visibility.shows(ancestor)) {
                return false;
            }
            up = ancestor.parentId();
        }
        return true;
    }
}
