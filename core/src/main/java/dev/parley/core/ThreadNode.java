package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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

    private Comment comment;
    private List<ThreadNode> replies = List.of();

    /**
     * Creates a node without replies; pages are assembled by the service.
     *
     * @param comment the comment
     * @throws NullPointerException if {@code comment} is null
     */
    public ThreadNode(Comment comment) {
        this.comment = Objects.requireNonNull(comment, "comment must not be null");
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
        return Collections.unmodifiableList(replies);
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
        for (ThreadNode reply : replies) {
            size += reply.size();
        }
        return size;
    }

    // Assembly hooks: the page is built in one pass by the service before it is published, never after.

    void addReply(ThreadNode reply) {
        if (replies.isEmpty()) {
            replies = new ArrayList<>(4);
        }
        replies.add(reply);
    }

    List<ThreadNode> mutableReplies() {
        return replies;
    }

    void replaceComment(Comment blanked) {
        comment = blanked;
    }

    @Override
    public String toString() {
        return "ThreadNode[" + comment.id() + (placeholder() ? ", placeholder" : "") + ", replies=" + replies.size()
                + "]";
    }
}
