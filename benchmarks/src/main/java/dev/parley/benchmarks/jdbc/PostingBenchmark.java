package dev.parley.benchmarks.jdbc;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posting comments through the engine, {@link CommentService#post}, to each store: {@link InMemoryCommentStore}
 * (the floor, reported beside the others in the same run) and {@link JdbcCommentStore} on each
 * {@link Database}. The README reports posts per second and each database's ratio to the in-memory store.
 *
 * <p>Each post is the whole path a host's form handler takes: validation, rendering the text to safe HTML, the
 * default moderation pipeline ({@link CommentService#defaultRules}: duplicate, flood, word lists, links, known
 * author, each reading the store) and the store's conditional insert, which checks the duplicate fingerprint
 * and the flood interval atomically in one transaction. Every post has an author, e-mail and address of its
 * own, so no rule rejects it (a rejection fails the benchmark); the known-author rule holds each one for
 * moderation, as it does any first comment. Posts are root comments spread over 100 threads.
 *
 * <p>The service's clock moves on one minute per post: comments arrive minutes apart as on a real site, so
 * the flood rule's site-wide look at recent comments stops at the first one, as it does there. With the system
 * clock, every comment of the last 15 seconds of a benchmark (tens of thousands) would be within the flood
 * interval and each post would read them all. Each trial starts an empty database and posts into it; stores
 * grow by the comments posted (on the order of 10,000 to 100,000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostingBenchmark {

    /** The in-memory store's {@link #store} value; the others are {@link Database} names. */
    public static final String IN_MEMORY = "IN_MEMORY";

    private static final int THREADS = 100;
    private static final byte[] TOKEN_SECRET =
            "parley benchmarks: not a secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);

    @Param({IN_MEMORY, "H2_MEMORY", "H2_FILE", "SQLITE_FILE", "POSTGRESQL", "MARIADB"})
    public String store;

    private DatabaseServer server;
    private CommentService comments;
    private final AtomicInteger posted = new AtomicInteger();

    /**
     * Starts the store (and its database) empty, and a service over it with the default settings.
     *
     * @throws Exception if the database cannot start
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        CommentStore chosen;
        if (store.equals(IN_MEMORY)) {
            chosen = new InMemoryCommentStore();
        } else {
            server = DatabaseServer.start(Database.valueOf(store));
            try {
                chosen = JdbcCommentStore.create(server.createDatabase("posting"));
            } catch (Exception e) {
                server.closeAfter(e);
                throw e;
            }
        }
        comments = CommentService.builder()
                .store(chosen)
                .clock(new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
                .tokenSecret(TOKEN_SECRET)
                .build();
    }

    /**
     * Stops the database, if any, and deletes it.
     *
     * @throws Exception if it fails to stop
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Posts one comment from a new author.
     *
     * @return the accepted post
     */
    @Benchmark
    public PostResult post() {
        int n = posted.getAndIncrement();
        PostRequest request = PostRequest.builder(ThreadKey.of("bench/posting-" + n % THREADS),
                        "Comment " + n + ": I tried this on my own site and it worked, thanks for writing it up.")
                .author("Reader " + n, "reader" + n + "@example.org", null)
                .client(ClientContext.of(address(n), "Mozilla/5.0 (X11; Linux x86_64) Benchmark"))
                .build();
        PostResult result = comments.post(request);
        if (result instanceof PostResult.Rejected rejected) {
            throw new IllegalStateException("post " + n + " was rejected: " + rejected.code() + ", "
                    + rejected.message());
        }
        return result;
    }

    /** A distinct IPv4 address in 10.0.0.0/8 for each of the first 16 million posts. */
    private static String address(int n) {
        return "10." + (n >>> 16 & 0xff) + "." + (n >>> 8 & 0xff) + "." + (n & 0xff);
    }
}
