package dev.parley.benchmarks.migrate;

import dev.parley.migrate.OwnJvmImport;
import dev.parley.migrate.WxrGenerator;
import dev.parley.store.jdbc.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 12, acceptance 3, at full size: a generated WordPress export of 1,000,000 comments over 10,000 posts
 * imported in JVMs capped at 256 MB, one per store: a dry run (every step but the writes: the importer's own
 * memory) and a SQLite file (WAL, {@code synchronous=NORMAL}, the demo's settings; its cache is off the heap), and
 * on request an H2 file (its page cache capped at 16 MB of the heap). Each run prints the import's counts, its time, the
 * comments per second and the largest heap in use right after a collection; a run that runs out of heap exits
 * with status 3 and is reported as failed. On request it also imports into PostgreSQL, on a throwaway server of
 * the machine's PostgreSQL started for the run (as the JDBC store's tests start it), in the importer's batches.
 *
 * <p>The in-memory store is not among them: it holds about 2,100 bytes per comment, so a million cannot fit in
 * 256 MB whatever the importer does ({@code StreamingImportTest} imports 100,000 into it under the same cap).
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.migrate.ImportAtScale
 * [comments [posts [stores]]]}, stores being a comma-separated list of {@code dry-run}, {@code sqlite},
 * {@code h2}, {@code postgres} and {@code memory}. It needs disk space for the export (1.2 GB) and one database at a time (a
 * million comments take 1.7 GB in SQLite, and an H2 file reached 17 GB), and deletes everything it wrote.
 */
public final class ImportAtScale {

    private static final int HEAP_MEGABYTES = 256;

    private ImportAtScale() {
    }

    /**
     * Runs the imports and prints the results.
     *
     * @param args optionally the comments (default 1,000,000), the posts (default 10,000) and the stores
     *     (default {@code dry-run,sqlite})
     * @throws Exception if a JVM cannot be started or a file written
     */
    public static void main(String[] args) throws Exception {
        long comments = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<String> stores = List.of((args.length > 2 ? args[2] : "dry-run,sqlite").split(","));
        Path directory = Files.createTempDirectory("parley-import-at-scale");
        PostgresServer postgres = null;
        try {
            Path file = directory.resolve("export.xml");
            long start = System.nanoTime();
            WxrGenerator.Counts counts = WxrGenerator.builder().comments(comments).posts(posts).seed(1).build()
                    .write(file);
            System.out.printf(Locale.ROOT, "generated %,d comments over %,d posts, %,d MB, in %,d ms%n", comments,
                    posts, counts.bytes() >> 20, (System.nanoTime() - start) / 1_000_000);
            for (String store : stores) {
                String target = switch (store) {
                    case "sqlite" -> "sqlite:" + directory.resolve("comments.db");
                    case "h2" -> "h2:" + directory.resolve("comments");
                    case "postgres" -> {
                        postgres = postgres != null ? postgres : PostgresServer.start();
                        yield "postgres:" + postgres.user() + "@" + postgres.createDatabase("import_at_scale");
                    }
                    default -> store;
                };
                OwnJvmImport.Result result = OwnJvmImport.run(file, target, HEAP_MEGABYTES, directory);
                long millis = Long.parseLong(result.values().getOrDefault("millis", "0"));
                System.out.printf(Locale.ROOT, "%-8s -Xmx%dm: %s in %,d ms (%,.0f comments/s), largest heap after a"
                                + " collection %d MB, database %,d MB; %s%n", store, HEAP_MEGABYTES,
                        result.exitCode() == 0 ? "imported" : "FAILED with exit status " + result.exitCode(), millis,
                        millis == 0 ? 0.0 : comments * 1000.0 / millis, result.largestHeapAfterGcMegabytes(),
                        (store.equals("postgres") ? postgresBytes(postgres) : databaseBytes(directory)) >> 20,
                        result.values());
                if (result.exitCode() != 0) {
                    System.out.println(result.logTail());
                }
                deleteDatabases(directory);
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            deleteAll(directory);
        }
    }

    private static long postgresBytes(PostgresServer server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("import_at_scale"), server.user(), "");
                Statement statement = connection.createStatement();
                ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }

    private static long databaseBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("comments"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteDatabases(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("comments")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void deleteAll(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
