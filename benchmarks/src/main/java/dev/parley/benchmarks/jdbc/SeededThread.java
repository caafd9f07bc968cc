package dev.parley.benchmarks.jdbc;

import dev.parley.benchmarks.storage.ThreadShape;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.storage.Comment;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An in-memory H2 database holding one {@link ThreadShape} thread, loaded with the store's batch insert, and
 * the page reads every JDBC roots-page benchmark measures. Not thread-safe to create or drop; reads are.
 */
final class SeededThread {

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
        return new SeededThread(pool, store, ThreadShape.positions(comments));
    }

    /** Reads the three pages of roots with {@code statuses}, each with its replies of those statuses. */
    void readPages(Set<Status> statuses, Blackhole bh) {
        ThreadShape.readPages(store, statuses, requests, bh);
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
