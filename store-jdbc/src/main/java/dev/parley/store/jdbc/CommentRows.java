package dev.parley.store.jdbc;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Status;
import dev.parley.storage.StoreException;
import dev.parley.storage.ThreadKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Maps a {@link Comment} to a row of {@code parley_comment} and back. Stateless and thread-safe. */
final class CommentRows {

    /** Every column, in the order {@link #read(ResultSet)} expects and {@link #INSERT} binds. */
    static final String COLUMNS = "id, thread, parent_id, root_id, depth, in_reply_to_id, kind, status,"
            + " author_name, author_email, author_url, author_user_id, author_ip, author_user_agent,"
            + " body_text, body_html, linkback_source, linkback_source_hash, linkback_title, moderation_reason,"
            + " created_micros, updated_micros, version, attributes, provenance";

    /** How many {@link #COLUMNS} there are: the parameters {@link #bindInsert} binds. */
    static final int COLUMN_COUNT = 25;

    /**
     * The columns written but never read back, derived from the comment by {@link #bindInsert}: the hash of the
     * normalized e-mail address ({@code byEmail}'s key) and the creation time while the comment carries client
     * data ({@code clearClientData}'s key).
     */
    private static final String DERIVED_COLUMNS = ", email_hash, client_micros";

    private static final int DERIVED_COUNT = 2;

    static final String INSERT = "INSERT INTO parley_comment (" + COLUMNS + DERIVED_COLUMNS + ")"
            + " VALUES (" + placeholders(COLUMN_COUNT + DERIVED_COUNT) + ")";

    /** {@link #INSERT} with the fingerprint hash as one more parameter, {@link #FINGERPRINT_PARAMETER}. */
    static final String INSERT_WITH_FINGERPRINT = "INSERT INTO parley_comment (" + COLUMNS + DERIVED_COLUMNS
            + ", fingerprint) VALUES (" + placeholders(COLUMN_COUNT + DERIVED_COUNT + 1) + ")";

    static final int FINGERPRINT_PARAMETER = COLUMN_COUNT + DERIVED_COUNT + 1;

    /**
     * The compare-and-set update. The fingerprint goes first: it is released (set to null, for good) when the
     * comment becomes DELETED or its text changes, which it reads from the row as it was (MySQL evaluates a
     * SET list left to right, so it must precede {@code body_text}).
     */
    static final String UPDATE = "UPDATE parley_comment SET"
            + " fingerprint = CASE WHEN ? = 'DELETED' OR body_text <> ? THEN NULL ELSE fingerprint END,"
            + " status = ?, author_name = ?, author_email = ?,"
            + " author_url = ?, author_user_id = ?, author_ip = ?, author_user_agent = ?, body_text = ?,"
            + " body_html = ?, linkback_title = ?, moderation_reason = ?, updated_micros = ?, attributes = ?,"
            + " provenance = ?, email_hash = ?, client_micros = ?, version = version + 1"
            + " WHERE id = ? AND version = ?"
            // Fixed at insert: matching them here makes the check and the write one atomic statement.
            + " AND thread = ? AND parent_id IS NOT DISTINCT FROM ? AND root_id = ? AND depth = ?"
            + " AND in_reply_to_id IS NOT DISTINCT FROM ? AND kind = ? AND linkback_source IS NOT DISTINCT FROM ?"
            + " AND created_micros = ?";

    private CommentRows() {
    }

    static void bindInsert(PreparedStatement insert, Comment c) throws SQLException {
        insert.setString(1, c.id().value());
        insert.setString(2, c.thread().value());
        setNullable(insert, 3, c.parentId() == null ? null : c.parentId().value());
        insert.setString(4, c.rootId().value());
        insert.setInt(5, c.depth());
        setNullable(insert, 6, c.inReplyToId() == null ? null : c.inReplyToId().value());
        insert.setString(7, c.kind().name());
        insert.setString(8, c.status().name());
        Author a = c.author();
        insert.setString(9, a.name());
        setNullable(insert, 10, a.email());
        setNullable(insert, 11, a.url());
        setNullable(insert, 12, a.userId());
        setNullable(insert, 13, a.ip());
        setNullable(insert, 14, a.userAgent());
        insert.setString(15, c.text());
        insert.setString(16, c.html());
        Linkback linkback = c.linkback();
        setNullable(insert, 17, linkback == null ? null : linkback.sourceUrl());
        setNullable(insert, 18, linkback == null ? null : sourceHash(linkback.sourceUrl()));
        setNullable(insert, 19, linkback == null ? null : linkback.title());
        setNullable(insert, 20, c.moderationReason());
        insert.setLong(21, Schema.micros(c.createdAt()));
        insert.setLong(22, Schema.micros(c.updatedAt()));
        insert.setLong(23, c.version());
        insert.setString(24, AttributesCodec.encode(c.attributes()));
        setNullable(insert, 25, ProvenanceCodec.encode(c.provenance()));
        setNullable(insert, 26, emailHash(a.email()));
        setNullableLong(insert, 27, clientMicros(c));
    }

    static void bindUpdate(PreparedStatement update, Comment c) throws SQLException {
        int i = 1;
        // The fingerprint's CASE: released when the comment becomes DELETED or its text changes.
        update.setString(i++, c.status().name());
        update.setString(i++, c.text());
        update.setString(i++, c.status().name());
        update.setString(i++, c.author().name());
        setNullable(update, i++, c.author().email());
        setNullable(update, i++, c.author().url());
        setNullable(update, i++, c.author().userId());
        setNullable(update, i++, c.author().ip());
        setNullable(update, i++, c.author().userAgent());
        update.setString(i++, c.text());
        update.setString(i++, c.html());
        setNullable(update, i++, c.linkback() == null ? null : c.linkback().title());
        setNullable(update, i++, c.moderationReason());
        update.setLong(i++, Schema.micros(c.updatedAt()));
        update.setString(i++, AttributesCodec.encode(c.attributes()));
        setNullable(update, i++, ProvenanceCodec.encode(c.provenance()));
        setNullable(update, i++, emailHash(c.author().email()));
        setNullableLong(update, i++, clientMicros(c));
        update.setString(i++, c.id().value());
        update.setLong(i++, c.version());
        update.setString(i++, c.thread().value());
        setNullable(update, i++, c.parentId() == null ? null : c.parentId().value());
        update.setString(i++, c.rootId().value());
        update.setInt(i++, c.depth());
        setNullable(update, i++, c.inReplyToId() == null ? null : c.inReplyToId().value());
        update.setString(i++, c.kind().name());
        setNullable(update, i++, c.linkback() == null ? null : c.linkback().sourceUrl());
        update.setLong(i, Schema.micros(c.createdAt()));
    }

    /**
     * Reads the current row of a result whose columns are {@link #COLUMNS}, by position (by name costs more).
     *
     * @throws StoreException if the row does not hold a valid comment (edited by hand, say)
     */
    static Comment read(ResultSet row) throws SQLException {
        try {
            return readValid(row);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("the row of comment " + row.getString(1) + " does not hold a valid comment: "
                    + e.getMessage(), e);
        }
    }

    private static Comment readValid(ResultSet row) throws SQLException {
        String parentId = row.getString(3);
        String inReplyToId = row.getString(6);
        String source = row.getString(17);
        return new Comment(
                new CommentId(row.getString(1)),
                new ThreadKey(row.getString(2)),
                parentId == null ? null : new CommentId(parentId),
                new CommentId(row.getString(4)),
                row.getInt(5),
                inReplyToId == null ? null : new CommentId(inReplyToId),
                Kind.valueOf(row.getString(7)),
                Status.valueOf(row.getString(8)),
                new Author(
                        row.getString(9),
                        row.getString(10),
                        row.getString(11),
                        row.getString(12),
                        row.getString(13),
                        row.getString(14)),
                row.getString(15),
                row.getString(16),
                source == null ? null : new Linkback(source, row.getString(19)),
                row.getString(20),
                Schema.instant(row.getLong(21)),
                Schema.instant(row.getLong(22)),
                row.getLong(23),
                AttributesCodec.decode(row.getString(24)),
                ProvenanceCodec.decode(row.getString(25)));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static void setNullable(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setNullableLong(PreparedStatement statement, int index, @Nullable Long value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /**
     * The key {@code byEmail} looks an address up by: the SHA-256 of its normalized form, in lower-case hex.
     *
     * @param email the address, or null
     * @return the hash, or null without an address
     */
    static @Nullable String emailHash(@Nullable String email) {
        return email == null ? null : sourceHash(Author.normalizeEmail(email));
    }

    /** The creation time while the comment carries an IP address or a User-Agent, else null. */
    static @Nullable Long clientMicros(Comment c) {
        return c.author().ip() == null && c.author().userAgent() == null ? null : Schema.micros(c.createdAt());
    }

    /** The SHA-256 of the source URL's UTF-8 bytes, in lower-case hex: the unique key's stand-in for the URL. */
    static String sourceHash(String sourceUrl) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(sourceUrl.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
