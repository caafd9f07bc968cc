package dev.parley.benchmarks.storage;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The thread every storage benchmark reads: half roots, half replies, the same shape at every size, so that a
 * page of 50 roots carries the same work whether the thread holds 100 comments or 100,000.
 *
 * <p>Every root is approved and has one reply; every tenth reply is held (pending), so status filtering is
 * exercised. Comments are one second apart in insertion order, and every seventh root shares its timestamp
 * with the comment before it, so ties on (created at) are exercised too.
 */
public final class ThreadShape {

    /** The thread all comments belong to. */
    public static final ThreadKey THREAD = ThreadKey.of("bench/post");

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ThreadShape() {
    }

    /**
     * Generates the comments of a thread of {@code size} comments in insertion order (parents first).
     *
     * @param size the number of comments, even
     * @param sink receives each comment
     */
    public static void generate(int size, Consumer<Comment> sink) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("size must be even and at least 2, was " + size);
        }
        Author author = Author.named("Reader").withEmail("reader@example.org");
        for (int root = 0; root < size / 2; root++) {
            Instant at = START.plusSeconds(2L * root - (root % 7 == 6 ? 1 : 0));
            Comment r = Comment.builder()
                    .id(CommentId.of("r" + root))
                    .thread(THREAD)
                    .author(author)
                    .text("Root comment " + root)
                    .html("<p>Root comment " + root + "</p>")
                    .createdAt(at)
                    .build();
            sink.accept(r);
            sink.accept(Comment.builder()
                    .id(CommentId.of("r" + root + "-1"))
                    .replyTo(r)
                    .status(root % 10 == 9 ? Status.PENDING : Status.APPROVED)
                    .author(author)
                    .text("Reply to " + root)
                    .html("<p>Reply to " + root + "</p>")
                    .createdAt(at.plusMillis(500))
                    .build());
        }
    }

    /**
     * Returns the comments of a thread of {@code size} comments, parents first.
     *
     * @param size the number of comments
     * @return the comments
     */
    public static List<Comment> comments(int size) {
        List<Comment> comments = new ArrayList<>(size);
        generate(size, comments::add);
        return comments;
    }

    /** The roots per page every storage benchmark reads. */
    public static final int PAGE = 50;

    /**
     * The page positions every storage benchmark reads: the first page, one in the middle of the thread and
     * one near its end, so the keyset seek is measured where it costs most. With 100 comments there are fewer
     * than 2 pages of roots, so every position reads the first page.
     *
     * @param comments the thread, as {@link #comments(int)} makes it
     * @return three page requests of {@link #PAGE} roots, oldest first
     */
    public static List<PageRequest> positions(List<Comment> comments) {
        List<Comment> roots = comments.stream().filter(Comment::isRoot).toList();
        List<PageRequest> positions = new ArrayList<>();
        positions.add(PageRequest.first(Order.OLDEST_FIRST, PAGE));
        int middle = roots.size() / 2;
        int late = roots.size() - PAGE - 1;
        for (int at : new int[] {middle, late}) {
            positions.add(at > 0 && at + PAGE < roots.size()
                    ? PageRequest.first(Order.OLDEST_FIRST, PAGE).next(Cursor.after(roots.get(at)))
                    : PageRequest.first(Order.OLDEST_FIRST, PAGE));
        }
        return positions;
    }

    /**
     * Reads each page of roots with {@code statuses} and then its replies of those statuses: the two store
     * reads behind every thread page.
     *
     * @param store the store holding the thread
     * @param statuses the statuses to read
     * @param requests the pages, as {@link #positions} makes them
     * @param bh sink for the results
     */
    public static void readPages(CommentStore store, Set<Status> statuses, List<PageRequest> requests,
            Blackhole bh) {
        for (PageRequest request : requests) {
            Page roots = store.roots(THREAD, statuses, request);
            List<CommentId> ids = new ArrayList<>(roots.items().size());
            for (Comment root : roots.items()) {
                ids.add(root.id());
            }
            bh.consume(roots);
            bh.consume(store.replies(ids, statuses));
        }
    }
}
