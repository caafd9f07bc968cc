package dev.parley.store.jdbc;

import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thread row, {@code parley_thread}: a thread's change stamp and its counts by status, which every write of
 * one of its comments moves in its own transaction.
 *
 * <p>Each write transaction starts with {@link #bump}: an upsert of its thread's row (of each of its threads,
 * in thread key order, for a batch), before it touches a comment row. That statement takes the row's lock, so
 * the writers of one thread follow each other, and the counts and version they leave are exact; since every
 * transaction takes thread rows first and in one order, two never wait on each other's in a cycle. On SQLite,
 * with one writer at a time, the upsert being a write makes the transaction take the database's write lock
 * before it reads anything. Stateless and thread-safe.
 */
final class ThreadRows {

    /** How often H2's MERGE is tried when a racing transaction inserted the same new thread row first. */
    private static final int H2_MERGE_ATTEMPTS = 5;

    private static final String READ = "SELECT thread, version, pending, approved, spam, deleted FROM parley_thread";

    private final Dialect dialect;
    private final String upsert;

    ThreadRows(Dialect dialect) {
        this.dialect = dialect;
        this.upsert = upsert(dialect);
    }

    /**
     * The statement that adds one to a thread's version and {@code ?} to each count, giving the thread its row
     * (version 1) if it has none. Five parameters: the thread key and the four count changes in {@link Status}
     * order.
     */
    private static String upsert(Dialect dialect) {
        String insert = "INSERT INTO parley_thread (thread, version, pending, approved, spam, deleted)"
                + " VALUES (?, 1, ?, ?, ?, ?)";
        return switch (dialect) {
            case POSTGRESQL, SQLITE -> insert + " ON CONFLICT (thread) DO UPDATE SET"
                    + " version = parley_thread.version + 1, pending = parley_thread.pending + excluded.pending,"
                    + " approved = parley_thread.approved + excluded.approved,"
                    + " spam = parley_thread.spam + excluded.spam, deleted = parley_thread.deleted + excluded.deleted";
            case MARIADB -> insert + " ON DUPLICATE KEY UPDATE version = version + 1,"
                    + " pending = pending + VALUES(pending), approved = approved + VALUES(approved),"
                    + " spam = spam + VALUES(spam), deleted = deleted + VALUES(deleted)";
            case H2 -> "MERGE INTO parley_thread t USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS BIGINT),"
                    + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)))"
                    + " AS s (thread, pending, approved, spam, deleted) ON t.thread = s.thread"
                    + " WHEN MATCHED THEN UPDATE SET version = t.version + 1, pending = t.pending + s.pending,"
                    + " approved = t.approved + s.approved, spam = t.spam + s.spam, deleted = t.deleted + s.deleted"
                    + " WHEN NOT MATCHED THEN INSERT (thread, version, pending, approved, spam, deleted)"
                    + " VALUES (s.thread, 1, s.pending, s.approved, s.spam, s.deleted)";
        };
    }

    /**
     * Adds one to the version of each thread and the changes to its counts, in thread key order, taking each
     * row's lock until the transaction ends.
     *
     * @param changes count changes by thread key, indexed by {@link Status#ordinal()}; all zero for a write
     *     that moves no count yet
     */
    void bump(Connection connection, Map<String, long[]> changes) throws SQLException {
        List<String> threads = new java.util.ArrayList<>(changes.keySet());
        Collections.sort(threads);
        try (PreparedStatement bump = connection.prepareStatement(upsert)) {
            for (String thread : threads) {
                long[] change = changes.get(thread);
                bump.setString(1, thread);
                for (Status status : Status.values()) {
                    bump.setLong(2 + status.ordinal(), change[status.ordinal()]);
                }
                execute(bump);
            }
        }
    }

    /** {@link #bump(Connection, Map)} for one thread. */
    void bump(Connection connection, String thread, long[] change) throws SQLException {
        bump(connection, Map.of(thread, change));
    }

    /**
     * H2's MERGE checks for the row and then inserts it, so a racing transaction that inserted the same new row
     * makes it fail on the primary key. The statement alone is undone; tried again, it finds the racer's row,
     * committed by then (its insert lock made this one wait).
     */
    private void execute(PreparedStatement bump) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                bump.executeUpdate();
                return;
            } catch (SQLException e) {
                if (dialect != Dialect.H2 || attempt == H2_MERGE_ATTEMPTS || !SqlFailures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Moves one comment from one count to another, in a transaction that bumped the thread first. */
    static void move(Connection connection, String thread, Status from, Status to) throws SQLException {
        if (from == to) {
            return;
        }
        String fromColumn = column(from);
        String toColumn = column(to);
        try (PreparedStatement move = connection.prepareStatement("UPDATE parley_thread SET " + fromColumn + " = "
                + fromColumn + " - 1, " + toColumn + " = " + toColumn + " + 1 WHERE thread = ?")) {
            move.setString(1, thread);
            move.executeUpdate();
        }
    }

    /** Takes one comment off a count, in a transaction that bumped the thread first. */
    static void remove(Connection connection, String thread, Status status) throws SQLException {
        String column = column(status);
        try (PreparedStatement remove = connection.prepareStatement(
                "UPDATE parley_thread SET " + column + " = " + column + " - 1 WHERE thread = ?")) {
            remove.setString(1, thread);
            remove.executeUpdate();
        }
    }

    /** The changes of a write that stores one comment of {@code status}. */
    static long[] adding(Status status) {
        long[] change = new long[Status.values().length];
        change[status.ordinal()] = 1;
        return change;
    }

    /** The changes of a write whose counts move later in its transaction, or not at all. */
    static long[] none() {
        return new long[Status.values().length];
    }

    /**
     * The read of several threads' rows by primary key, in one statement: an {@code IN} list, on PostgreSQL too,
     * whose planner turns it into one index scan of the key.
     *
     * @param threads distinct keys, at least one
     */
    static Sql statesQuery(List<String> threads) {
        String placeholders = String.join(", ", Collections.nCopies(threads.size(), "?"));
        return new Sql().append(READ + " WHERE thread IN (" + placeholders + ")", threads.toArray());
    }

    /**
     * Reads the rows of the threads, by primary key, in one statement.
     *
     * @param threads distinct keys, at least one
     * @return the states found, by key; threads without a row are absent
     */
    static Map<String, ThreadState> read(Connection connection, List<String> threads) throws SQLException {
        Map<String, ThreadState> states = new HashMap<>();
        try (PreparedStatement read = statesQuery(threads).prepare(connection); ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                String thread = rows.getString(1);
                states.put(thread, new ThreadState(new ThreadKey(thread), rows.getLong(2),
                        new StatusCounts(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6))));
            }
        }
        return states;
    }

    /** The count column of a status: a fixed name, never caller text. */
    private static String column(Status status) {
        return switch (status) {
            case PENDING -> "pending";
            case APPROVED -> "approved";
            case SPAM -> "spam";
            case DELETED -> "deleted";
        };
    }
}
