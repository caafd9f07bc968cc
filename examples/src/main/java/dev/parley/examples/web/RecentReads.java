package dev.parley.examples.web;

import dev.parley.core.CommentListener;
import dev.parley.core.ModeratorAction;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The two reads an anonymous view of a thread starts with, the post and the thread's {@link ThreadState}, each
 * kept for a short window so that a busy thread's repeat anonymous reads do not each make a round trip to the
 * database: the freshness window, like a read replica's lag that the design allows anonymous reads.
 *
 * <p><b>What a reader may see.</b> Within the window an instance may serve an anonymous render a write made
 * through <em>another</em> instance has superseded: for at most the window, a new comment is missing there, an
 * approved one not yet shown, an edit not yet applied. What is served is always a state the database really
 * had, rendered for anonymous readers, so a held comment can never appear through it. Writes through this
 * instance {@linkplain #forget forget} their thread at once (the engine's {@link #listener()}; the host calls
 * {@link #forget} when it saves a post), so whoever writes sees their change on the next read here. Authors with their own
 * held comments and moderators never read through the window: their views read the database every time.
 *
 * <p>A window of zero reads the database every time. The read's outcome is kept whatever it is, a missing post
 * too, for the same window. Bounded: past {@value #MAX_ENTRIES} threads the kept reads are dropped and read
 * again. Thread-safe and lock-free; two requests that both find a read stale may both make it.
 */
public final class RecentReads {

    /** The most threads whose reads are kept at once. */
    static final int MAX_ENTRIES = 10_000;

    /** A read's outcome and when it was made, in ticker nanoseconds. */
    private record Kept<T>(T value, long readAt) {
    }

    private final long windowNanos;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<String, Kept<Optional<Post>>> posts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ThreadKey, Kept<Optional<ThreadState>>> states = new ConcurrentHashMap<>();
    // Counts forgets, so that a read begun before a local write cannot be kept after the write forgot it.
    private final AtomicLong forgets = new AtomicLong();

    /**
     * Creates the window, timed by {@link System#nanoTime()}.
     *
     * @param window how long a read is reused; zero reads every time
     * @throws IllegalArgumentException if the window is negative
     */
    public RecentReads(Duration window) {
        this(window, System::nanoTime);
    }

    /**
     * Creates the window with a ticker of its own, for tests.
     *
     * @param window how long a read is reused; zero reads every time
     * @param ticker nanoseconds from an arbitrary origin, as {@link System#nanoTime()} counts them
     * @throws IllegalArgumentException if the window is negative
     */
    public RecentReads(Duration window, LongSupplier ticker) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative, was " + window);
        }
        this.windowNanos = window.toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * A window of zero: every read goes to the database.
     *
     * @return the window
     */
    public static RecentReads none() {
        return new RecentReads(Duration.ZERO);
    }

    /**
     * The post with a slug, as read within the window.
     *
     * @param slug the slug
     * @param read reads it from the database
     * @return what the read found
     */
    public Optional<Post> post(String slug, Function<String, Optional<Post>> read) {
        return recent(posts, slug, read);
    }

    /**
     * A thread's state, as read within the window.
     *
     * @param thread the thread
     * @param read reads it from the database
     * @return what the read found
     */
    public Optional<ThreadState> state(ThreadKey thread, Function<ThreadKey, Optional<ThreadState>> read) {
        return recent(states, thread, read);
    }

    /**
     * Drops what is kept of a thread and of the post whose thread it is: the next read of either goes to the
     * database.
     *
     * @param thread the thread written to
     */
    public void forget(ThreadKey thread) {
        forgets.incrementAndGet();
        states.remove(thread);
        posts.remove(thread.value());
    }

    /**
     * Drops everything kept: for a write through this instance that does not go through the engine's listener
     * and may touch any thread (an erasure, a retention run).
     */
    public void forgetAll() {
        forgets.incrementAndGet();
        states.clear();
        posts.clear();
    }

    /**
     * The engine's listener that forgets a comment's thread on every change made through this instance.
     *
     * @return the listener
     */
    public CommentListener listener() {
        return new CommentListener() {
            @Override
            public void onPosted(Comment comment) {
                forget(comment.thread());
            }

            @Override
            public void onLinkback(Comment comment) {
                forget(comment.thread());
            }

            @Override
            public void onEdited(Comment before, Comment after) {
                forget(after.thread());
            }

            @Override
            public void onDeletedByAuthor(Comment before, Comment after) {
                forget(after.thread());
            }

            @Override
            public void onModerated(Comment before, Comment after, ModeratorAction action) {
                forget(after.thread());
            }

            @Override
            public void onPurged(Comment purged) {
                forget(purged.thread());
            }
        };
    }

    private <K, T> T recent(ConcurrentHashMap<K, Kept<T>> kept, K key, Function<K, T> read) {
        if (windowNanos == 0) {
            return read.apply(key);
        }
        long now = ticker.getAsLong();
        Kept<T> found = kept.get(key);
        if (found != null && now - found.readAt() < windowNanos) {
            return found.value();
        }
        long before = forgets.get();
        T value = read.apply(key);
        if (forgets.get() != before) {
            // A write here forgot something while this read ran: what it found may predate the write.
            return value;
        }
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        kept.put(key, new Kept<>(value, now));
        return value;
    }
}
