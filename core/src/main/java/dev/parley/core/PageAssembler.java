package dev.parley.core;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Nests a page's roots and replies, as the store returns them, in linear time and compact arrays: every
 * visible comment gets a position, an open-addressing table maps ids to positions (one put and one get per
 * comment), and each comment's replies become a run of positions in one shared array, in list order, which
 * is oldest first (the store's order, ties included), so nothing is sorted. {@link ThreadNode}s are views
 * made when a reply list is first read.
 *
 * <p>A deleted or spam comment stays, as a placeholder, exactly when a visible comment hangs below it: every
 * visible reply marks its placeholder ancestors once, so that is linear too. A spam comment is a placeholder
 * like a deleted one, blanked the same way, so nothing of it reaches a reader; a moderator sees it as it is.
 * A reply whose parent is hidden (someone else's held comment, purged) is hidden with its whole subtree.
 */
final class PageAssembler {

    /** Who may see which held comment, and who sees spam kept for its replies as it is. */
    record Visibility(boolean moderator, Set<CommentId> ownIds, @Nullable String userId) {

        static final Visibility PUBLIC = new Visibility(false, Set.of(), null);

        static final Visibility MODERATOR = new Visibility(true, Set.of(), null);

        /**
         * Tells whether the comment may appear, as itself or, when {@link #live} is false, as a placeholder
         * above a visible reply.
         */
        boolean shows(Comment comment) {
            return switch (comment.status()) {
                case APPROVED, DELETED, SPAM -> true;
                case PENDING -> moderator || ownIds.contains(comment.id())
                        || (userId != null && userId.equals(comment.author().userId()));
            };
        }

        /** Tells whether a shown comment is visible for itself, not only as the parent of a visible reply. */
        static boolean live(Comment comment) {
            return comment.status() == Status.APPROVED || comment.status() == Status.PENDING;
        }

        /** The comment as this reader gets it: deleted ones blanked, spam blanked except for moderators. */
        Comment present(Comment comment) {
            return switch (comment.status()) {
                case DELETED -> blank(comment);
                case SPAM -> moderator ? comment : blank(comment);
                case APPROVED, PENDING -> comment;
            };
        }
    }

    private PageAssembler() {
    }

    static List<ThreadNode> assemble(List<Comment> roots, List<Comment> replies, Visibility visibility) {
        return assemble(roots, replies, visibility, Map.of());
    }

    /**
     * Nests like {@link #assemble(List, List, Visibility)}, and gives the roots in {@code more} their "more
     * replies" marker. Such a root, deleted or spam, stays as a placeholder even when none of the replies read
     * is visible: the marker counts visible replies past them.
     */
    static List<ThreadNode> assemble(List<Comment> roots, List<Comment> replies, Visibility visibility,
            Map<CommentId, MoreReplies> more) {
        int capacity = roots.size() + replies.size();
        Comment[] comments = new Comment[capacity];
        boolean[] live = new boolean[capacity];
        Index index = new Index(comments, capacity);
        // One pass per list touches each comment object once for visibility, liveness and the index: on a
        // large page the cost is the cache miss of reaching each comment, so every extra pass shows.
        int count = 0;
        for (Comment root : roots) {
            if (visibility.shows(root)) {
                live[count] = Visibility.live(root);
                comments[count] = root;
                index.put(count++);
            }
        }
        int rootCount = count;
        MoreReplies[] markers = more.isEmpty() ? null : new MoreReplies[rootCount];
        if (markers != null) {
            for (int i = 0; i < rootCount; i++) {
                markers[i] = more.get(comments[i].id());
                live[i] |= markers[i] != null;
            }
        }
        for (Comment reply : replies) {
            if (visibility.shows(reply)) {
                live[count] = Visibility.live(reply);
                comments[count] = reply;
                index.put(count++);
            }
        }
        // Replies may precede their parent on a timestamp tie, so parents are resolved once all are indexed.
        int[] parent = new int[count];
        int[] offsets = new int[count + 1];
        for (int i = 0; i < rootCount; i++) {
            parent[i] = -1;
        }
        for (int i = rootCount; i < count; i++) {
            int p = index.get(comments[i].parentId());
            parent[i] = p;
            if (p >= 0) {
                offsets[p + 1]++;
            }
        }
        for (int i = 0; i < count; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] children = new int[Math.max(offsets[count], 0)];
        int[] fill = offsets.clone();
        for (int i = rootCount; i < count; i++) {
            int p = parent[i];
            if (p >= 0) {
                children[fill[p]++] = i;
            }
            if (live[i]) {
                for (int up = p; up >= 0 && !live[up]; up = parent[up]) {
                    live[up] = true;
                }
            }
        }
        Tree tree = new Tree(comments, offsets, children, live, visibility, markers);
        List<ThreadNode> page = new ArrayList<>(rootCount);
        for (int i = 0; i < rootCount; i++) {
            if (live[i]) {
                page.add(tree.node(i));
            }
        }
        return page;
    }

    /** A page's comments and nesting as positions; the nodes read it. Immutable once built. */
    static final class Tree {
        private final Comment[] comments;
        private final int[] offsets;
        private final int[] children;
        private final boolean[] live;
        private final Visibility visibility;
        private final MoreReplies @Nullable [] more;

        Tree(Comment[] comments, int[] offsets, int[] children, boolean[] live, Visibility visibility,
                MoreReplies @Nullable [] more) {
            this.comments = comments;
            this.offsets = offsets;
            this.children = children;
            this.live = live;
            this.visibility = visibility;
            this.more = more;
        }

        /** The "more replies" marker of position {@code i}, set only on roots. */
        @Nullable MoreReplies more(int i) {
            return more == null || i >= more.length ? null : more[i];
        }

        ThreadNode node(int i) {
            return new ThreadNode(visibility.present(comments[i]), this, i);
        }

        /** The visible replies of position {@code i}, oldest first. */
        ThreadNode[] replies(int i) {
            int from = offsets[i];
            int to = offsets[i + 1];
            int visible = 0;
            for (int k = from; k < to; k++) {
                if (live[children[k]]) {
                    visible++;
                }
            }
            ThreadNode[] nodes = new ThreadNode[visible];
            int n = 0;
            for (int k = from; k < to; k++) {
                if (live[children[k]]) {
                    nodes[n++] = node(children[k]);
                }
            }
            return nodes;
        }

        /** Counts position {@code i} and every visible position below it. */
        int size(int i) {
            int size = 1;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                if (live[children[k]]) {
                    size += size(children[k]);
                }
            }
            return size;
        }
    }

    /**
     * A placeholder's comment: id, thread, position and creation time kept; author, text, html, linkback,
     * reason, attributes and the time of the last change dropped; status {@code DELETED} whatever it was, so a
     * reader cannot tell a spam placeholder from a deleted one.
     */
    static Comment blank(Comment hidden) {
        return hidden.toBuilder()
                .kind(Kind.COMMENT)
                .linkback(null)
                .status(Status.DELETED)
                .author(Author.named(ThreadNode.DELETED_NAME))
                .text("")
                .html("")
                .moderationReason(null)
                .updatedAt(hidden.createdAt())
                .attributes(Map.of())
                .build();
    }

    /**
     * Positions by comment id: open addressing with linear probing, at most half full, each slot one
     * {@code long} holding the id's hash (high half) and position + 1 (low half; 0 is empty). An insert touches
     * one slot; a lookup compares hashes in the slot and reads the id only on a hash match. Insert-only,
     * single-threaded.
     */
    private static final class Index {
        private final long[] slots;
        private final Comment[] comments;
        private final int shift;
        private final int mask;

        Index(Comment[] comments, int expected) {
            int bits = 2;
            while ((1L << bits) < 2L * Math.max(expected, 1)) {
                bits++;
            }
            this.slots = new long[1 << bits];
            this.comments = comments;
            this.shift = 32 - bits;
            this.mask = (1 << bits) - 1;
        }

        int get(@Nullable CommentId key) {
            if (key == null) {
                return -1;
            }
            int hash = key.hashCode();
            for (int i = (hash * 0x9E3779B9) >>> shift; ; i = (i + 1) & mask) {
                long entry = slots[i];
                if (entry == 0) {
                    return -1;
                }
                if ((int) (entry >>> 32) == hash) {
                    int position = (int) entry - 1;
                    CommentId id = comments[position].id();
                    if (id == key || id.equals(key)) {
                        return position;
                    }
                }
            }
        }

        void put(int position) {
            CommentId key = comments[position].id();
            int hash = key.hashCode();
            long entry = ((long) hash << 32) | (position + 1L);
            for (int i = (hash * 0x9E3779B9) >>> shift; ; i = (i + 1) & mask) {
                long existing = slots[i];
                if (existing == 0 || ((int) (existing >>> 32) == hash
                        && comments[(int) existing - 1].id().equals(key))) {
                    slots[i] = entry;
                    return;
                }
            }
        }
    }
}
