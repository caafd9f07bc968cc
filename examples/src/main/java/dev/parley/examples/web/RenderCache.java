package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The rendered anonymous answers of the thread views (post page, thread JSON, feed), keyed by what they were
 * rendered from, so that a repeat read costs one read of the thread's state and no comment row.
 *
 * <p>An entry is found by (view, thread, query string) and holds the thread version it was rendered at and
 * the subject it was rendered for (the post, whose own edits the version does not see); it is served only
 * when both equal the request's. The version is read from the store on every request (or, with a
 * {@link RecentReads} window, at most that long ago), so an instance serves no stale render after a write
 * through another instance (or none staler than the window): the write raised the version in the database. A
 * render started at version {@code v} reads comments at {@code v} or later, never earlier, so what is kept
 * under {@code v} is never older than {@code v}. Only anonymous renders are kept: nothing a viewer with edit
 * tokens or a moderator sees (held comments, controls, CSRF tokens) can be served from here.
 *
 * <p>A store without thread state ({@link CommentService#threadState(ThreadKey)} empty) caches nothing: every
 * read renders, and the entity tag comes from the bytes alone.
 *
 * <p>Bounded in entries and in bytes; when either bound is passed the oldest entries go first. A newer version
 * of a key replaces the older one in place, so superseded renders do not linger. Thread-safe: lookups are
 * lock-free, insertions and evictions take one lock.
 */
public final class RenderCache {

    /** The default bound on entries. */
    public static final int DEFAULT_MAX_ENTRIES = 4_096;
    /** The default bound on the bytes of the bodies held, 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    /** The key of an entry: the view, its thread and the request's query string (its page, order, cursor). */
    private record Key(String view, String thread, @Nullable String query) {
    }

    /** What was rendered, at which version, for which subject. */
    private record Slot(long version, Object subject, Rendered rendered) {
    }

    private final CommentService comments;
    private final RecentReads recent;
    private final int maxEntries;
    private final long maxBytes;
    private final ConcurrentHashMap<Key, Slot> slots = new ConcurrentHashMap<>();
    private final ArrayDeque<Key> age = new ArrayDeque<>();
    private long bytes;

    /**
     * Creates a cache with the default bounds.
     *
     * @param comments the engine whose thread states key the entries
     */
    public RenderCache(CommentService comments) {
        this(comments, RecentReads.none());
    }

    /**
     * Creates a cache with the default bounds that reads thread states through a freshness window.
     *
     * @param comments the engine whose thread states key the entries
     * @param recent the window the thread states (and the views' posts) are read through
     */
    public RenderCache(CommentService comments, RecentReads recent) {
        this(comments, recent, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    /**
     * Creates a cache.
     *
     * @param comments the engine whose thread states key the entries
     * @param maxEntries the most entries held, 1 or more
     * @param maxBytes the most body bytes held; a body larger than this is never kept
     * @throws IllegalArgumentException if a bound is not positive
     */
    public RenderCache(CommentService comments, int maxEntries, long maxBytes) {
        this(comments, RecentReads.none(), maxEntries, maxBytes);
    }

    /**
     * Creates a cache that reads thread states through a freshness window.
     *
     * @param comments the engine whose thread states key the entries
     * @param recent the window the thread states (and the views' posts) are read through
     * @param maxEntries the most entries held, 1 or more
     * @param maxBytes the most body bytes held; a body larger than this is never kept
     * @throws IllegalArgumentException if a bound is not positive
     */
    public RenderCache(CommentService comments, RecentReads recent, int maxEntries, long maxBytes) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.recent = Objects.requireNonNull(recent, "recent");
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxEntries and maxBytes must be positive, were " + maxEntries
                    + " and " + maxBytes);
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The anonymous answer of a view: from the cache when it holds one rendered at the thread's current version
     * for the same subject, else rendered now and kept.
     *
     * @param view the view's name, e.g. {@code "page"}
     * @param thread the thread shown
     * @param query the request's query string (page, order, cursor), or {@code null}
     * @param subject what else the bytes depend on that the thread version does not cover (the post), compared
     *     with {@code equals}
     * @param render renders the bytes as an anonymous reader sees them
     * @return the answer, tagged with {@link Rendered#ANONYMOUS}
     */
    public Rendered anonymous(String view, ThreadKey thread, @Nullable String query, Object subject,
            Supplier<byte[]> render) {
        Optional<ThreadState> state = recent.state(thread, comments::threadState);
        if (state.isEmpty()) {
            return Rendered.of(Rendered.ANONYMOUS, -1, render.get());
        }
        long version = state.get().version();
        Key key = new Key(view, thread.value(), query);
        Slot slot = slots.get(key);
        if (slot != null && slot.version() == version && slot.subject().equals(subject)) {
            return slot.rendered();
        }
        Rendered rendered = Rendered.of(Rendered.ANONYMOUS, version, render.get());
        put(key, new Slot(version, subject, rendered));
        return rendered;
    }

    /**
     * The freshness window anonymous views read their thread state, and their post, through.
     *
     * @return the window
     */
    public RecentReads recent() {
        return recent;
    }

    /**
     * The number of entries held.
     *
     * @return the count
     */
    public int size() {
        return slots.size();
    }

    /**
     * The body bytes held.
     *
     * @return the sum of the bodies' lengths
     */
    public synchronized long bytes() {
        return bytes;
    }

    private synchronized void put(Key key, Slot slot) {
        long size = slot.rendered().body().length;
        if (size > maxBytes) {
            return;
        }
        Slot old = slots.get(key);
        if (old != null) {
            // Two renders raced, or an older instance's read came late: the newer version stays.
            if (old.version() > slot.version()) {
                return;
            }
            bytes -= old.rendered().body().length;
        } else {
            age.addLast(key);
        }
        slots.put(key, slot);
        bytes += size;
        while (slots.size() > maxEntries || bytes > maxBytes) {
            Key oldest = age.removeFirst();
            Slot gone = slots.remove(oldest);
            if (gone != null) {
                bytes -= gone.rendered().body().length;
            }
        }
    }
}
