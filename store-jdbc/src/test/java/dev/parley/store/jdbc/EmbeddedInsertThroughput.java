package dev.parley.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.Comment;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.tck.Comments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures posting-like inserts ({@link JdbcCommentStore#insert(Comment, InsertConditions)} with a fingerprint
 * and a quiet key, as the engine posts) from 4 threads on the embedded databases, one after the other in the
 * same run: SQLite in WAL mode with {@code synchronous=NORMAL} (with deferred and with immediate transactions)
 * and with {@code synchronous=FULL}, and an H2 file with {@code WRITE_DELAY=0}. It prints what it measured and
 * asserts nothing: a measurement, not a test, so the build never runs it. Run it with the test class path,
 * optionally giving the inserts per thread:
 * {@code java -cp <test class path> dev.parley.store.jdbc.EmbeddedInsertThroughput 2000}.
 */
final class EmbeddedInsertThroughput {

    private static final int THREADS = 4;

    private EmbeddedInsertThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int each = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path directory = Files.createTempDirectory("parley-throughput");
        String sqlite = "jdbc:sqlite:" + directory.toAbsolutePath() + "/%s.db?journal_mode=WAL&busy_timeout=10000";
        List<String[]> databases = List.of(
                new String[] {"SQLite WAL, synchronous=NORMAL",
                    String.format(sqlite, "normal") + "&synchronous=NORMAL"},
                new String[] {"SQLite WAL, synchronous=NORMAL, IMMEDIATE", String.format(sqlite, "immediate")
                        + "&synchronous=NORMAL&transaction_mode=IMMEDIATE"},
                new String[] {"SQLite WAL, synchronous=FULL", String.format(sqlite, "full") + "&synchronous=FULL"},
                new String[] {"H2 file, WRITE_DELAY=0", "jdbc:h2:file:" + directory.toAbsolutePath()
                        + "/h2;WRITE_DELAY=0;LOCK_TIMEOUT=10000"});
        System.out.printf(Locale.ROOT, "%d threads x %d conditional inserts each%n", THREADS, each);
        for (String[] database : databases) {
            measure(database[0], database[1], each);
        }
        deleteAll(directory);
    }

    private static void measure(String name, String url, int each) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(THREADS * 2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcCommentStore store = JdbcCommentStore.create(pool);
            run(store, "warm-up", each / 4);
            long start = System.nanoTime();
            run(store, "run", each);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            double perSecond = THREADS * (double) each / (took.toNanos() / 1e9);
            System.out.printf(Locale.ROOT, "%-45s %8.0f inserts/s  (%d in %d ms, mean %.2f ms each per thread)%n",
                    name, perSecond, THREADS * each, took.toMillis(), took.toNanos() / 1e6 / each);
        }
    }

    private static void run(JdbcCommentStore store, String phase, int each) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String id = phase + "-" + thread + "-" + i;
                        Instant at = Comments.at(i);
                        Comment comment = Comments.root(id, "post-" + (i % 20), at).build();
                        InsertConditions conditions = InsertConditions.NONE.withFingerprint("fp-" + id)
                                .withQuietKeys(Set.of("ip:" + id), at.minusSeconds(30));
                        InsertResult result = store.insert(comment, conditions);
                        if (!(result instanceof InsertResult.Inserted)) {
                            throw new IllegalStateException(id + " was refused: " + result);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void deleteAll(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
