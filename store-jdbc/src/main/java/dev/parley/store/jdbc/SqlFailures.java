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

    /** SQLState of a unique-key violation on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * MariaDB and MySQL report a unique-key violation with the SQLState of any integrity violation (a null in a
     * NOT NULL column too), so their vendor code tells: ER_DUP_ENTRY, or ER_DUP_ENTRY_WITH_KEY_NAME.
     */
    private static final String MYSQL_INTEGRITY_VIOLATION = "23000";
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    private static final int MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME = 1586;

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
        if (comment.linkback() != null && mentions(e, LINKBACK_CONSTRAINT)) {
            duplicate = new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
        } else {
            duplicate = new DuplicateCommentException(comment.id());
        }
        duplicate.initCause(e);
        return duplicate;
    }

    /**
     * Tells whether {@code e} says the transaction lost a race the database resolved by failing it (a
     * serialization failure or deadlock, SQLState class 40), so running it again may succeed.
     */
    static boolean isTransient(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && state.startsWith("40")) {
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
        return MYSQL_INTEGRITY_VIOLATION.equals(state) && (e.getErrorCode() == MYSQL_DUPLICATE_ENTRY
                || e.getErrorCode() == MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME);
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
