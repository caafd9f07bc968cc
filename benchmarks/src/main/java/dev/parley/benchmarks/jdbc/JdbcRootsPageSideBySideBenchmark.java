package dev.parley.benchmarks.jdbc;

import dev.parley.storage.Status;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reads of {@link JdbcRootsPageBenchmark}, with the 100-comment and the 100,000-comment thread measured at
 * the same time: a JMH group runs one thread on each database, so both see the same machine load and the ratio
 * of their scores ({@code approved:large} / {@code approved:small}) holds on a shared, busy machine too. Each
 * database is separate, so the two threads share no lock.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcRootsPageSideBySideBenchmark {

    private static final Set<Status> APPROVED = Set.of(Status.APPROVED);

    private SeededThread small;
    private SeededThread large;

    /** Creates both databases. */
    @Setup(Level.Trial)
    public void seed() {
        small = SeededThread.create("jdbc-side-by-side-100", 100);
        large = SeededThread.create("jdbc-side-by-side-100000", 100_000);
    }

    /**
     * Drops both databases.
     *
     * @throws SQLException if H2 fails to shut down
     */
    @TearDown(Level.Trial)
    public void drop() throws SQLException {
        try {
            small.drop();
        } finally {
            large.drop();
        }
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
