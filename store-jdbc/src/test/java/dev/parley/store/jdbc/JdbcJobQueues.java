package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Test helpers: a queue on an emptied job table, an outbox on emptied outbox tables, and shutting an in-memory H2
 * database down.
 */
final class JdbcJobQueues {

    private JdbcJobQueues() {
    }

    static JdbcJobQueue emptyQueue(DataSource dataSource, Clock clock) {
        JdbcJobQueue queue = JdbcJobQueue.create(dataSource, clock);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM parley_job");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the job table", e);
        }
        return queue;
    }

    /** An outbox on emptied outbox and job tables. */
    static JdbcLinkbackOutbox emptyOutbox(DataSource dataSource, Clock clock) {
        JdbcLinkbackOutbox outbox = JdbcLinkbackOutbox.create(dataSource, clock);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM parley_linkback_target");
            statement.executeUpdate("DELETE FROM parley_linkback_source");
            statement.executeUpdate("DELETE FROM parley_job");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the outbox tables", e);
        }
        return outbox;
    }

    static void shutdown(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }
}
