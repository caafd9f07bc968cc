package dev.parley.benchmarks.jdbc;

import dev.parley.storage.Status;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * The reads of {@link JdbcRootsPageBenchmark}, with the 100-comment and the 100,000-comment thread measured at
 * the same time: a JMH group runs one thread on each of two databases of one server, so both see the same
 * machine load and the ratio of their scores ({@code approved:large} / {@code approved:small}) holds on a
 * shared, busy machine too. The databases are separate, so the two threads share no lock (but share the
 * server, as two sites on one database server do). One trial per {@link Database}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcRootsPageSideBySideBenchmark {

    private static final Set<Status> APPROVED = Set.of(Status.APPROVED);

    @Param({"H2_MEMORY", "H2_FILE", "SQLITE_FILE", "POSTGRESQL", "MARIADB"})
    public Database database;

    private DatabaseServer server;
    private SeededThread small;
    private SeededThread large;

    /**
     * Starts the database server and loads both threads, each into a database of its own.
     *
     * @throws Exception if the server cannot start or load
     */
    @Setup(Level.Trial)
    public void seed() throws Exception {
        server = DatabaseServer.start(database);
        try {
            small = SeededThread.create(server.createDatabase("side_by_side_100"), database, 100);
            large = SeededThread.create(server.createDatabase("side_by_side_100000"), database, 100_000);
        } catch (Exception e) {
            server.closeAfter(e);
            throw e;
        }
    }

    /**
     * Stops the server and deletes both databases.
     *
     * @throws Exception if it fails to stop
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
    }

    /**
     * Reads three pages of approved roots and replies from the 100-comment thread.
     *
     * @param bh sink for the results
     */
    @Benchmark
    @Group("approved")
    @GroupThreads(1)
    public void small(Blackhole bh) {
        small.readPages(APPROVED, bh);
    }

    /**
     * Reads three pages of approved roots and replies from the 100,000-comment thread.
     *
     * @param bh sink for the results
     */
    @Benchmark
    @Group("approved")
    @GroupThreads(1)
    public void large(Blackhole bh) {
        large.readPages(APPROVED, bh);
    }
}
