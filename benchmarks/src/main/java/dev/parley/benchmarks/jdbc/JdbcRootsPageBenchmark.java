package dev.parley.benchmarks.jdbc;

import dev.parley.benchmarks.storage.ThreadShape;
import dev.parley.examples.jdbc.JdbcCommentStore;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
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
 * Reading a page of 50 roots with all their replies from {@link JdbcCommentStore} on embedded in-memory H2: the
 * two SQL queries behind every thread page. Run at 100 and at 100,000 comments in the same run; the ratio of the
 * two scores is what the README reports (target: at most 2, i.e. cost independent of thread size).
 *
 * <p>The thread is {@link ThreadShape}'s, as in the in-memory store's benchmark, and so are the page positions:
 * the first page, one in the middle and one near the end, so the keyset seek is measured where it costs most.
 * {@code approved} reads approved comments only (one index range); {@code approvedOrDeleted} reads the set a
 * thread page shows (approved, and deleted as placeholders), which the store answers with one index range per
 * status, merged; the thread holds no deleted comment, so that second range is read and found empty.
 *
 * <p>Seeding uses {@link JdbcCommentStore#insertAll(java.util.Collection)}, the store's batch load, once per
 * trial; the database is dropped after it.
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
    private static final int PAGE = 50;

    @Param({"100", "100000"})
    public int threadSize;

    private JdbcConnectionPool pool;
    private JdbcCommentStore store;
    private List<PageRequest> requests;

    /** Creates a database holding one thread of {@code threadSize} comments, loaded in batches. */
    @Setup(Level.Trial)
    public void seed() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:jdbc-bench-" + threadSize + ";DB_CLOSE_DELAY=-1", "sa", "");
        store = JdbcCommentStore.create(pool);
        List<Comment> comments = ThreadShape.comments(threadSize);
        store.insertAll(comments);
        requests = positions(comments);
    }

    /** Drops the database. */
    @TearDown(Level.Trial)
    public void drop() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }

    private static List<PageRequest> positions(List<Comment> comments) {
        List<Comment> roots = comments.stream().filter(Comment::isRoot).toList();
        List<PageRequest> positions = new ArrayList<>();
        positions.add(PageRequest.first(Order.OLDEST_FIRST, PAGE));
        // With 100 comments there are fewer than 2 pages of roots: every position reads the first page.
        int middle = roots.size() / 2;
        int late = roots.size() - PAGE - 1;
        for (int at : new int[] {middle, late}) {
            positions.add(at > 0 && at + PAGE < roots.size()
                    ? PageRequest.first(Order.OLDEST_FIRST, PAGE).next(Cursor.after(roots.get(at)))
                    : PageRequest.first(Order.OLDEST_FIRST, PAGE));
        }
        return positions;
    }

    /**
     * Reads three pages of approved roots and their approved replies.
     *
     * @param bh sink for the results
     */
    @Benchmark
    public void approved(Blackhole bh) {
        readPages(APPROVED, bh);
    }

    /**
     * Reads three pages of approved or deleted roots and their approved or deleted replies.
     *
     * @param bh sink for the results
     */
    @Benchmark
    public void approvedOrDeleted(Blackhole bh) {
        readPages(APPROVED_OR_DELETED, bh);
    }

    private void readPages(Set<Status> statuses, Blackhole bh) {
        for (PageRequest request : requests) {
            Page roots = store.roots(ThreadShape.THREAD, statuses, request);
            List<CommentId> ids = new ArrayList<>(roots.items().size());
            for (Comment root : roots.items()) {
                ids.add(root.id());
            }
            bh.consume(roots);
            bh.consume(store.replies(ids, statuses));
        }
    }
}
