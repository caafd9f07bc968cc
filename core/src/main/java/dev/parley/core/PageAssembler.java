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
 * one map put and one map get per comment, no sorting (replies arrive oldest first, so each child list is
 * built in order), and a pruning pass only when the page holds a deleted comment.
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
        boolean deleted = false;
        for (Comment root : roots) {
            if (visibility.shows(root)) {
                ThreadNode node = new ThreadNode(root);
                nodes.put(root.id(), node);
                page.add(node);
                deleted |= root.status() == Status.DELETED;
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
                if (early == null) {
                    early = new ArrayList<>();
                }
                early.add(reply);
                continue;
            }
            ThreadNode node = new ThreadNode(reply);
            parent.addReply(node);
            nodes.put(reply.id(), node);
            deleted |= reply.status() == Status.DELETED;
        }
        if (early != null) {
            deleted |= attachEarly(early, nodes);
        }
        if (deleted) {
            page.removeIf(root -> !prune(root));
        }
        return page;
    }

    /** Attaches replies listed before their parent; the rest have no visible parent and stay hidden. */
    private static boolean attachEarly(List<Comment> early, Map<CommentId, ThreadNode> nodes) {
        boolean deleted = false;
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
                    deleted |= reply.status() == Status.DELETED;
                    early.remove(i--);
                    progress = true;
                }
            }
        }
        for (ThreadNode parent : touched) {
            parent.mutableReplies().sort(OLDEST_FIRST);
        }
        return deleted;
    }

    /** Drops deleted comments without visible replies and blanks the rest; returns whether {@code node} stays. */
    private static boolean prune(ThreadNode node) {
        List<ThreadNode> replies = node.mutableReplies();
        if (!replies.isEmpty()) {
            replies.removeIf(reply -> !prune(reply));
        }
        if (node.placeholder()) {
            if (replies.isEmpty()) {
                return false;
            }
            node.replaceComment(blank(node.comment()));
        }
        return true;
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
