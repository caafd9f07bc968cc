package dev.parley.core;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Nests a page's roots and replies, as the store returns them, into {@link ThreadNode}s in linear time:
 * one map put, one map get and one node per comment, no sorting (replies arrive oldest first, so replies are
 * linked in order), and placeholders settled from the deleted comments alone: a visible reply marks its
 * deleted ancestors as it is linked, so no second pass over the tree is needed.
 */
final class PageAssembler {

    private static final Comparator<ThreadNode> OLDEST_FIRST = Comparator
            .comparing((ThreadNode n) -> n.comment().createdAt())
            .thenComparing(n -> n.comment().id());

    /** Who may see which held comment. */
    record Visibility(boolean moderator, Set<CommentId> ownIds, @Nullable String userId) {

        static final Visibility PUBLIC = new Visibility(false, Set.of(), null);

        boolean shows(Comment comment) {
            return switch (comment.status()) {
                case APPROVED, DELETED -> true;
                case SPAM -> false;
                case PENDING -> moderator || ownIds.contains(comment.id())
                        || (userId != null && userId.equals(comment.author().userId()));
            };
        }
    }

    private PageAssembler() {
    }

    static List<ThreadNode> assemble(List<Comment> roots, List<Comment> replies, Visibility visibility) {
        Map<CommentId, ThreadNode> nodes = new HashMap<>(capacity(roots.size() + replies.size()));
        List<ThreadNode> page = new ArrayList<>(roots.size());
        List<ThreadNode> deleted = null;
        for (Comment root : roots) {
            if (visibility.shows(root)) {
                ThreadNode node = new ThreadNode(root);
                nodes.put(root.id(), node);
                page.add(node);
                if (!node.live()) {
                    deleted = add(deleted, node);
                }
            }
        }
        List<Comment> early = null;
        for (Comment reply : replies) {
            if (!visibility.shows(reply)) {
                continue;
            }
            ThreadNode parent = nodes.get(reply.parentId());
            if (parent == null) {
                // Its parent is hidden, purged, or comes later in the list (same timestamp, larger id).
                early = add(early, reply);
                continue;
            }
            ThreadNode node = new ThreadNode(reply);
            parent.addReply(node);
            nodes.put(reply.id(), node);
            if (!node.live()) {
                deleted = add(deleted, node);
            }
        }
        if (early != null) {
            deleted = attachEarly(early, nodes, deleted);
        }
        if (deleted != null) {
            prune(deleted, page);
        }
        return page;
    }

    /** Attaches replies listed before their parent; the rest have no visible parent and stay hidden. */
    private static @Nullable List<ThreadNode> attachEarly(List<Comment> early, Map<CommentId, ThreadNode> nodes,
            @Nullable List<ThreadNode> deleted) {
        Set<ThreadNode> touched = new HashSet<>();
        boolean progress = true;
        while (progress && !early.isEmpty()) {
            progress = false;
            for (int i = 0; i < early.size(); i++) {
                Comment reply = early.get(i);
                ThreadNode parent = nodes.get(reply.parentId());
                if (parent != null) {
                    ThreadNode node = new ThreadNode(reply);
                    parent.addReply(node);
                    touched.add(parent);
                    nodes.put(reply.id(), node);
                    if (!node.live()) {
                        deleted = add(deleted, node);
                    }
                    early.remove(i--);
                    progress = true;
                }
            }
        }
        for (ThreadNode parent : touched) {
            List<ThreadNode> ordered = new ArrayList<>(parent.replies());
            ordered.sort(OLDEST_FIRST);
            parent.relinkReplies(ordered);
        }
        return deleted;
    }

    /** Drops deleted comments with no visible reply below them and blanks the ones kept as placeholders. */
    private static void prune(List<ThreadNode> deleted, List<ThreadNode> page) {
        boolean rootsDropped = false;
        for (ThreadNode node : deleted) {
            if (node.live()) {
                node.replaceComment(blank(node.comment()));
            } else if (node.parent() != null) {
                node.parent().removeReply(node);
            } else {
                rootsDropped = true;
            }
        }
        if (rootsDropped) {
            page.removeIf(root -> !root.live());
        }
    }

    private static <T> List<T> add(@Nullable List<T> list, T item) {
        List<T> target = list == null ? new ArrayList<>() : list;
        target.add(item);
        return target;
    }

    static Comment blank(Comment deleted) {
        return deleted.toBuilder()
                .author(Author.named(ThreadNode.DELETED_NAME))
                .text("")
                .html("")
                .moderationReason(null)
                .attributes(Map.of())
                .build();
    }

    private static int capacity(int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (size / 0.75f) + 1);
    }
}
