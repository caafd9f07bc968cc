package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One comment of a {@link ThreadPage} with its visible replies, oldest first.
 *
 * <p>A <em>placeholder</em> stands for a deleted comment that still has visible replies: its comment keeps
 * id, thread, position and times, but its text, html and author are blanked ({@code "[deleted]"}), so a
 * host cannot show removed content by mistake.
 *
 * <p>Unmodifiable once the page is returned, and thread-safe to read.
 */
public final class ThreadNode {

    /** The author name a placeholder shows. */
    public static final String DELETED_NAME = "[deleted]";

    private static final ThreadNode[] NO_REPLIES = new ThreadNode[0];

    // Replies are linked newest first while the page is assembled (no list per node, and linking touches only
    // the parent, so assembly allocates one object per comment) and turned into an immutable list, oldest
    // first, on first read. A racing first read builds equal lists; List.of publishes them safely.
    private Comment comment;
    private @Nullable ThreadNode parent;
    private @Nullable ThreadNode newestReply;
    private @Nullable ThreadNode olderSibling;
    private int replyCount;
    private boolean live;
    private @Nullable List<ThreadNode> replies;

    /**
     * Creates a node without replies; pages are assembled by the service.
     *
     * @param comment the comment
     * @throws NullPointerException if {@code comment} is null
     */
    public ThreadNode(Comment comment) {
        this.comment = Objects.requireNonNull(comment, "comment must not be null");
        this.live = comment.status() != Status.DELETED;
    }

    /**
     * Returns the comment, blanked for a placeholder.
     *
     * @return the comment
     */
    public Comment comment() {
        return comment;
    }

    /**
     * Returns the visible replies, oldest first.
     *
     * @return an unmodifiable list
     */
    public List<ThreadNode> replies() {
        List<ThreadNode> list = replies;
        if (list == null) {
            ThreadNode[] array = replyCount == 0 ? NO_REPLIES : new ThreadNode[replyCount];
            int i = replyCount;
            for (ThreadNode reply = newestReply; reply != null; reply = reply.olderSibling) {
                array[--i] = reply;
            }
            list = List.of(array);
            replies = list;
        }
        return list;
    }

    /**
     * Tells whether this node stands for a deleted comment kept for its replies.
     *
     * @return true for a placeholder
     */
    public boolean placeholder() {
        return comment.status() == Status.DELETED;
    }

    /**
     * Counts this node and every node below it.
     *
     * @return the size of the subtree, 1 or more
     */
    public int size() {
        int size = 1;
        for (ThreadNode reply = newestReply; reply != null; reply = reply.olderSibling) {
            size += reply.size();
        }
        return size;
    }

    // Assembly hooks for PageAssembler: used while the page is built, never after it is returned.

    /** Appends a reply; a visible reply makes every deleted ancestor worth keeping as a placeholder. */
    void addReply(ThreadNode reply) {
        reply.parent = this;
        reply.olderSibling = newestReply;
        newestReply = reply;
        replyCount++;
        if (reply.live) {
            for (ThreadNode up = this; up != null && !up.live; up = up.parent) {
                up.live = true;
            }
        }
    }

    /** Unlinks a reply (a deleted one nothing visible hangs under). */
    void removeReply(ThreadNode reply) {
        replies = null;
        ThreadNode newer = null;
        for (ThreadNode at = newestReply; at != null; newer = at, at = at.olderSibling) {
            if (at == reply) {
                if (newer == null) {
                    newestReply = at.olderSibling;
                } else {
                    newer.olderSibling = at.olderSibling;
                }
                at.olderSibling = null;
                replyCount--;
                return;
            }
        }
    }

    /** Re-links the replies in the given order, after replies arrived before their parent. */
    void relinkReplies(List<ThreadNode> ordered) {
        replies = null;
        newestReply = null;
        for (ThreadNode reply : ordered) {
            reply.olderSibling = newestReply;
            newestReply = reply;
        }
    }

    boolean live() {
        return live;
    }

    @Nullable ThreadNode parent() {
        return parent;
    }

    void replaceComment(Comment blanked) {
        comment = blanked;
    }

    @Override
    public String toString() {
        return "ThreadNode[" + comment.id() + (placeholder() ? ", placeholder" : "") + ", replies=" + replyCount + "]";
    }
}
