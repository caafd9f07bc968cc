package dev.parley.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.store.jdbc.MariaDbServer;
import dev.parley.store.jdbc.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One {@link Database} started for a benchmark trial, in which the trial creates its databases, each behind a
 * HikariCP pool as a host would use it; {@link #close()} closes the pools, stops the server and deletes every
 * file. PostgreSQL and MariaDB run as separate processes: the test servers also stop them from a shutdown hook
 * should the benchmark JVM end without tearing down, so none outlives it (short of the JVM being killed
 * outright). Not thread-safe to create databases in or to close; the data sources are.
 */
final class DatabaseServer implements AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final Database database;
    private final AutoCloseable process;
    private final Path directory;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private DatabaseServer(Database database, AutoCloseable process, Path directory) {
        this.database = database;
        this.process = process;
        this.directory = directory;
    }

    /**
     * Starts {@code database}: a server process for PostgreSQL and MariaDB, a temporary directory for H2's
     * files, nothing for H2 in memory.
     *
     * @param database what to start
     * @return the started server
     * @throws Exception if the server cannot start; PostgreSQL's and MariaDB's say what to install
     */
    static DatabaseServer start(Database database) throws Exception {
        Path directory = Files.createTempDirectory("parley-bench-" + database.name().toLowerCase(java.util.Locale.ROOT) + "-");
        AutoCloseable process = switch (database) {
            case H2_MEMORY, H2_FILE, SQLITE_FILE -> () -> { };
            case POSTGRESQL -> PostgresServer.start();
            case MARIADB -> MariaDbServer.start();
        };
        return new DatabaseServer(database, process, directory);
    }

    /** The database this server runs. */
    Database database() {
        return database;
    }

    /**
     * Creates an empty database and returns a pool of connections to it.
     *
     * @param name lower case letters, digits and underscores; unique within this server
     * @return the pooled data source, closed by {@link #close()}
     * @throws SQLException if the database cannot be created
     */
    DataSource createDatabase(String name) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName(database + "-" + name);
        config.setMaximumPoolSize(POOL_SIZE);
        switch (database) {
            case H2_MEMORY -> {
                config.setJdbcUrl("jdbc:h2:mem:" + directory.getFileName() + "-" + name + ";DB_CLOSE_DELAY=-1");
                config.setUsername("sa");
            }
            case H2_FILE -> {
                config.setJdbcUrl("jdbc:h2:file:" + directory.resolve(name) + ";WRITE_DELAY=0");
                config.setUsername("sa");
            }
            case SQLITE_FILE -> config.setJdbcUrl("jdbc:sqlite:" + directory.resolve(name + ".db")
                    + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000");
            case POSTGRESQL -> {
                config.setJdbcUrl(((PostgresServer) process).createDatabase(name));
                config.setUsername(PostgresServer.USER);
            }
            case MARIADB -> {
                config.setJdbcUrl(((MariaDbServer) process).createDatabase(name));
                config.setUsername(MariaDbServer.USER);
            }
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Closes the pools (which closes an H2 file; an in-memory H2 database is shut down, which drops it), stops the server process and
     * deletes the files; goes on past a failure and throws the first one, with the others suppressed.
     */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (HikariDataSource pool : pools) {
            try {
                pool.close();
                if (database == Database.H2_MEMORY) {
                    // Kept open past its last connection (DB_CLOSE_DELAY=-1) until it is shut down.
                    try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), "sa", "");
                            Statement statement = connection.createStatement()) {
                        statement.execute("SHUTDOWN");
                    }
                }
            } catch (Exception e) {
                failure = addTo(failure, e);
            }
        }
        pools.clear();
        try {
            process.close();
        } catch (Exception e) {
            failure = addTo(failure, e);
        }
        try {
            deleteDirectory();
        } catch (IOException | UncheckedIOException e) {
            failure = addTo(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Stops what {@link #close()} stops after a failed start-up, adding any failure to {@code cause}.
     *
     * @param cause why the trial could not start
     */
    void closeAfter(Exception cause) {
        try {
            close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private static Exception addTo(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void deleteDirectory() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
