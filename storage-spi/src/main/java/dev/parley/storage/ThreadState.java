package dev.parley.storage;

import java.util.Objects;

/**
 * What a reader needs to know about a thread before reading its comments: its change stamp and its counts,
 * kept in step with every write and read together in one indexed read ({@link CommentStore#state(ThreadKey)}).
 *
 * <p>The {@code version} is the thread's change stamp. It is 0 for a thread no comment was ever written to,
 * and every write that changes a comment of the thread (an insert, a batch insert, an update, a delete)
 * increases it, in the same atomic step as the write. It never decreases, not even when comments are
 * deleted for good, so a cache keyed by (thread, version) can never serve a render of other content under
 * the same key, however many instances share the store.
 *
 * <p>Immutable and thread-safe.
 *
 * @param thread the thread
 * @param version the change stamp, 0 or more
 * @param counts the thread's comments by status (roots and replies, all kinds), as {@link
 *     CommentStore#counts(ThreadKey)} counts them
 */
public record ThreadState(ThreadKey thread, long version, StatusCounts counts) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code thread} or {@code counts} is null
     * @throws IllegalArgumentException if {@code version} is negative
     */
    public ThreadState {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(counts, "counts must not be null");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
    }

    /**
     * Returns the state of a thread no comment was ever written to.
     *
     * @param thread the thread
     * @return version 0 and zero counts
     */
    public static ThreadState empty(ThreadKey thread) {
        return new ThreadState(thread, 0, StatusCounts.ZERO);
    }
}
