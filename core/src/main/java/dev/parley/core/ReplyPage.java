package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of the replies under one root, past what a thread page showed of them: what "N more replies" leads
 * to ({@link CommentService#replies}).
 *
 * <p>The replies come oldest first, as many as {@link Settings#repliesPerPage()} reads, with the same
 * visibility as on a thread page: held replies only for their author or a moderator, deleted and spam ones
 * only as placeholders above a visible reply, a reply below a hidden one hidden. A reply whose parent is on
 * this page is nested under it; one whose parent is the root or on an earlier page is at the top level, and
 * {@link #inReplyTo} gives that parent, presented, so a page can say whom it answers. Immutable and
 * thread-safe.
 *
 * @param root the root, presented as on a thread page (a placeholder if deleted or spam), without replies
 * @param replies the top-level replies of this page, oldest first, with their replies on this page nested
 * @param parents the presented parents of the top-level replies, the root among them, by id
 * @param moreReplies the rest of the root's replies, or null when this page is the last
 */
public record ReplyPage(ThreadNode root, List<ThreadNode> replies, Map<CommentId, Comment> parents,
        @Nullable MoreReplies moreReplies) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public ReplyPage {
        Objects.requireNonNull(root, "root must not be null");
        replies = List.copyOf(Objects.requireNonNull(replies, "replies must not be null"));
        parents = Map.copyOf(Objects.requireNonNull(parents, "parents must not be null"));
    }

    /**
     * Returns the comment a top-level reply of this page answers.
     *
     * @param reply one of {@link #replies()}
     * @return its parent, presented (the root, or a reply of an earlier page), or empty for a node not at the
     *     top level of this page
     */
    public Optional<Comment> inReplyTo(ThreadNode reply) {
        Objects.requireNonNull(reply, "reply must not be null");
        CommentId parent = reply.comment().parentId();
        return parent == null ? Optional.empty() : Optional.ofNullable(parents.get(parent));
    }

    /**
     * Returns the rest of the root's replies.
     *
     * @return the marker, or empty on the last page
     */
    public Optional<MoreReplies> more() {
        return Optional.ofNullable(moreReplies);
    }

    /**
     * Counts the nodes on this page, placeholders included, the root not.
     *
     * @return the number of nodes
     */
    public int size() {
        int size = 0;
        for (ThreadNode reply : replies) {
            size += reply.size();
        }
        return size;
    }
}
