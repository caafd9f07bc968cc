package dev.parley.store.jdbc;

import dev.parley.storage.Comment;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.StoreException;
import java.sql.SQLException;
import java.util.Locale;

/** Turns {@link SQLException}s into the SPI's exceptions. Stateless and thread-safe. */
final class SqlFailures {

    /** The unique constraint on (thread, linkback source hash); its name tells the two violations apart. */
    static final String LINKBACK_CONSTRAINT = "parley_comment_linkback_uq";

    /** The unique constraint on the fingerprint hash (insert conditions). */
    static final String FINGERPRINT_CONSTRAINT = "parley_comment_fingerprint_uq";

    /**
     * SQLite names the columns of a violated unique index, not the index: "UNIQUE constraint failed:
     * parley_comment.thread, parley_comment.linkback_source_hash". These tell its two unique keys apart.
     */
    private static final String SQLITE_LINKBACK_COLUMN = "parley_comment.linkback_source_hash";
    private static final String SQLITE_FINGERPRINT_COLUMN = "parley_comment.fingerprint";

    /** SQLState of a unique-key violation on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * MariaDB and MySQL report a unique-key violation with the SQLState of any integrity violation (a null in a
     * NOT NULL column too), so their vendor code tells: ER_DUP_ENTRY, or ER_DUP_ENTRY_WITH_KEY_NAME.
     */
    private static final String MYSQL_INTEGRITY_VIOLATION = "23000";
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    private static final int MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME = 1586;

    /**
     * SQLite's result codes. The xerial driver reports no SQLState and the primary code as the error code
     * (SQLITE_CONSTRAINT for every constraint, a NOT NULL one too), naming the extended code in the message:
     * "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (...)". A driver reporting extended codes gives
     * SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY. The message decides in every case.
     */
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;
    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    /** SQLITE_BUSY and SQLITE_LOCKED, primary codes: another connection held the lock past the busy timeout. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqlFailures() {
    }

    /** Wraps a failure of {@code action} ("insert comment c1"), keeping the SQL state in the message. */
    static StoreException wrap(String action, SQLException e) {
        return new StoreException("could not " + action + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + ")", e);
    }

    /** The refusal an insert of {@code comment} met: a duplicate linkback if the linkback key said so, else id. */
    static StoreException duplicate(Comment comment, SQLException e) {
        StoreException duplicate;
        if (comment.linkback() != null && (mentions(e, LINKBACK_CONSTRAINT) || mentions(e, SQLITE_LINKBACK_COLUMN))) {
            duplicate = new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
        } else {
            duplicate = new DuplicateCommentException(comment.id());
        }
        duplicate.initCause(e);
        return duplicate;
    }

    /** Tells whether {@code e} is a unique-key violation of the fingerprint's key, whatever the database. */
    static boolean violatesFingerprintKey(SQLException e) {
        return isUniqueViolation(e)
                && (mentions(e, FINGERPRINT_CONSTRAINT) || mentions(e, SQLITE_FINGERPRINT_COLUMN));
    }

    /**
     * Tells whether {@code e} says the transaction lost a race the database resolved by failing it (a
     * serialization failure or deadlock, SQLState class 40; on SQLite, the database stayed locked by another
     * writer past the busy timeout), so running it again may succeed.
     */
    static boolean isTransient(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && state.startsWith("40")) {
                return true;
            }
            int primary = next.getErrorCode() & 0xff;
            if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
                    && (messageContains(next, "SQLITE_BUSY") || messageContains(next, "SQLITE_LOCKED"))) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether {@code e}, or an exception chained to it, is a unique-key violation. */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (isUniqueViolationItself(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isUniqueViolationItself(SQLException e) {
        String state = e.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return true;
        }
        int code = e.getErrorCode();
        if (MYSQL_INTEGRITY_VIOLATION.equals(state)) {
            return code == MYSQL_DUPLICATE_ENTRY || code == MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME;
        }
        boolean sqliteConstraint = code == SQLITE_CONSTRAINT || code == SQLITE_CONSTRAINT_UNIQUE
                || code == SQLITE_CONSTRAINT_PRIMARYKEY;
        return state == null && sqliteConstraint && (messageContains(e, "SQLITE_CONSTRAINT_UNIQUE")
                || messageContains(e, "SQLITE_CONSTRAINT_PRIMARYKEY") || messageContains(e, "UNIQUE constraint failed"));
    }

    private static boolean messageContains(SQLException e, String text) {
        String message = e.getMessage();
        return message != null && message.contains(text);
    }

    /** Tells whether {@code e}'s message, or a chained one, names {@code constraint} (in any case). */
    static boolean mentions(SQLException e, String constraint) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String message = next.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
