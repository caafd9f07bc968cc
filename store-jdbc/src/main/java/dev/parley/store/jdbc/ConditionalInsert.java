package dev.parley.store.jdbc;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JdbcCommentStore#insert(Comment, InsertConditions)}: the conditions and the insert in one
 * transaction.
 *
 * <p>Every quiet key first gets its row if it has none, each in a statement of its own that fails on nothing.
 * Then, in one transaction, the keys are taken in sorted order (so two posts never wait on each other's keys
 * in a cycle): a key's row is updated only if its last use is not after quiet-since. The update locks the row
 * until the transaction ends, so a racing post of the same client waits and then finds the key used. The comment row goes in last, carrying the hash of its fingerprint under a unique key, so of racing
 * duplicates exactly one commits; just before it, the thread's row moves (see {@link ThreadRows}: quiet keys are
 * the only locks taken before a thread row, by this transaction alone). A refusal rolls everything back. When a
 * racer's outcome is not yet known
 * (a unique key met a row whose transaction then rolled back, or the database chose this transaction as a
 * deadlock or serialization victim), the whole step is tried again, a bounded number of times.
 *
 * <p>On SQLite, which has one writer at a time and no row locks, the transaction's first statement is a write
 * (the key update, or the insert), so it takes the database's write lock, waiting up to the busy timeout,
 * before it reads anything, in deferred and immediate transaction modes alike: the check and the insert never
 * interleave with another post's. A write lock not had within the busy timeout ({@code SQLITE_BUSY}) counts
 * as transient, like a deadlock.
 */
final class ConditionalInsert {

    private static final int ATTEMPTS = 16;
    private static final int PRUNE_EVERY = 1024;

    /** The last use recorded for a key no comment has used yet: before any quiet-since. */
    private static final long NEVER_USED = Long.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(ConditionalInsert.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadRows threads;
    private final AtomicInteger insertsSincePrune = new AtomicInteger();

    ConditionalInsert(DataSource dataSource, Dialect dialect, ThreadRows threads) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.threads = threads;
    }

    InsertResult insert(Comment comment, InsertConditions conditions) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            Outcome outcome;
            try {
                giveKeysTheirRows(conditions);
                outcome = attempt(comment, conditions);
            } catch (SQLException e) {
                if (!SqlFailures.isTransient(e)) {
                    throw e;
                }
                last = e;
                continue;
            }
            if (outcome.result() != null) {
                if (outcome.result() instanceof InsertResult.Inserted && !conditions.quietKeys().isEmpty()) {
                    pruneNow(conditions.quietSince());
                }
                return outcome.result();
            }
        }
        throw new StoreException("could not insert comment " + comment.id() + ": racing writes kept it from"
                + " settling after " + ATTEMPTS + " attempts", last);
    }

    /** One transaction; a null result means "not settled, try again". */
    private Outcome attempt(Comment comment, InsertConditions conditions) throws SQLException {
        String refusedKey = null;
        String fingerprintHash = conditions.fingerprint() == null ? null
                : CommentRows.sourceHash(conditions.fingerprint());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                refusedKey = takeQuietKeys(connection, conditions, comment.createdAt());
                if (refusedKey == null) {
                    threads.bump(connection, comment.thread().value(), ThreadRows.adding(comment.status()));
                    try (PreparedStatement insert = connection.prepareStatement(CommentRows.INSERT_WITH_FINGERPRINT)) {
                        CommentRows.bindInsert(insert, comment);
                        insert.setString(CommentRows.FINGERPRINT_PARAMETER, fingerprintHash);
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        connection.rollback();
                        if (fingerprintHash != null && SqlFailures.violatesFingerprintKey(e)) {
                            CommentId holder = holderOf(connection, fingerprintHash);
                            return new Outcome(holder == null ? null : new InsertResult.Duplicate(holder));
                        }
                        if (SqlFailures.isUniqueViolation(e)) {
                            throw SqlFailures.duplicate(comment, e);
                        }
                        throw e;
                    }
                    connection.commit();
                    return new Outcome(new InsertResult.Inserted());
                }
                connection.rollback();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            // A key was refused. A held fingerprint takes precedence, as in every store: the post is a duplicate.
            if (fingerprintHash != null) {
                CommentId holder = holderOf(connection, fingerprintHash);
                if (holder != null) {
                    return new Outcome(new InsertResult.Duplicate(holder));
                }
            }
            // Else read the key's last use after the rollback. If its row is gone (pruned meanwhile) or its use
            // no longer recent (the racer that used it rolled back), try again.
            Instant lastUsed = lastUse(connection, CommentRows.sourceHash(refusedKey));
            if (lastUsed == null || !lastUsed.isAfter(conditions.quietSince())) {
                return new Outcome(null);
            }
            return new Outcome(new InsertResult.TooSoon(refusedKey, lastUsed));
        }
    }

    /** Gives each quiet key a row, unused, unless it has one; each statement commits on its own. */
    private void giveKeysTheirRows(InsertConditions conditions) throws SQLException {
        if (conditions.quietKeys().isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement give = connection.prepareStatement(dialect.insertQuietKeyIfAbsent())) {
            for (String key : conditions.quietKeys()) {
                give.setString(1, CommentRows.sourceHash(key));
                give.setLong(2, NEVER_USED);
                try {
                    give.executeUpdate();
                } catch (SQLException e) {
                    if (!SqlFailures.isUniqueViolation(e)) {
                        throw e; // a racer inserted the same row between H2's MERGE check and its insert
                    }
                }
            }
        }
    }

    /** Takes every quiet key for this transaction, or returns the first one used too recently. */
    private static @Nullable String takeQuietKeys(Connection connection, InsertConditions conditions, Instant now)
            throws SQLException {
        if (conditions.quietKeys().isEmpty()) {
            return null;
        }
        long since = Schema.micros(conditions.quietSince());
        long used = Schema.micros(now);
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE parley_quiet_key SET last_used_micros = ? WHERE key_hash = ? AND last_used_micros <= ?")) {
            for (String key : conditions.quietKeys()) {
                take.setLong(1, used);
                take.setString(2, CommentRows.sourceHash(key));
                take.setLong(3, since);
                if (take.executeUpdate() != 1) {
                    return key; // used after quiet-since (or its row is gone: the caller finds out)
                }
            }
        }
        return null;
    }

    /** Sleeps a random while, longer after each failed attempt, so racing retries spread out. */
    static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static @Nullable CommentId holderOf(Connection connection, String fingerprintHash) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT id FROM parley_comment WHERE fingerprint = ?")) {
            find.setString(1, fingerprintHash);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? CommentId.of(rows.getString(1)) : null;
            }
        }
    }

    private static @Nullable Instant lastUse(Connection connection, String keyHash) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT last_used_micros FROM parley_quiet_key WHERE key_hash = ?")) {
            find.setString(1, keyHash);
            try (ResultSet rows = find.executeQuery()) {
                if (!rows.next() || rows.getLong(1) == NEVER_USED) {
                    return null;
                }
                return Schema.instant(rows.getLong(1));
            }
        }
    }

    /**
     * Every so often, forgets key uses that no condition can refuse any more (see InsertConditions). Best
     * effort, after the insert has committed: a failure (a deadlock with a post holding a key, a busy
     * database) is logged and left to the next sweep, never reported as a failed insert.
     */
    private void pruneNow(Instant since) {
        if (insertsSincePrune.incrementAndGet() < PRUNE_EVERY) {
            return;
        }
        insertsSincePrune.set(0);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prune = connection.prepareStatement(
                        "DELETE FROM parley_quiet_key WHERE last_used_micros <= ?")) {
            prune.setLong(1, Schema.micros(since));
            prune.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not sweep old quiet keys (the next sweep will): {} (SQLState {})", e.getMessage(),
                    e.getSQLState());
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A settled result, or null for "try again". */
    private record Outcome(@Nullable InsertResult result) {
    }
}
