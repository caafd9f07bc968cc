package dev.parley.store.jdbc;

import dev.parley.storage.CommentId;
import dev.parley.storage.StoreException;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Address;
import dev.parley.storage.subscriptions.AddressState;
import dev.parley.storage.subscriptions.SubscriptionChecks;
import dev.parley.storage.subscriptions.Subscriptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@link Subscriptions} on plain JDBC, beside the comments: addresses in {@code parley_subscription_address},
 * watched comments in {@code parley_subscription_watch}, muted threads in {@code parley_subscription_mute}, all
 * keyed by the normalized address ({@link SubscriptionChecks#email}), so every application instance over the
 * database agrees on every address.
 *
 * <pre>{@code
 * Subscriptions subscriptions = JdbcSubscriptions.create(dataSource);
 * subscriptions.request(email, clock.instant());
 * }</pre>
 *
 * <p><b>Atomicity without locks.</b> Every change is a statement that either adds a missing row (an insert that
 * does nothing when the key exists: {@code ON CONFLICT DO NOTHING} on PostgreSQL and SQLite, {@code INSERT IGNORE}
 * on MariaDB, a plain insert whose duplicate-key failure is taken as "exists" on H2) or moves an existing row
 * from the states it may leave ({@code UPDATE ... WHERE state = 'UNCONFIRMED'}). When neither applies, the row
 * is read: if it holds a state the call may leave as it is, that is the answer; if a racer changed it in between,
 * the call starts again, a bounded number of times. Each call therefore acts as one step on the row, whichever
 * instance runs it. {@link #erase} deletes the three tables' rows in one transaction; {@link #export} reads them
 * in one statement, so it sees one state of the database.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads and instances: it holds no mutable state and takes a
 * connection for each call. Give it a pooling {@code DataSource} whose connections have auto-commit on. Every
 * {@link SQLException} becomes a {@link StoreException} naming the operation; a deadlock, serialization failure or
 * busy SQLite database is retried first, a bounded number of times.
 */
public final class JdbcSubscriptions implements Subscriptions {

    private static final int ATTEMPTS = 16;
    private static final String ADDRESS = "parley_subscription_address";
    private static final String WATCH = "parley_subscription_watch";
    private static final String MUTE = "parley_subscription_mute";

    private final DataSource dataSource;
    private final Dialect dialect;

    private JdbcSubscriptions(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Returns the subscriptions on {@code dataSource}, first bringing the schema up to date (the same migrations
     * as {@link JdbcCommentStore#create(DataSource)}).
     *
     * @param dataSource where to take connections from, one per call; auto-commit on
     * @return the subscriptions
     * @throws StoreException if the database is not supported or the schema cannot be migrated
     */
    public static JdbcSubscriptions create(DataSource dataSource) {
        return new JdbcSubscriptions(dataSource, Schema.prepare(dataSource));
    }

    @Override
    public Address request(String email, Instant at) {
        String key = SubscriptionChecks.email(email);
        long micros = Schema.micros(SubscriptionChecks.time(at));
        return settle("record the request of " + key, connection -> {
            if (insertAddress(connection, key, AddressState.UNCONFIRMED, micros)
                    || moveAddress(connection, key, AddressState.UNCONFIRMED, micros, "state = 'UNSUBSCRIBED'")) {
                return new Address(key, AddressState.UNCONFIRMED, Schema.instant(micros));
            }
            Address stored = readAddress(connection, key);
            return stored == null || stored.state() == AddressState.UNSUBSCRIBED ? null : stored;
        });
    }

    @Override
    public Optional<Address> confirm(String email, Instant at) {
        String key = SubscriptionChecks.email(email);
        long micros = Schema.micros(SubscriptionChecks.time(at));
        return settle("confirm " + key, connection -> {
            if (moveAddress(connection, key, AddressState.CONFIRMED, micros, "state = 'UNCONFIRMED'")) {
                return Optional.of(new Address(key, AddressState.CONFIRMED, Schema.instant(micros)));
            }
            Address stored = readAddress(connection, key);
            return stored != null && stored.state() == AddressState.UNCONFIRMED ? null : Optional.ofNullable(stored);
        });
    }

    @Override
    public Optional<Address> find(String email) {
        String key = SubscriptionChecks.email(email);
        return settle("read the address " + key, connection -> Optional.ofNullable(readAddress(connection, key)));
    }

    @Override
    public Address unsubscribeAll(String email, Instant at) {
        String key = SubscriptionChecks.email(email);
        long micros = Schema.micros(SubscriptionChecks.time(at));
        return settle("unsubscribe " + key, connection -> {
            if (insertAddress(connection, key, AddressState.UNSUBSCRIBED, micros)
                    || moveAddress(connection, key, AddressState.UNSUBSCRIBED, micros, "state <> 'UNSUBSCRIBED'")) {
                return new Address(key, AddressState.UNSUBSCRIBED, Schema.instant(micros));
            }
            Address stored = readAddress(connection, key);
            return stored != null && stored.state() == AddressState.UNSUBSCRIBED ? stored : null;
        });
    }

    @Override
    public void watch(String email, CommentId comment, ThreadKey thread, Instant at) {
        String key = SubscriptionChecks.email(email);
        SubscriptionChecks.comment(comment);
        SubscriptionChecks.thread(thread);
        long micros = Schema.micros(SubscriptionChecks.time(at));
        settle("record that " + key + " watches comment " + comment, connection -> {
            if (insertIfAbsent(connection, WATCH, "comment_id", "comment_id, email, thread, watched_micros",
                    comment.value(), key, thread.value(), micros)) {
                return true;
            }
            try (PreparedStatement replace = connection.prepareStatement("UPDATE " + WATCH + " SET email = ?,"
                    + " thread = ?, watched_micros = ? WHERE comment_id = ? AND email <> ?")) {
                replace.setString(1, key);
                replace.setString(2, thread.value());
                replace.setLong(3, micros);
                replace.setString(4, comment.value());
                replace.setString(5, key);
                if (replace.executeUpdate() == 1) {
                    return true;
                }
            }
            return key.equals(readWatcher(connection, comment)) ? Boolean.TRUE : null;
        });
    }

    @Override
    public Optional<String> watcher(CommentId comment) {
        SubscriptionChecks.comment(comment);
        return settle("read the watcher of comment " + comment,
                connection -> Optional.ofNullable(readWatcher(connection, comment)));
    }

    @Override
    public void mute(String email, ThreadKey thread, Instant at) {
        String key = SubscriptionChecks.email(email);
        SubscriptionChecks.thread(thread);
        long micros = Schema.micros(SubscriptionChecks.time(at));
        settle("mute thread " + thread + " for " + key, connection -> insertIfAbsent(connection, MUTE,
                "email, thread", "email, thread, muted_micros", key, thread.value(), micros));
    }

    @Override
    public boolean isMuted(String email, ThreadKey thread) {
        String key = SubscriptionChecks.email(email);
        SubscriptionChecks.thread(thread);
        return settle("read whether " + key + " muted thread " + thread, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM " + MUTE + " WHERE email = ? AND thread = ?")) {
                select.setString(1, key);
                select.setString(2, thread.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public Record export(String email) {
        String key = SubscriptionChecks.email(email);
        return settle("export the subscriptions of " + key, connection -> {
            @Nullable Address address = null;
            Map<CommentId, Instant> watched = new HashMap<>();
            Map<ThreadKey, Instant> muted = new HashMap<>();
            // One statement, so one snapshot: a racing change shows in all three parts or in none.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 'A' AS part, state AS item, changed_micros AS micros FROM " + ADDRESS + " WHERE email = ?"
                    + " UNION ALL SELECT 'W', comment_id, watched_micros FROM " + WATCH + " WHERE email = ?"
                    + " UNION ALL SELECT 'M', thread, muted_micros FROM " + MUTE + " WHERE email = ?")) {
                for (int i = 1; i <= 3; i++) {
                    select.setString(i, key);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String item = rows.getString("item");
                        Instant time = Schema.instant(rows.getLong("micros"));
                        switch (rows.getString("part")) {
                            case "A" -> address = new Address(key, AddressState.valueOf(item), time);
                            case "W" -> watched.put(CommentId.of(item), time);
                            default -> muted.put(ThreadKey.of(item), time);
                        }
                    }
                }
            }
            return new Record(address, SubscriptionChecks.watchedExportOrder(watched),
                    SubscriptionChecks.mutedExportOrder(muted));
        });
    }

    @Override
    public int erase(String email) {
        String key = SubscriptionChecks.email(email);
        return settle("erase the subscriptions of " + key, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int removed = 0;
                for (String table : new String[] {ADDRESS, WATCH, MUTE}) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + table + " WHERE email = ?")) {
                        delete.setString(1, key);
                        removed += delete.executeUpdate();
                    }
                }
                connection.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private boolean insertAddress(Connection connection, String email, AddressState state, long micros)
            throws SQLException {
        return insertIfAbsent(connection, ADDRESS, "email", "email, state, changed_micros", email, state.name(),
                micros);
    }

    /** Moves the address to {@code state} if it is in a state {@code from} admits; true if it moved. */
    private static boolean moveAddress(Connection connection, String email, AddressState state, long micros,
            String from) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + ADDRESS + " SET state = ?, changed_micros = ? WHERE email = ? AND " + from)) {
            update.setString(1, state.name());
            update.setLong(2, micros);
            update.setString(3, email);
            return update.executeUpdate() == 1;
        }
    }

    private static @Nullable Address readAddress(Connection connection, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, changed_micros FROM " + ADDRESS + " WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Address(email, AddressState.valueOf(rows.getString("state")),
                        Schema.instant(rows.getLong("changed_micros"))) : null;
            }
        }
    }

    private static @Nullable String readWatcher(Connection connection, CommentId comment) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT email FROM " + WATCH + " WHERE comment_id = ?")) {
            select.setString(1, comment.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString("email") : null;
            }
        }
    }

    /**
     * Inserts a row unless one with its key exists, in one statement that fails on nothing; the values are
     * strings and a last {@code long}.
     *
     * @return true if this call inserted it
     */
    private boolean insertIfAbsent(Connection connection, String table, String key, String columns,
            Object... values) throws SQLException {
        String placeholders = "?" + ", ?".repeat(values.length - 1);
        String sql = switch (dialect) {
            case POSTGRESQL, SQLITE -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")"
                    + " ON CONFLICT (" + key + ") DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
            case H2 -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
        };
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Long micros) {
                    insert.setLong(i + 1, micros);
                } else {
                    insert.setString(i + 1, (String) values[i]);
                }
            }
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && SqlFailures.isUniqueViolation(e)) {
                return false; // H2 has no insert that ignores an existing key in its own mode
            }
            throw e;
        }
    }

    /**
     * Runs {@code work} on a connection of its own until it settles: a null result means a racer changed the row
     * between the steps, and a deadlock, serialization failure or busy database that the database resolved by
     * failing the statement is run again too, each a bounded number of times.
     */
    private <T> T settle(String action, SqlWork<T> work) {
        SQLException lastFailure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            try (Connection connection = dataSource.getConnection()) {
                T result = work.run(connection);
                if (result != null) {
                    return result;
                }
            } catch (SQLException e) {
                if (!SqlFailures.isTransient(e)) {
                    throw SqlFailures.wrap(action, e);
                }
                lastFailure = e;
            }
        }
        throw new StoreException("could not " + action + ": racing writes kept it from settling after " + ATTEMPTS
                + " attempts", lastFailure);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        @Nullable T run(Connection connection) throws SQLException;
    }
}
