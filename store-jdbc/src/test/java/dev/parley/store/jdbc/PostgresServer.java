package dev.parley.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary directory, {@code pg_ctl start} on
 * a free loopback port, {@code pg_ctl stop} and delete on {@link #close()} (and from a shutdown hook, should
 * the test JVM end first).
 *
 * <p>It runs the server binaries of the machine (Debian's {@code postgresql} package, which
 * {@code scripts/setup.d/10-postgresql.sh} installs), and fails with that advice when there are none: a
 * missing database never skips a test. PostgreSQL refuses to run as root, so when the tests run as root the
 * cluster runs as the {@code postgres} system user through {@code runuser}, owning its directory. The
 * directory lives under {@code java.io.tmpdir} rather than {@code target/}: the {@code postgres} user may not
 * be able to enter the checkout (a clone under {@code /root}, say).
 *
 * <p>Durability is off ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}): the data is
 * thrown away, and the suite runs several times faster. Thread-safe after {@link #start()}.
 */
public final class PostgresServer implements TestServer {

    public static final String USER = "parley";


    private final Path binaries;
    private final Path directory;
    private final List<String> runAs;
    private final int port;
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresServer(Path binaries, Path directory, List<String> runAs, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.runAs = runAs;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-test-server-stop");
    }

    /** Creates and starts a cluster; fails with advice if PostgreSQL is not installed. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = findBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin nor"
                        + " in `pg_config --bindir`. The JDBC store's tests need a real PostgreSQL: run"
                        + " scripts/test.sh (its setup step scripts/setup.d/10-postgresql.sh installs Debian's"
                        + " postgresql package), or install it yourself."));
        Path directory = Files.createTempDirectory("parley-pg-");
        List<String> runAs = new ArrayList<>();
        if (ServerProcesses.isRoot()) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
            runAs.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        PostgresServer server = new PostgresServer(binaries, directory, runAs, ServerProcesses.freePort());
        server.initAndStart();
        return server;
    }

    private void initAndStart() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path data = directory.resolve("data");
        run(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--no-locale", "--no-sync");
        String options = String.join(" ",
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-k", directory.toString(),
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=60");
        run(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                directory.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start");
    }

    /**
     * Creates a fresh database (dropping any of the same name) whose default collation is ICU's English when
     * the server has ICU, so that only an explicit {@code COLLATE "C"} can make ids compare in binary order.
     *
     * @return its JDBC URL
     */
    @Override
    public String createDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            try {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'"
                        + " LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
            } catch (SQLException noIcu) {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
            }
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m",
                    "immediate", "-w", "stop");
        } finally {
            deleteDirectory();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running this very method.
            }
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL server in " + directory + ": " + e);
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        ServerProcesses.run(runAs, this::serverLog, command);
    }

    private String serverLog() {
        Path log = directory.resolve("server.log");
        try {
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "\n(server log unreadable: " + e + ")";
        }
    }

    private void deleteDirectory() throws IOException {
        ServerProcesses.deleteDirectory(directory);
    }

    private static Optional<Path> findBinaries() throws IOException, InterruptedException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(bin -> versionNumber(bin.getParent())));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        try {
            Process pgConfig = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String bindir = new String(pgConfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (pgConfig.waitFor() == 0 && Files.isExecutable(Path.of(bindir, "initdb"))) {
                return Optional.of(Path.of(bindir));
            }
        } catch (IOException noPgConfig) {
            // Not installed either: the caller explains what to do.
        }
        return Optional.empty();
    }

    private static int versionNumber(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
