package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link JdbcCommentStore#clearClientData}: one bounded batch of the retention job in one transaction.
 *
 * <p>The batch is read from the index of {@code client_micros}, which holds exactly the comments that still
 * carry an IP address or a User-Agent, oldest first: the read stops after {@code limit} entries, so its cost
 * does not grow with the store. One {@code UPDATE} then clears the batch by id, adding one to each version
 * (so a moderator's compare-and-set update read before it fails rather than write the old client data back),
 * and re-checks {@code client_micros IS NOT NULL}, so a comment cleared meanwhile by another instance is
 * neither counted nor bumped twice.
 *
 * <p>On SQLite the read comes first in the transaction: when another connection writes in between, the update
 * fails with {@code SQLITE_BUSY}, which counts as transient, and the batch is tried again.
 * Stateless and thread-safe.
 */
final class ClientDataRetention {

    private static final int ATTEMPTS = 8;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadRows threadRows;

    ClientDataRetention(DataSource dataSource, Dialect dialect, ThreadRows threadRows) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.threadRows = threadRows;
    }

    int clear(Instant createdBefore, int limit) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                ConditionalInsert.backOff(attempt);
            }
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    int cleared = clearBatch(connection, Schema.micros(createdBefore), limit);
                    connection.commit();
                    return cleared;
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if (!SqlFailures.isTransient(e)) {
                    throw SqlFailures.wrap("clear client data before " + createdBefore, e);
                }
                last = e;
            }
        }
        throw new StoreException("could not clear client data before " + createdBefore + ": racing writes kept the"
                + " batch from settling after " + ATTEMPTS + " attempts", last);
    }

    /**
     * The bulk update of one batch, inside the caller's transaction: reads up to {@code limit} comments created
     * before the cut-off that still carry client data, and clears them in one statement. Every write of a
     * comment moves its thread's change stamp in the same transaction: the batch's threads are bumped, in key
     * order as every writer locks them, before its comments are updated.
     *
     * @return how many comments were cleared
     */
    private int clearBatch(Connection connection, long beforeMicros, int limit) throws SQLException {
        List<String> ids = new ArrayList<>(limit);
        Set<String> threads = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, thread"
                + dialect.fromComments("parley_comment_client")
                + " WHERE client_micros < ? ORDER BY client_micros, id LIMIT ?")) {
            select.setLong(1, beforeMicros);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    threads.add(rows.getString(2));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // The thread rows first, in key order, as every writer takes them: a render cached under a thread's
        // version must never have been made from the comments with their client data still in them.
        Map<String, long[]> bumps = new TreeMap<>();
        for (String thread : threads) {
            bumps.put(thread, ThreadRows.none());
        }
        threadRows.bump(connection, bumps);
        try (PreparedStatement update = connection.prepareStatement("UPDATE parley_comment SET author_ip = NULL,"
                + " author_user_agent = NULL, client_micros = NULL, version = version + 1 WHERE "
                + dialect.inList("id", ids.size()) + " AND client_micros IS NOT NULL")) {
            dialect.bindList(update, 1, ids);
            return update.executeUpdate();
        }
    }
}
