package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs a write of {@link JdbcCommentStore} in one transaction, committed when the work returns and rolled back
 * when it throws. A transaction the database failed to settle (a deadlock or serialization victim, SQLite busy
 * past its timeout) is run again, a bounded number of times. Stateless and thread-safe.
 */
final class Transactions {

    private static final int ATTEMPTS = 16;

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction on a connection of {@code dataSource}. Work that refuses (a compare-and-set
     * that matched nothing) rolls back itself and returns; the commit that follows then commits nothing.
     *
     * @throws SQLException if the database fails other than transiently, or transiently every time
     */
    static <T extends @Nullable Object> T run(DataSource dataSource, Work<T> work) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                ConditionalInsert.backOff(attempt);
            }
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    if (!(e instanceof SQLException sql) || !SqlFailures.isTransient(sql)) {
                        throw e;
                    }
                    last = sql;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
        throw new StoreException("racing writes kept the transaction from settling after " + ATTEMPTS
                + " attempts", last);
    }

    /** A unit of work in a transaction. */
    @FunctionalInterface
    interface Work<T extends @Nullable Object> {
        T run(Connection connection) throws SQLException;
    }
}
