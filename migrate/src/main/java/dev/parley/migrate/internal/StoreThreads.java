package dev.parley.migrate.internal;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The threads of a store, found by one scan, and a way to read each thread's comments back in batches: what
 * the XML writers need to write one item per thread while holding one thread's page of roots at a time.
 *
 * <p>The scan keeps, per thread, its earliest comment, its comment count and its <em>orphans</em>: replies
 * whose root is not a root of the same thread (purged, say), which {@link CommentStore#roots} and
 * {@link CommentStore#replies} never reach. Memory is O(threads + orphans).
 *
 * <p>Not API. Immutable after {@link #scan}; the store is read, not locked, so comments written during an
 * export may or may not be in it.
 */
public final class StoreThreads {

    private static final Set<Status> ALL = Collections.unmodifiableSet(EnumSet.allOf(Status.class));

    private final List<Summary> threads;
    private final long comments;

    private StoreThreads(List<Summary> threads, long comments) {
        this.threads = List.copyOf(threads);
        this.comments = comments;
    }

    /**
     * Scans a store in ascending (created at, id) order, page by page.
     *
     * @param store the store
     * @param pageSize comments per page, 1 to {@value PageRequest#MAX_LIMIT}
     * @param observer receives every comment, in scan order
     * @param scanned receives the number of comments scanned so far after each page
     * @return the threads
     */
    public static StoreThreads scan(CommentStore store, int pageSize, Consumer<Comment> observer,
            LongConsumer scanned) {
        Objects.requireNonNull(store, "store must not be null");
        TreeMap<String, Tally> tallies = new TreeMap<>();
        long count = 0;
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, pageSize);
        while (true) {
            Page page = store.scan(request);
            Set<CommentId> rootIds = new LinkedHashSet<>();
            for (Comment comment : page.items()) {
                if (!comment.isRoot()) {
                    rootIds.add(comment.rootId());
                }
            }
            Map<CommentId, Comment> roots = rootIds.isEmpty() ? Map.of() : store.findAll(rootIds);
            for (Comment comment : page.items()) {
                Tally tally = tallies.computeIfAbsent(comment.thread().value(), key -> new Tally(comment));
                tally.comments++;
                if (!comment.isRoot()) {
                    Comment root = roots.get(comment.rootId());
                    if (root == null || !root.isRoot() || !root.thread().equals(comment.thread())) {
                        tally.orphans.add(comment.id());
                    }
                }
                observer.accept(comment);
            }
            count += page.items().size();
            scanned.accept(count);
            Cursor next = page.next();
            if (next == null) {
                break;
            }
            request = request.next(next);
        }
        List<Summary> threads = new ArrayList<>(tallies.size());
        for (Tally tally : tallies.values()) {
            threads.add(new Summary(tally.key, tally.earliest, tally.comments, tally.orphans));
        }
        return new StoreThreads(threads, count);
    }

    /**
     * Returns the threads.
     *
     * @return the threads, ordered by key
     */
    public List<Summary> threads() {
        return threads;
    }

    /**
     * Returns how many comments the scan saw.
     *
     * @return the count
     */
    public long comments() {
        return comments;
    }

    /**
     * Reads a thread's comments: for each page of its roots, oldest first, the roots and all their replies in
     * {@link TreeOrder}; then its orphans, if any, in one last batch in {@link TreeOrder}.
     *
     * @param store the store
     * @param thread the thread
     * @param pageSize roots per page, 1 to {@value PageRequest#MAX_LIMIT}
     * @param batch receives each batch, never empty
     */
    public static void forEachBatch(CommentStore store, Summary thread, int pageSize, Consumer<List<Comment>> batch) {
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, pageSize);
        while (true) {
            Page page = store.roots(thread.key(), ALL, request);
            if (!page.items().isEmpty()) {
                List<CommentId> rootIds = new ArrayList<>(page.items().size());
                for (Comment root : page.items()) {
                    rootIds.add(root.id());
                }
                List<Comment> comments = new ArrayList<>(page.items());
                for (Comment reply : store.replies(rootIds, ALL)) {
                    if (reply.thread().equals(thread.key())) {
                        comments.add(reply);
                    }
                }
                batch.accept(TreeOrder.sort(comments));
            }
            Cursor next = page.next();
            if (next == null) {
                break;
            }
            request = request.next(next);
        }
        if (!thread.orphans().isEmpty()) {
            List<Comment> orphans = new ArrayList<>();
            List<CommentId> ids = thread.orphans();
            for (int from = 0; from < ids.size(); from += pageSize) {
                for (Comment orphan : store.findAll(ids.subList(from, Math.min(ids.size(), from + pageSize)))
                        .values()) {
                    if (orphan.thread().equals(thread.key())) {
                        orphans.add(orphan);
                    }
                }
            }
            if (!orphans.isEmpty()) {
                batch.accept(TreeOrder.sort(orphans));
            }
        }
    }

    /**
     * What the scan found of one thread.
     *
     * @param key the thread
     * @param earliest the creation time of its oldest comment
     * @param comments how many comments it holds
     * @param orphans its replies that no root of the thread leads to, in scan order
     */
    public record Summary(ThreadKey key, Instant earliest, long comments, List<CommentId> orphans) {

        /**
         * Copies the orphans.
         */
        public Summary {
            orphans = List.copyOf(orphans);
        }
    }

    private static final class Tally {
        final ThreadKey key;
        final Instant earliest;
        final List<CommentId> orphans = new ArrayList<>();
        long comments;

        Tally(Comment first) {
            this.key = first.thread();
            this.earliest = first.createdAt();
        }
    }
}
