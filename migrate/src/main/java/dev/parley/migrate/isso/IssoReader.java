package dev.parley.migrate.isso;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads Isso's comments from its database, the one SQLite file that is Isso's only backup, opened read-only
 * and read row by row, by id: it holds one comment at a time, whatever the database's size.
 *
 * <p>Each row of {@code threads} is a thread, handed over first, its id and link the page's {@code uri}. Each
 * row of {@code comments} is a comment, mapped as the module's README tells, with every other column kept in its
 * provenance (system {@code isso}): status from {@code mode} (1 approved, 2 pending, 4 deleted, anything else
 * pending with a warning); content the Markdown source {@code text}; times from {@code created} and
 * {@code modified}, REAL seconds since the epoch, read from SQLite's decimal text to the microsecond, never
 * through a double nor a local zone. Parents are passed on raw: Isso's comment ids are unique across the
 * database. A comment whose {@code tid} names no thread is read under the thread {@code tid:<tid>}. A row
 * that cannot be a comment (a NULL or empty id, an id longer than a provenance holds) is skipped with a
 * {@link ImportWarning.Code#RECORD_SKIPPED} warning naming its place; a raw {@code mode} or {@code created}
 * too long for a provenance's raw status or date is kept among its fields.
 *
 * <p>The file is opened through {@link ImportSource#path()}: a gzip-compressed database must be decompressed
 * first.
 *
 * <p>Stateless and thread-safe; each call opens the database anew and hands over the same records.
 */
public final class IssoReader implements CommentReader {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /**
     * Creates a reader.
     */
    public IssoReader() {
    }

    /**
     * Returns {@code isso}.
     *
     * @return the system name
     */
    @Override
    public String system() {
        return IssoComment.SYSTEM;
    }

    /**
     * Returns {@link IdScope#SOURCE}: a {@code parent} is a comment id of the whole database.
     *
     * @return the scope
     */
    @Override
    public IdScope idScope() {
        return IdScope.SOURCE;
    }

    /**
     * Reads the database, handing over every thread, then every comment, on the calling thread, by id.
     *
     * @param source the database file
     * @param handler what receives the records
     * @throws ImportFormatException if the file is not a SQLite database, is damaged, or lacks Isso's tables or
     *     columns
     * @throws UncheckedIOException if the file cannot be read
     */
    @Override
    public void read(ImportSource source, Handler handler) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(handler, "handler must not be null");
        Path path = source.path();
        checkHeader(path);
        try (Connection connection = open(path)) {
            IssoSchema schema = IssoSchema.read(connection);
            readThreads(connection, handler);
            readComments(connection, schema, handler);
        } catch (SQLException e) {
            throw failure(path, e);
        }
    }

    private static void checkHeader(Path path) {
        byte[] header;
        try (InputStream in = Files.newInputStream(path)) {
            header = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (header.length == 0) {
            // SQLite takes an empty file for an empty database: the missing tables say what is wrong.
            return;
        }
        if (header.length >= 2 && (header[0] & 0xff) == GZIP_MAGIC_1 && (header[1] & 0xff) == GZIP_MAGIC_2) {
            throw new ImportFormatException("not a SQLite database: the file is gzip-compressed; decompress it "
                    + "first");
        }
        if (!Arrays.equals(header, SQLITE_HEADER)) {
            throw new ImportFormatException("not a SQLite database: the file does not start with \"SQLite format 3\"");
        }
    }

    private static Connection open(Path path) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
    }

    private static void readThreads(Connection connection, Handler handler) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT CAST(id AS TEXT), uri, title FROM threads ORDER BY id")) {
            while (rows.next()) {
                String uri = rows.getString(2);
                String title = rows.getString(3);
                handler.thread(new SourceThread(IssoComment.threadId(rows.getString(1), uri),
                        uri == null || uri.isEmpty() ? null : uri, null,
                        title == null || title.isEmpty() ? null : title));
            }
        }
    }

    private static void readComments(Connection connection, IssoSchema schema, Handler handler)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(schema.commentQuery())) {
            long position = 0;
            while (rows.next()) {
                position++;
                SourceComment comment;
                try {
                    comment = IssoComment.map(rows, schema);
                } catch (IllegalArgumentException e) {
                    String id = rows.getString(1);
                    handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null,
                            id == null || id.isEmpty() ? null : id,
                            "row " + position + " of comments (in id order) cannot be kept, skipped: "
                                    + e.getMessage()));
                    continue;
                }
                handler.comment(comment);
            }
        }
    }

    private static RuntimeException failure(Path path, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            int primary = sqlite.getResultCode().code & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                return new ImportFormatException("not a SQLite database, or a damaged one: " + e.getMessage(), -1,
                        -1, e);
            }
        }
        return new UncheckedIOException(new IOException("cannot read the Isso database " + path + ": "
                + e.getMessage(), e));
    }
}
