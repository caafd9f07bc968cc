package dev.parley.benchmarks.thread;

import dev.parley.core.CommentService;
import dev.parley.core.Settings;
import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the largest page the engine serves, 1,000 roots with the most replies a page holds (the
 * {@code repliesPerPage} and {@code repliesPerRoot} caps at their maximum, 1,000: here 1,000 replies up to five
 * levels deep, 1% of them deleted), against the floor of indexing the same comments by id in a {@link HashMap},
 * one put each. Since pages are bounded (a subtree past the caps is reached through its "more replies" cursor),
 * no page holds more; the 100,000-comment page this benchmark measured before the caps no longer exists.
 *
 * <p>{@link #assemblePage()} goes through the public API, {@link CommentService#page}, on a store that hands
 * back the precomputed roots page and replies list, so it measures exactly what the engine adds to the two
 * reads: visibility checks, nesting, placeholder pruning and the page value. {@link #indexByIdFloor()} puts the
 * same 100,000 comments into a presized {@code HashMap}. {@link #assemblePageAndReadEveryReplyList()} adds
 * what a renderer pays on top: reading every node's reply list once (they are materialized on first read).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ThreadPageBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}.
 * {@link ThreadPageRatio} measures the same operations interleaved, for a machine whose load drifts between
 * JMH's benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThreadPageBenchmark {

    static final ThreadKey THREAD = ThreadKey.of("bench/thread");
    static final int ROOTS = 1_000;
    static final int COMMENTS = 2_000;
    static final int MAX_DEPTH = 5;

    private List<Comment> roots;
    private List<Comment> replies;
    private CommentService service;

    /** Builds the thread once: roots first, then replies interleaved across roots, oldest first. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        Author author = Author.named("Reader").withEmail("reader@example.org");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        roots = new ArrayList<>(ROOTS);
        List<List<Comment>> subtrees = new ArrayList<>(ROOTS);
        for (int r = 0; r < ROOTS; r++) {
            Comment root = Comment.builder().id(CommentId.of("r" + r)).thread(THREAD).author(author)
                    .text("Root " + r).html("<p>Root " + r + "</p>").createdAt(start.plusSeconds(r)).build();
            roots.add(root);
            List<Comment> subtree = new ArrayList<>();
            subtree.add(root);
            subtrees.add(subtree);
        }
        replies = new ArrayList<>(COMMENTS - ROOTS);
        Instant at = start.plusSeconds(ROOTS);
        for (int i = 0; replies.size() < COMMENTS - ROOTS; i++) {
            List<Comment> subtree = subtrees.get(i % ROOTS);
            Comment parent = subtree.get(random.nextInt(subtree.size()));
            while (parent.depth() >= MAX_DEPTH) {
                parent = subtree.get(random.nextInt(subtree.size()));
            }
            at = at.plusMillis(1);
            Comment reply = Comment.builder().id(CommentId.of("c" + i)).replyTo(parent)
                    .status(random.nextInt(100) == 0 ? Status.DELETED : Status.APPROVED)
                    .author(author).text("Reply " + i).html("<p>Reply " + i + "</p>").createdAt(at).build();
            subtree.add(reply);
            replies.add(reply);
        }
        roots = List.copyOf(roots);
        replies = List.copyOf(replies);
        service = CommentService.builder().store(new ReplayStore(roots, replies)).tokenSecret(new byte[32])
                .settings(Settings.builder().repliesPerRoot(PageRequest.MAX_LIMIT)
                        .repliesPerPage(PageRequest.MAX_LIMIT).build())
                .build();
        ThreadPage check = assemblePage();
        if (check.roots().size() != ROOTS || check.size() < COMMENTS * 95 / 100) {
            throw new IllegalStateException("unexpected page: " + check.roots().size() + " roots, " + check.size()
                    + " nodes");
        }
    }

    /**
     * The engine's page of the whole thread.
     *
     * @return the page
     */
    @Benchmark
    public ThreadPage assemblePage() {
        return service.page(THREAD, Order.OLDEST_FIRST, null, ROOTS, Viewer.anonymous());
    }

    /**
     * The page, then every node's reply list read once, as a host rendering the whole page does: reply lists
     * are materialized on first read, so this is the page's full cost to a renderer.
     *
     * @return the number of nodes walked
     */
    @Benchmark
    public int assemblePageAndReadEveryReplyList() {
        int nodes = 0;
        java.util.ArrayDeque<ThreadNode> todo = new java.util.ArrayDeque<>(assemblePage().roots());
        while (!todo.isEmpty()) {
            ThreadNode node = todo.pop();
            nodes++;
            for (ThreadNode reply : node.replies()) {
                todo.push(reply);
            }
        }
        return nodes;
    }

    /**
     * The floor: the same comments indexed by id, one put each.
     *
     * @return the index
     */
    @Benchmark
    public Map<CommentId, Comment> indexByIdFloor() {
        Map<CommentId, Comment> byId = new HashMap<>((int) (COMMENTS / 0.75f) + 1);
        for (Comment root : roots) {
            byId.put(root.id(), root);
        }
        for (Comment reply : replies) {
            byId.put(reply.id(), reply);
        }
        return byId;
    }

    /**
     * Answers the page reads with the precomputed lists, as a store returns them: the roots page, and each
     * root's replies, oldest first, as its first reply page. Nothing else is used.
     */
    private static final class ReplayStore implements CommentStore {
        private final Page roots;
        private final List<Comment> replies;
        private final Map<CommentId, Page> byRoot = new HashMap<>();

        ReplayStore(List<Comment> roots, List<Comment> replies) {
            this.roots = new Page(roots, null);
            this.replies = replies;
            Map<CommentId, List<Comment>> lists = new HashMap<>();
            for (Comment reply : replies) {
                lists.computeIfAbsent(reply.rootId(), id -> new ArrayList<>()).add(reply);
            }
            lists.forEach((root, list) -> byRoot.put(root, new Page(list, null)));
        }

        @Override
        public Map<CommentId, Page> firstReplies(Collection<CommentId> rootIds, Set<Status> statuses,
                int limitPerRoot) {
            Map<CommentId, Page> pages = new java.util.LinkedHashMap<>();
            for (CommentId root : rootIds) {
                Page page = byRoot.getOrDefault(root, new Page(List.of(), null));
                if (page.items().size() > limitPerRoot) {
                    throw new IllegalStateException("a root holds more replies than the benchmark's caps");
                }
                pages.put(root, page);
            }
            return pages;
        }

        @Override
        public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
            return roots;
        }

        @Override
        public List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses) {
            return replies;
        }

        @Override
        public StatusCounts counts(ThreadKey thread) {
            return new StatusCounts(0, COMMENTS, 0, 0);
        }

        @Override
        public void insert(Comment comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Comment> find(CommentId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Comment update(Comment changed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(CommentId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page queue(Set<Status> statuses, PageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page scan(PageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl) {
            throw new UnsupportedOperationException();
        }
    }
}
