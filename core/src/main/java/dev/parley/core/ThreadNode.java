package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
     * Creates a node without replies for one comment, e.g. to answer a post or an edit, presented as a
     * reader's page presents it: a deleted or spam comment becomes a placeholder, blanked, so nothing of it
     * is shown (a page shows one only as the placeholder above a visible reply). A held comment is kept as it
     * is, status and all: show it only to its author or a moderator, as {@link CommentService#locate} does.
     * Pages are assembled by the service.
     *
     * @param comment the comment
     * @throws NullPointerException if {@code comment} is null
     * @see #forModerator(Comment)
     */
    public ThreadNode(Comment comment) {
        this(PageAssembler.Visibility.PUBLIC.present(Objects.requireNonNull(comment, "comment must not be null")),
                null, -1);
    }

    ThreadNode(Comment comment, PageAssembler.@Nullable Tree tree, int position) {
        this.comment = comment;
        this.tree = tree;
        this.position = position;
        this.replies = tree == null ? List.of() : null;
    }

    /**
     * Creates a node without replies for one comment as a moderator's page presents it: a spam comment as it
     * is (status {@code SPAM}), a deleted one as a placeholder.
     *
     * @param comment the comment
     * @return the node
     * @throws NullPointerException if {@code comment} is null
     */
    public static ThreadNode forModerator(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        return new ThreadNode(PageAssembler.Visibility.MODERATOR.present(comment), null, -1);
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
     * Returns the rest of this root's replies when the page cut them: the page holds at most
     * {@link Settings#repliesPerRoot()} replies under a root (the oldest, nested) and
     * {@link Settings#repliesPerPage()} in all, and the rest is read with {@link CommentService#replies}
     * from the marker's cursor. See {@link MoreReplies} for what its count counts.
     *
     * @return the marker, or empty when every reply is on the page, and always for replies and for nodes not
     *     read as part of a page
     */
    public Optional<MoreReplies> moreReplies() {
        return tree == null ? Optional.empty() : Optional.ofNullable(tree.more(position));
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
