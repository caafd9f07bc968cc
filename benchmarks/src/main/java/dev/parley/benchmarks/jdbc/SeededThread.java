package dev.parley.benchmarks.jdbc;

import dev.parley.benchmarks.storage.ThreadShape;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A database holding one {@link ThreadShape} thread, loaded with the store's batch insert, and the page reads
 * every JDBC roots-page benchmark measures. The database itself belongs to whoever made the data source (a
 * {@link DatabaseServer}). Not thread-safe to create; reads are.
 */
final class SeededThread {

    private final JdbcCommentStore store;
    private final List<PageRequest> requests;

    private SeededThread(JdbcCommentStore store, List<PageRequest> requests) {
        this.store = store;
        this.requests = requests;
    }

    /**
     * Migrates the empty database behind {@code dataSource} and loads a thread of {@code size} comments into
     * it, one transaction per {@link CommentStore#MAX_BATCH} comments, then updates the planner's statistics,
     * printing how long it all took.
     *
     * @param dataSource the database, empty
     * @param database which database it is, for the message
     * @param size the number of comments
     * @return the seeded thread
     * @throws SQLException if the statistics cannot be updated
     */
    static SeededThread create(DataSource dataSource, Database database, int size) throws SQLException {
        long start = System.nanoTime();
        JdbcCommentStore store = JdbcCommentStore.create(dataSource);
        List<Comment> comments = ThreadShape.comments(size);
        for (int from = 0; from < comments.size(); from += CommentStore.MAX_BATCH) {
            store.insertAll(comments.subList(from, Math.min(comments.size(), from + CommentStore.MAX_BATCH)));
        }
        analyze(dataSource, database);
        System.out.printf(Locale.ROOT, "(%s: migrated and loaded %,d comments in %.1f s)%n", database, size,
                (System.nanoTime() - start) / 1e9);
        return new SeededThread(store, ThreadShape.positions(comments));
    }

    /**
     * Brings the planner's statistics up to date, as the database's own background work does within a minute
     * of a bulk load (PostgreSQL's autovacuum, InnoDB's automatic recalculation). Measured right after the
     * load without it, PostgreSQL still plans for the empty table it created and scans the whole thread.
     */
    private static void analyze(DataSource dataSource, Database database) throws SQLException {
        String sql = switch (database) {
            case H2_MEMORY, H2_FILE, SQLITE_FILE, POSTGRESQL -> "ANALYZE";
            case MARIADB -> "ANALYZE TABLE parley_comment";
        };
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Reads the three pages of roots with {@code statuses}, each with its replies of those statuses. */
    void readPages(Set<Status> statuses, Blackhole bh) {
        ThreadShape.readPages(store, statuses, requests, bh);
    }
}
