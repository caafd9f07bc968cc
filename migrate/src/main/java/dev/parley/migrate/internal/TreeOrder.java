package dev.parley.migrate.internal;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders comments so that every comment follows the comment it answered ({@link Comment#inReplyToId()}): an
 * export then numbers a parent before its replies, and an importer that resolves a parent only when it has
 * already seen it (WordPress's, Disqus's) keeps the tree.
 *
 * <p>Not API. Stateless and thread-safe.
 */
public final class TreeOrder {

    /** Ascending (created at, id), the stores' own order. */
    public static final Comparator<Comment> OLDEST_FIRST =
            Comparator.comparing(Comment::createdAt).thenComparing(Comment::id);

    private TreeOrder() {
    }

    /**
     * Orders comments depth first: each comment whose answered comment is not among them (a root, a reply
     * whose parent is elsewhere) in (created at, id) order, each followed by its replies in the same way.
     * Comments caught in a cycle of answers, which a store should not hold, come last, oldest first.
     *
     * @param comments the comments, in any order
     * @return a new list with the same comments
     */
    public static List<Comment> sort(List<Comment> comments) {
        List<Comment> byTime = new ArrayList<>(comments);
        byTime.sort(OLDEST_FIRST);
        Set<CommentId> present = new HashSet<>();
        for (Comment comment : byTime) {
            present.add(comment.id());
        }
        Map<CommentId, List<Comment>> answers = new HashMap<>();
        List<Comment> starts = new ArrayList<>();
        for (Comment comment : byTime) {
            CommentId answered = comment.inReplyToId();
            if (answered == null || !present.contains(answered)) {
                starts.add(comment);
            } else {
                answers.computeIfAbsent(answered, id -> new ArrayList<>()).add(comment);
            }
        }
        List<Comment> ordered = new ArrayList<>(byTime.size());
        Set<CommentId> placed = new HashSet<>();
        Deque<Comment> stack = new ArrayDeque<>();
        for (Comment start : starts) {
            stack.push(start);
            while (!stack.isEmpty()) {
                Comment next = stack.pop();
                if (!placed.add(next.id())) {
                    continue;
                }
                ordered.add(next);
                List<Comment> replies = answers.getOrDefault(next.id(), List.of());
                for (int i = replies.size() - 1; i >= 0; i--) {
                    stack.push(replies.get(i));
                }
            }
        }
        for (Comment comment : byTime) {
            if (placed.add(comment.id())) {
                ordered.add(comment);
            }
        }
        return ordered;
    }
}
