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

/**
 * {@link JdbcCommentStore#insert(Comment, InsertConditions)}: the conditions and the insert in one
 * transaction.
 *
 * <p>Quiet keys are taken first, in sorted order (so two posts never wait on each other's keys in a cycle): a
 * key's row is updated only if its last use is not after quiet-since, or inserted when it has none; either
 * locks the row until the transaction ends, so a racing post of the same client waits and then finds the key
 * used. The comment row goes in last, carrying the hash of its fingerprint under a unique key, so of racing
 * duplicates exactly one commits. A refusal rolls everything back. When a racer's outcome is not yet known
 * (a unique key met a row whose transaction then rolled back, or the database chose this transaction as a
 * deadlock or serialization victim), the whole step is tried again, a bounded number of times.
 */
final class ConditionalInsert {

    private static final int ATTEMPTS = 8;
    private static final int PRUNE_EVERY = 1024;
    private static final String FINGERPRINT_CONSTRAINT = "parley_comment_fingerprint_uq";

    private final DataSource dataSource;
    private final AtomicInteger insertsSincePrune = new AtomicInteger();

    ConditionalInsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    InsertResult insert(Comment comment, InsertConditions conditions) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Outcome outcome;
            try {
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
                    try (PreparedStatement insert = connection.prepareStatement(CommentRows.INSERT_WITH_FINGERPRINT)) {
                        CommentRows.bindInsert(insert, comment);
                        insert.setString(25, fingerprintHash);
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        connection.rollback();
                        if (fingerprintHash != null && SqlFailures.isUniqueViolation(e)
                                && SqlFailures.mentions(e, FINGERPRINT_CONSTRAINT)) {
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
            // A key was refused: read its last use after the rollback (a failed statement may have ended the
            // transaction on some databases). If it is no longer recent, its holder rolled back: try again.
            Instant lastUsed = lastUse(connection, CommentRows.sourceHash(refusedKey));
            if (lastUsed == null || !lastUsed.isAfter(conditions.quietSince())) {
                return new Outcome(null);
            }
            return new Outcome(new InsertResult.TooSoon(refusedKey, lastUsed));
        }
    }

    /** Takes every quiet key for this transaction, or returns the first one used too recently. */
    private static @Nullable String takeQuietKeys(Connection connection, InsertConditions conditions, Instant now)
            throws SQLException {
        if (conditions.quietKeys().isEmpty()) {
            return null;
        }
        long since = CommentRows.micros(conditions.quietSince());
        long used = CommentRows.micros(now);
        for (String key : conditions.quietKeys()) {
            String hash = CommentRows.sourceHash(key);
            try (PreparedStatement take = connection.prepareStatement(
                    "UPDATE parley_quiet_key SET last_used_micros = CASE WHEN last_used_micros > ?"
                            + " THEN last_used_micros ELSE ? END WHERE key_hash = ? AND last_used_micros <= ?")) {
                take.setLong(1, used);
                take.setLong(2, used);
                take.setString(3, hash);
                take.setLong(4, since);
                if (take.executeUpdate() == 1) {
                    continue;
                }
            }
            try (PreparedStatement first = connection.prepareStatement(
                    "INSERT INTO parley_quiet_key (key_hash, last_used_micros) VALUES (?, ?)")) {
                first.setString(1, hash);
                first.setLong(2, used);
                first.executeUpdate();
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    return key; // the key has a row, used after quiet-since (or a racer's, not yet settled)
                }
                throw e;
            }
        }
        return null;
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
                return rows.next() ? CommentRows.instant(rows.getLong(1)) : null;
            }
        }
    }

    /** Every so often, forgets key uses that no condition can refuse any more (see InsertConditions). */
    private void pruneNow(Instant since) throws SQLException {
        if (insertsSincePrune.incrementAndGet() < PRUNE_EVERY) {
            return;
        }
        insertsSincePrune.set(0);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prune = connection.prepareStatement(
                        "DELETE FROM parley_quiet_key WHERE last_used_micros <= ?")) {
            prune.setLong(1, CommentRows.micros(since));
            prune.executeUpdate();
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
