package dev.parley.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.CommentStore;
import dev.parley.storage.StoreException;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comment store and the post store the demo runs on, opened from its {@link DemoConfig}, and the HikariCP
 * connection pool behind them.
 *
 * <p>Every database goes through one HikariCP pool configured the same way: connections in auto-commit mode
 * (every store call commits before it returns), a bounded pool, and a short wait for a free connection, so a
 * database outage surfaces as an error instead of a hung request.
 *
 * <p>Thread-safe. {@link #close()} closes the pool; for an H2 file that also closes the database cleanly.
 */
public final class DemoStorage implements AutoCloseable {

    /** Connections in the pool: a few per core suits a small site and the database's own limits. */
    static final int POOL_SIZE = 10;

    /** What the JDBC store requires of SQLite (see its README), and durable commits through a process crash. */
    static final String SQLITE_SETTINGS = "journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000";

    private static final Logger LOG = LoggerFactory.getLogger(DemoStorage.class);

    private final CommentStore store;
    private final PostStore posts;
    private final @Nullable HikariDataSource pool;
    private final boolean h2File;

    private DemoStorage(CommentStore store, PostStore posts, @Nullable HikariDataSource pool, boolean h2File) {
        this.store = store;
        this.posts = posts;
        this.pool = pool;
        this.h2File = h2File;
    }

    /**
     * Opens the stores the configuration names, migrating the JDBC schema (Parley's, then the demo's posts
     * table) to the current version if needed.
     *
     * @param config the configuration
     * @return the opened storage
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static DemoStorage open(DemoConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (config.store()) {
            case MEMORY -> new DemoStorage(new InMemoryCommentStore(), new InMemoryPostStore(), null, false);
            case H2 -> jdbc(pool(h2Url(config.h2File()), config.jdbcUser() == null ? "sa" : config.jdbcUser(),
                    config.jdbcPassword()), true);
            case SQLITE -> jdbc(pool(sqliteUrl(config.sqliteFile()), null, null), false);
            case JDBC -> jdbc(pool(Objects.requireNonNull(config.jdbcUrl(), "jdbcUrl"), config.jdbcUser(),
                    config.jdbcPassword()), false);
        };
    }

    /**
     * The JDBC URL of a SQLite file, with the settings the store needs: WAL mode, a busy timeout, and
     * {@code synchronous=NORMAL}, with which every commit survives the process being killed.
     *
     * @param file the file path
     * @return the URL
     */
    static String sqliteUrl(String file) {
        Path absolute = Path.of(file).toAbsolutePath().normalize();
        try {
            // SQLite creates the file, not its directory.
            java.nio.file.Files.createDirectories(absolute.getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("could not create the directory of " + absolute + ": " + e.getMessage(), e);
        }
        return "jdbc:sqlite:" + absolute + "?" + SQLITE_SETTINGS;
    }

    /**
     * The JDBC URL of the default H2 file.
     *
     * @param file the file path without {@code .mv.db}
     * @return the URL
     */
    static String h2Url(String file) {
        // An absolute path: H2 refuses implicitly relative file names, and the message then names the real file.
        String absolute = Path.of(file).toAbsolutePath().normalize().toString();
        // WRITE_DELAY=0: H2 writes each commit to the file before the commit returns, instead of up to 500 ms
        // later, so an acknowledged comment survives kill -9. The store sets it too; the URL says it where a
        // reader of the demo looks (see JdbcCommentStore, Durability).
        return "jdbc:h2:file:" + absolute + ";WRITE_DELAY=0";
    }

    /**
     * The store.
     *
     * @return the store
     */
    public CommentStore store() {
        return store;
    }

    /**
     * The blog's posts, in the same database as the comments.
     *
     * @return the post store
     */
    public PostStore posts() {
        return posts;
    }

    /**
     * The pooled data source, for the demo's own tables; empty for the in-memory store.
     *
     * @return the data source, or null
     */
    @Nullable HikariDataSource dataSource() {
        return pool;
    }

    /**
     * Closes the pool. An H2 file is compacted first ({@code SHUTDOWN COMPACT}): with {@code WRITE_DELAY=0} every
     * commit is a chunk of its own in the file and H2 does no background compaction, so the file grows several
     * times faster than its data (about 3 KB per comment) until a clean stop compacts it.
     */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        if (h2File) {
            boolean compacted = false;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
                compacted = true;
            } catch (SQLException e) {
                // Once the database is shut down, closing its statement and connection fails: that is expected.
                if (!compacted) {
                    LOG.warn("could not compact the H2 file on close; it stays as it is: {}", e.getMessage());
                }
            }
        }
        pool.close();
    }

    private static DemoStorage jdbc(HikariDataSource pool, boolean h2File) {
        try {
            // Parley's store first: on SQLite and H2 it checks or sets what makes commits durable.
            JdbcCommentStore comments = JdbcCommentStore.create(pool);
            return new DemoStorage(comments, JdbcPostStore.create(pool), pool, h2File);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * The URL handed to the driver. The demo reaches MySQL through MariaDB's driver, which takes a
     * {@code jdbc:mysql:} URL only when it carries its {@code permitMysqlScheme} option (so that it does not
     * claim the URLs meant for MySQL's own driver); the demo adds it.
     *
     * @param url the configured URL
     * @return the URL for the driver
     */
    static String driverUrl(String url) {
        if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    private static HikariDataSource pool(String url, @Nullable String user, @Nullable String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parley-demo");
        config.setJdbcUrl(driverUrl(url));
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setAutoCommit(true);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(5_000);
        // Fail at start, with the driver's message, when the database cannot be reached.
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("could not open the database " + url + ": " + e.getMessage(), e);
        }
    }
}
