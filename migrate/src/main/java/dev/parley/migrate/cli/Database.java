package dev.parley.migrate.cli;

import dev.parley.storage.CommentStore;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The Parley database a command works on, opened from a JDBC URL with the driver's own {@link DataSource}
 * ({@link JdbcDataSource}, {@link PGSimpleDataSource}, {@link SQLiteDataSource}) and
 * {@link JdbcCommentStore#create(DataSource)}, which brings the schema up to date.
 *
 * <p>It holds one connection open while it is open: an embedded H2 database closes when its last connection
 * does, and would otherwise be opened again for every store call; and a wrong password or an unreachable
 * server fails here, before any work, with the driver's message.
 *
 * <p>Not thread-safe; one command uses it, then closes it.
 */
final class Database implements AutoCloseable {

    /** The databases the command line opens. */
    enum Engine { H2, POSTGRESQL, SQLITE }

    /** What the JDBC store needs of SQLite, as the demo sets it: WAL mode, a busy timeout, durable commits. */
    private static final String[][] SQLITE_DEFAULTS = {
            {"journal_mode", "WAL"}, {"synchronous", "NORMAL"}, {"busy_timeout", "10000"}};

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[;?&]password=");

    private final String description;
    private final CommentStore store;
    private final @Nullable Connection held;

    private Database(String description, CommentStore store, @Nullable Connection held) {
        this.description = description;
        this.store = store;
        this.held = held;
    }

    /**
     * Tells which database a URL names, and checks that it is one the command line can open.
     *
     * @param url the JDBC URL
     * @return the engine
     * @throws IllegalArgumentException if the URL names another database, an in-memory one (gone when the
     *     command ends), or holds a password (which {@code ps} would show)
     */
    static Engine engine(String url) {
        if (PASSWORD_IN_URL.matcher(url).find()) {
            throw new IllegalArgumentException("the --db URL must not hold a password, which any user could read"
                    + " in the process list: use --password-file or --password-env");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            if (lower.startsWith("jdbc:h2:mem:")) {
                throw new IllegalArgumentException("an in-memory H2 database is gone when the command ends: give a"
                        + " file, as jdbc:h2:file:./data/parley-demo, or a server URL");
            }
            return Engine.H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Engine.POSTGRESQL;
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            String file = sqliteFile(url);
            if (file.isEmpty() || file.equals(":memory:") || lower.contains("mode=memory")) {
                throw new IllegalArgumentException("an in-memory SQLite database is gone when the command ends:"
                        + " give a file, as jdbc:sqlite:./data/parley-demo.db");
            }
            return Engine.SQLITE;
        }
        throw new IllegalArgumentException("--db must be a jdbc:h2:, jdbc:postgresql: or jdbc:sqlite: URL, was "
                + url);
    }

    /**
     * Opens a database, creating it when it is an H2 or SQLite file that does not exist yet.
     *
     * @param url the JDBC URL, checked by {@link #engine(String)}
     * @param user the user, or null for the driver's default ({@code sa} on H2, as the demo)
     * @param password the password, or null for none
     * @return the open database
     * @throws CommandFailure if it cannot be opened
     * @throws dev.parley.storage.StoreException if its schema cannot be brought up to date
     */
    static Database open(String url, @Nullable String user, @Nullable String password) {
        Engine engine = engine(url);
        if (engine == Engine.SQLITE) {
            createParentDirectory(url);
        }
        return connect(url, dataSource(engine, url, user, password));
    }

    /**
     * Opens a database that exists already; an H2 or SQLite file that does not is not created.
     *
     * @param url the JDBC URL, checked by {@link #engine(String)}
     * @param user the user, or null for the driver's default
     * @param password the password, or null for none
     * @return the open database, or empty if there is none at that URL
     * @throws CommandFailure if it cannot be opened
     * @throws dev.parley.storage.StoreException if its schema cannot be brought up to date
     */
    static Optional<Database> openExisting(String url, @Nullable String user, @Nullable String password) {
        Engine engine = engine(url);
        switch (engine) {
            case SQLITE -> {
                if (!Files.isRegularFile(sqlitePath(url))) {
                    return Optional.empty();
                }
            }
            case H2 -> {
                String existing = url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
                try {
                    return Optional.of(connect(url, dataSource(engine, existing, user, password)));
                } catch (CommandFailure e) {
                    if (e.getCause() instanceof SQLException sql
                            && sql.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                        return Optional.empty();
                    }
                    throw e;
                }
            }
            case POSTGRESQL -> {
                // A server's database exists or the connection says it does not: nothing to check first.
            }
        }
        return Optional.of(connect(url, dataSource(engine, url, user, password)));
    }

    /**
     * Returns an empty store in memory, standing in for a database that does not exist yet (a dry run before
     * the first import compares with it).
     *
     * @param url the URL of the database that does not exist
     * @return the stand-in
     */
    static Database empty(String url) {
        return new Database("an empty store (no database at " + url + " yet)", new InMemoryCommentStore(), null);
    }

    /**
     * Returns the comment store.
     *
     * @return the store
     */
    CommentStore store() {
        return store;
    }

    /**
     * Describes the database for messages.
     *
     * @return the URL, or what stands in for it
     */
    String description() {
        return description;
    }

    /**
     * Closes the connection held open; an embedded H2 database closes with it.
     *
     * @throws CommandFailure if the driver fails to close it
     */
    @Override
    public void close() {
        if (held == null) {
            return;
        }
        try {
            held.close();
        } catch (SQLException e) {
            throw new CommandFailure("could not close the database " + description + ": " + e.getMessage(), e);
        }
    }

    private static Database connect(String url, DataSource dataSource) {
        Connection held;
        try {
            held = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CommandFailure("cannot open the database " + url + ": " + e.getMessage() + hint(e), e);
        }
        try {
            return new Database(url, JdbcCommentStore.create(dataSource), held);
        } catch (RuntimeException e) {
            try {
                held.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static String hint(SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return "\nAnother process has this H2 file open, most likely the demo: stop it while the command runs,"
                    + " or open the file with ;AUTO_SERVER=TRUE in both URLs (see the module's README).";
        }
        return "";
    }

    private static DataSource dataSource(Engine engine, String url, @Nullable String user,
            @Nullable String password) {
        try {
            return switch (engine) {
                case H2 -> {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL(url);
                    h2.setUser(user == null ? "sa" : user);
                    h2.setPassword(password == null ? "" : password);
                    yield h2;
                }
                case POSTGRESQL -> {
                    PGSimpleDataSource postgres = new PGSimpleDataSource();
                    postgres.setURL(url);
                    if (user != null) {
                        postgres.setUser(user);
                    }
                    if (password != null) {
                        postgres.setPassword(password);
                    }
                    yield postgres;
                }
                case SQLITE -> {
                    // SQLite has no users: a user or password given is not needed, and not used.
                    SQLiteDataSource sqlite = new SQLiteDataSource();
                    sqlite.setUrl(withSqliteDefaults(url));
                    yield sqlite;
                }
            };
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("the driver does not accept the --db URL " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the settings the store needs to a SQLite URL, unless the URL sets them itself.
     *
     * @param url a {@code jdbc:sqlite:} URL
     * @return the URL with {@code journal_mode=WAL}, {@code synchronous=NORMAL} and {@code busy_timeout=10000}
     */
    static String withSqliteDefaults(String url) {
        StringBuilder out = new StringBuilder(url);
        String lower = url.toLowerCase(Locale.ROOT);
        int query = url.indexOf('?');
        for (String[] setting : SQLITE_DEFAULTS) {
            if (query >= 0 && Pattern.compile("[?&]" + setting[0] + "=").matcher(lower).find()) {
                continue;
            }
            out.append(out.indexOf("?") < 0 ? '?' : '&').append(setting[0]).append('=').append(setting[1]);
        }
        return out.toString();
    }

    private static String sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        return file.startsWith("file:") ? file.substring("file:".length()) : file;
    }

    private static Path sqlitePath(String url) {
        try {
            return Path.of(sqliteFile(url));
        } catch (InvalidPathException e) {
            throw new CommandFailure("the --db URL names no valid file: " + url, e);
        }
    }

    private static void createParentDirectory(String url) {
        Path parent = sqlitePath(url).toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            // SQLite creates the file, not its directory.
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new CommandFailure("cannot create the directory " + parent + ": " + e.getMessage(), e);
        }
    }
}
