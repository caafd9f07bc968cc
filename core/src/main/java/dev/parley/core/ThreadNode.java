package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One comment of a {@link ThreadPage} with its visible replies, oldest first.
 *
 * <p>A <em>placeholder</em> stands for a deleted or spam comment that still has visible replies, so the
 * replies keep their place in the conversation: its comment keeps id, thread, position and creation time, but
 * its text, html, author ({@code "[deleted]"}), linkback, moderation reason and attributes are blanked, its
 * kind is {@code COMMENT} and its status {@code DELETED} (a reader cannot tell spam from a deletion), so a
 * host cannot show removed content by mistake. A moderator's page shows a spam comment with visible replies
 * as it is instead, status {@code SPAM}, not a placeholder.
 *
 * <p>Unmodifiable, and thread-safe to read.
 */
public final class ThreadNode {

    /** The author name a placeholder shows. */
    public static final String DELETED_NAME = "[deleted]";

    private final Comment comment;
    private final PageAssembler.@Nullable Tree tree;
    private final int position;
    // Nodes are views of the page's compact tree, made when a reply list is first read. A racing first read
    // builds equal lists; List.of publishes its contents safely through final fields.
    private @Nullable List<ThreadNode> replies;

    /**
     * Creates a node without replies; pages are assembled by the service.
     *
     * @param comment the comment
     * @throws NullPointerException if {@code comment} is null
     */
    public ThreadNode(Comment comment) {
        this.comment = Objects.requireNonNull(comment, "comment must not be null");
        this.tree = null;
        this.position = -1;
        this.replies = List.of();
    }

    ThreadNode(Comment comment, PageAssembler.Tree tree, int position) {
        this.comment = comment;
        this.tree = tree;
        this.position = position;
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
            list = List.of(tree.replies(position));
            replies = list;
        }
        return list;
    }

    /**
     * Tells whether this node stands for a deleted or spam comment kept for its replies.
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
        return tree == null ? 1 : tree.size(position);
    }

    @Override
    public String toString() {
        return "ThreadNode[" + comment.id() + (placeholder() ? ", placeholder" : "") + "]";
    }
}
