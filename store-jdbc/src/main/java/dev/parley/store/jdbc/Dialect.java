package dev.parley.store.jdbc;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Linkback;
import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where H2 and PostgreSQL differ for this store: collation of the id columns, partial indexes, and how a
 * list of values is bound. Everything else is one SQL text for both.
 */
enum Dialect {

    /** H2 2.x: compares strings by code unit (binary for ids), has no partial indexes. */
    H2("h2"),

    /**
     * PostgreSQL: ids need {@code COLLATE "C"} to compare in binary order whatever the database's locale; the
     * roots index is partial, holding roots only, and a separate (thread, status) index serves counts.
     */
    POSTGRESQL("postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /**
     * Where this database's Flyway migrations are on the class path. The folder name is not a Java package
     * name, so the migrations stay readable by Flyway when this module is on the module path.
     */
    String migrationLocation() {
        return "classpath:parley-store-jdbc/migration/" + migrations;
    }

    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String normalized = product.toLowerCase(Locale.ROOT);
        if (normalized.equals("h2")) {
            return H2;
        }
        if (normalized.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new StoreException("JdbcCommentStore supports H2 and PostgreSQL, not " + product);
    }

    /**
     * Refuses a comment this database cannot store exactly. PostgreSQL keeps text as UTF-8, which has no
     * place for U+0000 (the server rejects it) nor for an unpaired surrogate (the driver silently writes
     * {@code ?}): rather than store an altered comment, the store refuses it. H2 keeps any Java string.
     * Attributes never need this: their encoding escapes both.
     *
     * @throws StoreException naming the first component that cannot be stored
     */
    void requireStorable(Comment comment) {
        if (this != POSTGRESQL) {
            return;
        }
        Author author = comment.author();
        Linkback linkback = comment.linkback();
        String[] values = {comment.thread().value(), comment.text(), comment.html(), author.name(), author.email(),
            author.url(), author.userId(), author.ip(), author.userAgent(), comment.moderationReason(),
            linkback == null ? null : linkback.sourceUrl(), linkback == null ? null : linkback.title()};
        String[] names = {"thread", "text", "html", "author name", "author email", "author url", "author user id",
            "author ip", "author user agent", "moderation reason", "linkback source url", "linkback title"};
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value != null && !isUtf8Encodable(value)) {
                throw new StoreException("could not store comment " + comment.id() + ": its " + names[i]
                        + " holds U+0000 or an unpaired surrogate, which PostgreSQL text cannot store");
            }
        }
    }

    private static boolean isUtf8Encodable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Makes every commit reach the database's file before it returns, so that a write the store has
     * acknowledged survives the process being killed.
     *
     * <p>PostgreSQL does so already (its write-ahead log). H2's MVStore by default does not: a commit changes its
     * maps in memory, and a background writer stores them to the file up to {@code WRITE_DELAY} (500 ms) later,
     * so a JVM killed in between loses acknowledged writes. With {@code WRITE_DELAY} 0 there is no background
     * writer, and the end of every transaction that changed something stores it to the file at once (H2's
     * {@code TransactionStore.endTransaction}). When the database does not run with 0 already (from
     * {@code ;WRITE_DELAY=0} in the URL, or an earlier call), this sets it, which needs an administrator; the
     * setting is kept in the database.
     */
    void requireDurableCommits(Connection connection) throws SQLException {
        if (this != H2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            try (ResultSet delay = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                if (delay.next() && "0".equals(delay.getString(1).strip())) {
                    return;
                }
            }
            statement.execute("SET WRITE_DELAY 0");
        }
    }

    /**
     * Renders a condition that {@code column} is one of {@code count} values, bound by
     * {@link #bindList(PreparedStatement, int, List)}: {@code = ANY(?)} with one array on PostgreSQL (one
     * statement text for any count), an {@code IN} list on H2 (whose planner uses an index for it).
     */
    String inList(String column, int count) {
        if (this == POSTGRESQL) {
            return column + " = ANY(?)";
        }
        return column + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * Binds the values of an {@link #inList(String, int)} condition from {@code index}.
     *
     * @return the next parameter index
     */
    int bindList(PreparedStatement statement, int index, List<String> values) throws SQLException {
        if (this == POSTGRESQL) {
            Connection connection = statement.getConnection();
            statement.setArray(index, connection.createArrayOf("varchar", values.toArray()));
            return index + 1;
        }
        int next = index;
        for (String value : values) {
            statement.setString(next++, value);
        }
        return next;
    }
}
