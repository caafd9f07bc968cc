package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Checks that a SQLite database is set up for a store that many threads write at once. Stateless and
 * thread-safe.
 *
 * <p>SQLite lets one connection write at a time. In WAL mode readers never wait for the writer nor it for
 * them, and a commit appends to the log without rewriting the database file; in the default rollback-journal
 * mode a reader and the writer lock each other out, and concurrent posts and page reads fail with
 * {@code SQLITE_BUSY}. A connection whose busy timeout is 0 fails at once when another holds the write lock,
 * rather than waiting its turn. Both are the host's settings (the journal mode is kept in the database file,
 * the busy timeout per connection, from the JDBC URL), so the store checks them rather than change them
 * behind the host's back, and refuses to start without them.
 */
final class SqliteSettings {

    /** The JDBC URL parameters the store needs, as the xerial driver reads them. */
    static final String URL_PARAMETERS = "journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000";

    private SqliteSettings() {
    }

    /**
     * Throws unless a connection of {@code dataSource} is in WAL mode with a busy timeout.
     *
     * @throws StoreException naming the setting that is missing and the URL that sets it
     */
    static void require(DataSource dataSource) {
        String journalMode;
        long busyTimeout;
        try (Connection connection = dataSource.getConnection()) {
            journalMode = pragma(connection, "journal_mode").toLowerCase(Locale.ROOT);
            busyTimeout = Long.parseLong(pragma(connection, "busy_timeout"));
        } catch (SQLException e) {
            throw SqlFailures.wrap("read the SQLite database's settings", e);
        }
        if (!journalMode.equals("wal")) {
            throw new StoreException("the SQLite database is in journal mode " + journalMode + ", but"
                    + " JdbcCommentStore needs WAL, so that readers and the one writer never lock each other out:"
                    + " open it with a URL such as jdbc:sqlite:/path/parley.db?" + URL_PARAMETERS);
        }
        if (busyTimeout <= 0) {
            throw new StoreException("the SQLite connections have no busy timeout, so a write fails at once"
                    + " while another connection writes: open them with a URL such as"
                    + " jdbc:sqlite:/path/parley.db?" + URL_PARAMETERS);
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            if (!rows.next()) {
                throw new StoreException("SQLite returned no value for PRAGMA " + name);
            }
            return rows.getString(1);
        }
    }
}
