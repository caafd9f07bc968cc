package dev.parley.examples.jdbc;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Linkback;
import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where H2 and PostgreSQL differ for this store: collation of the id columns, partial indexes, and how a
 * list of values is bound. Everything else is one SQL text for both.
 */
enum Dialect {

    /** H2 2.x: compares strings by code unit (binary for ids), has no partial indexes. */
    H2("", List.of(
            "CREATE INDEX IF NOT EXISTS parley_comment_roots"
                    + " ON parley_comment (thread, status, depth, created_micros, id)")),

    /**
     * PostgreSQL: ids need {@code COLLATE "C"} to compare in binary order whatever the database's locale; the
     * roots index is partial, holding roots only, and a separate (thread, status) index serves counts.
     */
    POSTGRESQL(" COLLATE \"C\"", List.of(
            "CREATE INDEX IF NOT EXISTS parley_comment_roots"
                    + " ON parley_comment (thread, status, created_micros, id) WHERE depth = 0",
            "CREATE INDEX IF NOT EXISTS parley_comment_thread ON parley_comment (thread, status)"));

    private final String binaryCollation;
    private final List<String> ownIndexes;

    Dialect(String binaryCollation, List<String> ownIndexes) {
        this.binaryCollation = binaryCollation;
        this.ownIndexes = ownIndexes;
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
     * The schema, each statement idempotent. Column lengths are the {@code Comment} limits: both databases
     * count characters, never more than Java's UTF-16 length, so every valid comment fits.
     */
    List<String> schema() {
        String id = "VARCHAR(64)" + binaryCollation;
        String table = "CREATE TABLE IF NOT EXISTS parley_comment ("
                + "id " + id + " NOT NULL,"
                + " thread VARCHAR(512)" + binaryCollation + " NOT NULL,"
                + " parent_id " + id + ","
                + " root_id " + id + " NOT NULL,"
                + " depth SMALLINT NOT NULL,"
                + " in_reply_to_id " + id + ","
                + " kind VARCHAR(16) NOT NULL,"
                + " status VARCHAR(16) NOT NULL,"
                + " author_name VARCHAR(245) NOT NULL,"
                + " author_email VARCHAR(254),"
                + " author_url VARCHAR(2048),"
                + " author_user_id VARCHAR(255),"
                + " author_ip VARCHAR(64),"
                + " author_user_agent VARCHAR(1024),"
                + " body_text VARCHAR(65535) NOT NULL,"
                + " body_html VARCHAR(524288) NOT NULL,"
                + " linkback_source VARCHAR(2048),"
                // The unique key holds a hash of the source: a 2,048-character URL next to a 512-character
                // thread key can exceed PostgreSQL's B-tree entry limit (2,704 bytes).
                + " linkback_source_hash CHAR(64),"
                + " linkback_title VARCHAR(512),"
                + " moderation_reason VARCHAR(1000),"
                + " created_micros BIGINT NOT NULL,"
                + " updated_micros BIGINT NOT NULL,"
                + " version BIGINT NOT NULL,"
                + " attributes VARCHAR(1000000) NOT NULL,"
                + " CONSTRAINT parley_comment_pk PRIMARY KEY (id),"
                + " CONSTRAINT " + SqlFailures.LINKBACK_CONSTRAINT + " UNIQUE (thread, linkback_source_hash))";
        return Stream.concat(
                        Stream.of(
                                table,
                                "CREATE INDEX IF NOT EXISTS parley_comment_replies"
                                        + " ON parley_comment (root_id, created_micros, id)",
                                "CREATE INDEX IF NOT EXISTS parley_comment_queue"
                                        + " ON parley_comment (status, created_micros, id)",
                                "CREATE INDEX IF NOT EXISTS parley_comment_scan"
                                        + " ON parley_comment (created_micros, id)"),
                        ownIndexes.stream())
                .toList();
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
