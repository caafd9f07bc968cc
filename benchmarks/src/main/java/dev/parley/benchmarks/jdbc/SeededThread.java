package dev.parley.benchmarks.jdbc;

import dev.parley.benchmarks.storage.ThreadShape;
import dev.parley.examples.jdbc.JdbcCommentStore;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An in-memory H2 database holding one {@link ThreadShape} thread, loaded with the store's batch insert, and
 * the page reads every JDBC roots-page benchmark measures. Not thread-safe to create or drop; reads are.
 */
final class SeededThread {

    private static final int PAGE = 50;

    private final JdbcConnectionPool pool;
    private final JdbcCommentStore store;
    private final List<PageRequest> requests;

    private SeededThread(JdbcConnectionPool pool, JdbcCommentStore store, List<PageRequest> requests) {
        this.pool = pool;
        this.store = store;
        this.requests = requests;
    }

    /** Creates the database {@code name} holding a thread of {@code size} comments. */
    static SeededThread create(String name, int size) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcCommentStore store = JdbcCommentStore.create(pool);
        List<Comment> comments = ThreadShape.comments(size);
        store.insertAll(comments);
        return new SeededThread(pool, store, positions(comments));
    }

    /**
     * The in-memory benchmark's positions: the first page, one in the middle, one near the end. With 100
     * comments there are fewer than 2 pages of roots, so every position reads the first page.
     */
    private static List<PageRequest> positions(List<Comment> comments) {
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

    /** Reads the three pages of roots with {@code statuses}, each with its replies of those statuses. */
    void readPages(Set<Status> statuses, Blackhole bh) {
        for (PageRequest request : requests) {
            Page roots = store.roots(ThreadShape.THREAD, statuses, request);
            List<CommentId> ids = new ArrayList<>(roots.items().size());
            for (Comment root : roots.items()) {
                ids.add(root.id());
            }
            bh.consume(roots);
            bh.consume(store.replies(ids, statuses));
        }
    }

    /** Drops the database. */
    void drop() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }
}
