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
import java.util.Map;

/**
 * Where H2, PostgreSQL, MariaDB/MySQL and SQLite differ for this store: collation of the id columns, partial
 * indexes, null-safe equality, how a list of values is bound, and which text each can store. Everything else is
 * one SQL text for all.
 */
enum Dialect {

    /** H2 2.x: compares strings by code unit (binary for ids), has no partial indexes. */
    H2("h2"),

    /**
     * PostgreSQL: ids need {@code COLLATE "C"} to compare in binary order whatever the database's locale; the
     * roots index is partial, holding roots only, and a separate (thread, status) index serves counts.
     */
    POSTGRESQL("postgresql"),

    /**
     * MariaDB and MySQL (InnoDB, utf8mb4): ids and thread keys need a binary NO PAD collation, whose name
     * differs between the two; no partial indexes (depth is a key column, as on H2); null-safe equality is
     * spelled {@code <=>}.
     */
    MARIADB("mysql"),

    /**
     * SQLite 3.39 or later (for {@code IS NOT DISTINCT FROM}), through the xerial driver: text compares by
     * its UTF-8 bytes (code point order, the default BINARY collation); the unique keys on the linkback source
     * and the fingerprint are partial indexes over non-null values; one writer at a time, so the store needs
     * WAL mode and a busy timeout (see {@link SqliteSettings}).
     */
    SQLITE("sqlite");

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
        if (normalized.equals("mariadb") || normalized.equals("mysql")) {
            return MARIADB;
        }
        if (normalized.equals("sqlite")) {
            return SQLITE;
        }
        throw new StoreException("JdbcCommentStore supports H2, PostgreSQL, MariaDB, MySQL and SQLite, not "
                + product);
    }

    /**
     * The values of the {@code ${name}} placeholders in this database's migrations. MariaDB's binary NO PAD
     * collation is {@code utf8mb4_nopad_bin}; MySQL 8 has none of that name but {@code utf8mb4_0900_bin}.
     * ({@code utf8mb4_bin}, on both, pads with spaces: it would make "post" and "post " one thread key.)
     */
    Map<String, String> migrationPlaceholders(DatabaseMetaData metaData) throws SQLException {
        if (this != MARIADB) {
            return Map.of();
        }
        boolean mysql = metaData.getDatabaseProductName().equalsIgnoreCase("mysql");
        return Map.of("binary_collation", mysql ? "utf8mb4_0900_bin" : "utf8mb4_nopad_bin");
    }

    /**
     * The statement that gives a quiet key its row, never used yet, unless it has one: two parameters, the
     * key hash and the "never used" instant. It never fails on an existing row and, run on its own, holds no
     * lock past its end, so the transaction that then takes the key locks an existing row only (no gap locks
     * on MariaDB, where an update of a missing row and a later insert deadlock racing transactions).
     */
    String insertQuietKeyIfAbsent() {
        return switch (this) {
            case POSTGRESQL, SQLITE -> "INSERT INTO parley_quiet_key (key_hash, last_used_micros) VALUES (?, ?)"
                    + " ON CONFLICT (key_hash) DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO parley_quiet_key (key_hash, last_used_micros) VALUES (?, ?)";
            case H2 -> "MERGE INTO parley_quiet_key q USING (VALUES (CAST(? AS CHAR(64)), CAST(? AS BIGINT)))"
                    + " AS s (key_hash, last_used_micros) ON q.key_hash = s.key_hash"
                    + " WHEN NOT MATCHED THEN INSERT (key_hash, last_used_micros)"
                    + " VALUES (s.key_hash, s.last_used_micros)";
        };
    }

    /**
     * The {@code FROM} clause reading the comment table through {@code index}. MariaDB's planner, given the
     * statistics of a large thread, picks the status or queue index for a page or a page's replies and then
     * reads and sorts far more than the page (measured: 4 to 6 times the cost at 100,000 comments as at 100);
     * there the index is forced. The other databases choose it themselves.
     */
    String fromComments(String index) {
        return this == MARIADB ? " FROM parley_comment FORCE INDEX (" + index + ")" : " FROM parley_comment";
    }

    /**
     * Renders {@code sql} in this database's spelling: MariaDB and MySQL have no {@code IS NOT DISTINCT FROM}
     * but the same null-safe equality as {@code <=>}.
     */
    String spell(String sql) {
        return this == MARIADB ? sql.replace(" IS NOT DISTINCT FROM ", " <=> ") : sql;
    }

    /**
     * Refuses a comment this database cannot store exactly. PostgreSQL keeps text as UTF-8, which has no
     * place for U+0000 (the server rejects it) nor for an unpaired surrogate (the driver silently writes
     * {@code ?}); MariaDB and MySQL keep utf8mb4, UTF-8 too, which holds U+0000 but has no place for an
     * unpaired surrogate either; SQLite keeps text as UTF-8 too, U+0000 included (read back exactly), while the
     * driver silently writes {@code ?} for an unpaired surrogate. Rather than store an altered comment, the store
     * refuses it. H2 keeps any Java string. Attributes and provenance never need this: their encoding escapes both.
     *
     * @throws StoreException naming the first component that cannot be stored
     */
    void requireStorable(Comment comment) {
        if (this == H2) {
            return;
        }
        Author author = comment.author();
        Linkback linkback = comment.linkback();
        String[] values = {comment.thread().value(), comment.text(), comment.html(), author.name(), author.email(),
            author.url(), author.userId(), author.ip(), author.userAgent(), comment.moderationReason(),
            linkback == null ? null : linkback.sourceUrl(), linkback == null ? null : linkback.title()};
        String[] names = {"thread", "text", "html", "author name", "author email", "author url", "author user id",
            "author ip", "author user agent", "moderation reason", "linkback source url", "linkback title"};
        boolean nulStorable = this != POSTGRESQL;
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value != null && !isUtf8Encodable(value, nulStorable)) {
                throw new StoreException("could not store comment " + comment.id() + ": its " + names[i]
                        + switch (this) {
                            case POSTGRESQL -> " holds U+0000 or an unpaired surrogate, which PostgreSQL text"
                                    + " cannot store";
                            case SQLITE -> " holds an unpaired surrogate, which SQLite UTF-8 text cannot store";
                            default -> " holds an unpaired surrogate, which MariaDB/MySQL utf8mb4 text cannot"
                                    + " store";
                        });
            }
        }
    }

    private static boolean isUtf8Encodable(String value, boolean nulStorable) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 && !nulStorable) {
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
     * statement text for any count), an {@code IN} list on H2, MariaDB/MySQL and SQLite (whose planners use an
     * index for it; SQLite has no arrays).
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
