package dev.parley.benchmarks.privacy;

import dev.parley.core.privacy.Retention;
import dev.parley.core.privacy.RetentionReport;
import dev.parley.core.privacy.RetentionSettings;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Acceptance 3 of issue 15: fills an H2 file store with a million comments, each with an IP address and a
 * User-Agent, then runs {@link Retention} until it is done, in bounded batches, and prints the rate and the
 * largest heap in use after a collection. Run it in a capped JVM, so that loading the store into memory would
 * fail:
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.privacy.RetentionAtScale [comments] [dir]
 * }</pre>
 *
 * <p>Comments are 100 a thread (a root and 99 replies) over 10,000 threads, 30 seconds apart, so they span 347
 * days; retention runs "360 days after the first", so the 30-day default clears those of the first 330 days
 * (95%). H2's page cache is capped at 16 MB of the heap. The fill uses the store's batch insert, 1,000 a batch.
 */
public final class RetentionAtScale {

    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final int PER_THREAD = 100;

    private RetentionAtScale() {
    }

    /**
     * Runs the fill and the retention.
     *
     * @param args the number of comments (default 1,000,000), and the directory of the database (default a new
     *     temporary one, deleted afterwards)
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("parley-retention");
        String url = "jdbc:h2:" + directory.resolve("parley").toAbsolutePath() + ";CACHE_SIZE=16384;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            CommentStore store = JdbcCommentStore.create(pool);
            long fillStart = System.nanoTime();
            fill(store, total);
            long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;
            System.out.printf(Locale.ROOT, "filled %,d comments in %,d ms (%,.0f comments/s)%n", total, fillMillis,
                    total * 1000.0 / Math.max(1, fillMillis));
            System.gc();

            Instant now = BASE.plus(Duration.ofDays(360));
            Retention retention = Retention.builder().store(store).clock(Clock.fixed(now, ZoneOffset.UTC))
                    .settings(RetentionSettings.DEFAULTS.withBatchSize(1_000)).build();
            long start = System.nanoTime();
            int cleared = 0;
            int batches = 0;
            int runs = 0;
            long largestHeap = 0;
            while (true) {
                RetentionReport report = retention.run(100);
                runs++;
                largestHeap = Math.max(largestHeap, heapAfterGcBytes());
                cleared += report.clientDataCleared();
                batches += report.batches();
                if (report.finished()) {
                    break;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long expected = expectedCleared(total, now.minus(RetentionSettings.DEFAULTS.clientData()));
            System.out.printf(Locale.ROOT, "retention: cleared %,d of %,d comments (expected %,d) in %,d ms,"
                            + " %,d batches in %d runs: %,.0f comments/s; largest heap after a collection %d MB,"
                            + " heap cap %d MB%n", cleared, total, expected, millis, batches, runs,
                    cleared * 1000.0 / Math.max(1, millis), largestHeap / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            if (cleared != expected) {
                throw new IllegalStateException("cleared " + cleared + ", expected " + expected);
            }
        } finally {
            pool.dispose();
            if (args.length < 2) {
                try (var files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void fill(CommentStore store, int total) {
        List<Comment> batch = new ArrayList<>(CommentStore.MAX_BATCH);
        Comment root = null;
        for (int i = 0; i < total; i++) {
            Instant created = BASE.plusSeconds(30L * i);
            Author author = new Author("Commenter " + (i % 5_000), "c" + (i % 5_000) + "@example.org", null, null,
                    "198.51.100." + (i % 250), "Mozilla/5.0 (X11; Linux x86_64) Firefox/" + (100 + i % 40));
            Comment.Builder builder = Comment.builder().id(CommentId.of("c" + i))
                    .thread(ThreadKey.of("post-" + i / PER_THREAD)).author(author)
                    .text("Comment number " + i).html("<p>Comment number " + i + "</p>").createdAt(created);
            Comment comment = i % PER_THREAD == 0 || root == null ? builder.asRoot().build()
                    : builder.replyTo(root).build();
            if (comment.isRoot()) {
                root = comment;
            }
            batch.add(comment);
            if (batch.size() == CommentStore.MAX_BATCH) {
                store.insertAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.insertAll(batch);
        }
    }

    private static long expectedCleared(int total, Instant cutOff) {
        long seconds = Duration.between(BASE, cutOff).getSeconds();
        return Math.min(total, (seconds + 29) / 30);
    }

    /**
     * The heap in use right after the latest collection, summed over the heap pools: what the job keeps live,
     * without the garbage it leaves between collections. Sampled after every run of 100 batches.
     */
    private static long heapAfterGcBytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                bytes += afterGc.getUsed();
            }
        }
        return bytes;
    }
}
