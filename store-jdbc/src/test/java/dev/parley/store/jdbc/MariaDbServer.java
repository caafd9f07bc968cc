package dev.parley.store.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server for tests: {@code mariadb-install-db} into a temporary directory, {@code mariadbd}
 * on a free loopback port with its own socket and pid files, killed and deleted on {@link #close()} (and from
 * a shutdown hook, should the test JVM end first).
 *
 * <p>It runs the server binaries of the machine (Debian's {@code mariadb-server} package, which
 * {@code scripts/setup.d/30-mariadb.sh} installs), and fails with that advice when there are none: a missing
 * database never skips a test. Both programs start with {@code --no-defaults}, so no {@code my.cnf} of the
 * machine changes them. When the tests run as root the server runs as the {@code mysql} system user through
 * {@code runuser}, owning its directory, which lives under {@code java.io.tmpdir} rather than {@code target/}
 * for the same reason as {@link PostgresServer}'s.
 *
 * <p>Grants are skipped ({@code --skip-grant-tables}): any user name connects without a password, and the
 * server listens on 127.0.0.1 only. Durability is relaxed: the redo log is written at each commit but flushed
 * to disk about once a second ({@code innodb_flush_log_at_trx_commit=2}) and the doublewrite buffer is off,
 * which survives the test JVM dying but not the machine; the data is thrown away anyway. Everything else is
 * MariaDB's default, strict SQL mode included. Thread-safe after {@link #start()}.
 */
public final class MariaDbServer implements TestServer {

    /** The user the tests connect as; with grants skipped, any name would do. */
    public static final String USER = "parley";

    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final List<Path> BINARY_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"), Path.of("/usr/libexec"));

    private final Path server;
    private final Path installDb;
    private final Path directory;
    private final List<String> runAs;
    private final int port;
    private final Thread shutdownHook;
    private Process process;
    private boolean stopped;

    private MariaDbServer(Path server, Path installDb, Path directory, List<String> runAs, int port) {
        this.server = server;
        this.installDb = installDb;
        this.directory = directory;
        this.runAs = runAs;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "mariadb-test-server-stop");
    }

    /** Creates and starts a server; fails with advice if MariaDB is not installed. */
    public static MariaDbServer start() throws IOException, InterruptedException {
        String advice = " The JDBC store's tests need a real MariaDB: run scripts/test.sh (its setup step"
                + " scripts/setup.d/30-mariadb.sh installs Debian's mariadb-server package), or install it yourself.";
        Path server = findBinary("mariadbd", "mysqld").orElseThrow(() -> new IllegalStateException(
                "The MariaDB server (mariadbd or mysqld) was not found on the PATH nor in " + BINARY_DIRECTORIES
                        + "." + advice));
        Path installDb = findBinary("mariadb-install-db", "mysql_install_db").orElseThrow(() ->
                new IllegalStateException("mariadb-install-db (or mysql_install_db) was not found on the PATH nor in "
                        + BINARY_DIRECTORIES + "." + advice));
        Path directory = Files.createTempDirectory("parley-mariadb-");
        List<String> runAs = new ArrayList<>();
        if (ServerProcesses.isRoot()) {
            UserPrincipal mysql = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("mysql");
            Files.setOwner(directory, mysql);
            runAs.addAll(List.of("runuser", "-u", "mysql", "--"));
        }
        MariaDbServer started = new MariaDbServer(server, installDb, directory, runAs, ServerProcesses.freePort());
        try {
            started.installAndStart();
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.stopQuietly();
            throw e;
        }
        return started;
    }

    private void installAndStart() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path data = directory.resolve("data");
        run(installDb.toString(), "--no-defaults", "--datadir=" + data, "--skip-test-db", "--skip-name-resolve",
                "--auth-root-authentication-method=normal");
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(server.toString(), "--no-defaults",
                "--datadir=" + data,
                "--bind-address=127.0.0.1",
                "--port=" + port,
                "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"),
                "--log-error=" + serverLogFile(),
                "--skip-grant-tables",
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--innodb-flush-log-at-trx-commit=2",
                "--innodb-doublewrite=0",
                "--innodb-buffer-pool-size=128M",
                "--max-connections=100"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("mariadbd.out").toFile()).start();
        process.getOutputStream().close();
        awaitListening();
    }

    /** Polls the port until the server accepts connections; fails with its log if it exits or never does. */
    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited with " + process.exitValue() + " while starting" + serverLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("mariadbd did not listen on port " + port + " within " + START_TIMEOUT_MILLIS
                + " ms" + serverLog());
    }

    /**
     * Creates a fresh database (dropping any of the same name) whose default collation is case- and
     * accent-insensitive, so that only the schema's own collation can make ids and thread keys exact.
     *
     * @return its JDBC URL
     */
    @Override
    public String createDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl(""), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String user() {
        return USER;
    }

    /** Kills the server (its data is thrown away, so nothing needs flushing) and deletes its directory. */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            kill();
        } finally {
            deleteDirectory();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running this very method.
            }
        }
    }

    /**
     * Kills mariadbd by the pid it wrote (under {@code runuser} it is not this JVM's child), then the process
     * this JVM started, and waits for both to end.
     */
    private void kill() throws IOException, InterruptedException {
        Path pidFile = directory.resolve("mariadb.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
            Optional<ProcessHandle> mariadbd = pid.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(pid));
            if (mariadbd.isPresent()) {
                mariadbd.get().destroyForcibly();
                awaitExit(mariadbd.get());
            }
        }
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("mariadbd (process " + process.pid() + ") did not end");
            }
        }
    }

    private static void awaitExit(ProcessHandle handle) throws IOException, InterruptedException {
        try {
            handle.onExit().get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("mariadbd (process " + handle.pid() + ") did not end", e);
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test MariaDB server in " + directory + ": " + e);
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        ServerProcesses.run(runAs, () -> "", command);
    }

    private Path serverLogFile() {
        return directory.resolve("server.log");
    }

    private String serverLog() {
        StringBuilder log = new StringBuilder();
        for (Path file : List.of(directory.resolve("mariadbd.out"), serverLogFile())) {
            try {
                if (Files.exists(file)) {
                    log.append("\n").append(file.getFileName()).append(":\n").append(Files.readString(file));
                }
            } catch (IOException e) {
                log.append("\n(").append(file.getFileName()).append(" unreadable: ").append(e).append(")");
            }
        }
        return log.toString();
    }

    private void deleteDirectory() throws IOException {
        ServerProcesses.deleteDirectory(directory);
    }

    /** The first of {@code names} found executable on the PATH or in the usual system directories. */
    private static Optional<Path> findBinary(String... names) {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(BINARY_DIRECTORIES);
        for (String name : names) {
            for (Path directory : directories) {
                Path candidate = directory.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
