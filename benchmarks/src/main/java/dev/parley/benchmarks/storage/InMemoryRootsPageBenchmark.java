package dev.parley.benchmarks.storage;

import dev.parley.storage.Comment;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a page of 50 approved roots with all their approved replies from {@link InMemoryCommentStore}: the two
 * store reads behind every thread page. Run at 100 and at 100,000 comments in the same run; the ratio of the
 * two scores is what the README reports (target: at most 2, i.e. cost independent of thread size).
 *
 * <p>Three pages are read per invocation: the first, one in the middle of the thread and one near its end,
 * so the keyset seek is measured where it costs most.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InMemoryRootsPageBenchmark {

    private static final Set<Status> VISIBLE = Set.of(Status.APPROVED);

    @Param({"100", "100000"})
    public int threadSize;

    private InMemoryCommentStore store;
    private List<PageRequest> requests;

    /** Seeds the store and picks the three page positions. */
    @Setup
    public void seed() {
        store = new InMemoryCommentStore();
        List<Comment> comments = ThreadShape.comments(threadSize);
        comments.forEach(store::insert);
        requests = ThreadShape.positions(comments);
    }

    /**
     * Reads three pages of roots and their replies.
     *
     * @param bh sink for the results
     */
    @Benchmark
    public void rootsPageWithReplies(Blackhole bh) {
        ThreadShape.readPages(store, VISIBLE, requests, bh);
    }
}
