package dev.parley.core;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.Comparator;
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
        Index nodes = new Index(roots.size() + replies.size());
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
    private static @Nullable List<ThreadNode> attachEarly(List<Comment> early, Index nodes,
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

    /**
     * Nodes by comment id: open addressing with linear probing, keys and values side by side in one array, at
     * most half full. A parent lookup then touches one slot pair instead of a bucket and a separate entry
     * object, which is most of the assembly's cost on a large page. Insert-only, single-threaded, non-null keys.
     */
    private static final class Index {
        private final Object[] slots;
        private final int shift;

        Index(int expected) {
            int bits = 2;
            while ((1 << bits) < 2L * Math.max(expected, 1)) {
                bits++;
            }
            slots = new Object[2 << bits];
            shift = 32 - bits;
        }

        private int slot(CommentId key) {
            return (key.hashCode() * 0x9E3779B9) >>> shift;
        }

        @Nullable ThreadNode get(@Nullable CommentId key) {
            if (key == null) {
                return null;
            }
            int mask = (slots.length >> 1) - 1;
            for (int i = slot(key); ; i = (i + 1) & mask) {
                Object k = slots[2 * i];
                if (k == null) {
                    return null;
                }
                if (k == key || k.equals(key)) {
                    return (ThreadNode) slots[2 * i + 1];
                }
            }
        }

        void put(CommentId key, ThreadNode value) {
            int mask = (slots.length >> 1) - 1;
            for (int i = slot(key); ; i = (i + 1) & mask) {
                Object k = slots[2 * i];
                if (k == null || k == key || k.equals(key)) {
                    slots[2 * i] = key;
                    slots[2 * i + 1] = value;
                    return;
                }
            }
        }
    }
}
