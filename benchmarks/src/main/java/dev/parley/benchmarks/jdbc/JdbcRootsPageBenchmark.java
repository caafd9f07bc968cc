package dev.parley.benchmarks.jdbc;

import dev.parley.benchmarks.storage.ThreadShape;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.storage.Status;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a page of 50 roots with all their replies from {@link JdbcCommentStore}: the two SQL queries behind
 * every thread page, on each {@link Database} (embedded H2 in memory and in a file, PostgreSQL, MariaDB). Each
 * database runs at 100 and at 100,000 comments in the same run; the ratio of the two scores per database is
 * what the README reports (target: at most 2, i.e. cost independent of thread size).
 *
 * <p>The thread and the page positions are the in-memory store's benchmark's ({@link ThreadShape}): the first
 * page, one in the middle and one near the end, so the keyset seek is measured where it costs most.
 * {@code approved} reads approved comments only (one index range); {@code approvedOrDeleted} reads the set a
 * thread page shows (approved, and deleted as placeholders), which the store answers with one index range per
 * status, merged; the thread holds no deleted comment, so that second range is read and found empty. Each
 * trial starts its database (a server process for PostgreSQL and MariaDB), loads it with the store's batch
 * insert, and stops and deletes it after.
 *
 * <p>The two sizes run one after the other, so a machine whose load changes meanwhile skews their ratio;
 * {@link JdbcRootsPageSideBySideBenchmark} runs them at the same time instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcRootsPageBenchmark {

    private static final Set<Status> APPROVED = Set.of(Status.APPROVED);
    private static final Set<Status> APPROVED_OR_DELETED = Set.of(Status.APPROVED, Status.DELETED);

    @Param({"H2_MEMORY", "H2_FILE", "SQLITE_FILE", "POSTGRESQL", "MARIADB"})
    public Database database;

    @Param({"100", "100000"})
    public int threadSize;

    private DatabaseServer server;
    private SeededThread thread;

    /**
     * Starts the database and loads one thread of {@code threadSize} comments into it.
     *
     * @throws Exception if the database cannot start or load
     */
    @Setup(Level.Trial)
    public void seed() throws Exception {
        server = DatabaseServer.start(database);
        try {
            thread = SeededThread.create(server.createDatabase("thread_" + threadSize), database, threadSize);
        } catch (Exception e) {
            server.closeAfter(e);
            throw e;
        }
    }

    /**
     * Stops the database and deletes it.
     *
     * @throws Exception if it fails to stop
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
    }

    /**
     * Reads three pages of approved roots and their approved replies.
     *
     * @param bh sink for the results
     */
    @Benchmark
    public void approved(Blackhole bh) {
        thread.readPages(APPROVED, bh);
    }

    /**
     * Reads three pages of approved or deleted roots and their approved or deleted replies.
     *
     * @param bh sink for the results
     */
    @Benchmark
    public void approvedOrDeleted(Blackhole bh) {
        thread.readPages(APPROVED_OR_DELETED, bh);
    }
}
