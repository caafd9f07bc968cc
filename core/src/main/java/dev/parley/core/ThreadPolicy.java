package dev.parley.core;

import dev.parley.storage.ThreadKey;

/**
 * The host's per-thread rule for when a thread closes, e.g. from the publication date of the post:
 * {@code thread -> Closing.after(posts.published(thread), Duration.ofDays(14))}.
 *
 * <p>Called once per post, reply or linkback, on the calling thread; implementations must be thread-safe and
 * quick (a cached lookup).
 */
@FunctionalInterface
public interface ThreadPolicy {

    /**
     * Returns when a thread closes.
     *
     * @param thread the thread posted to
     * @return its closing, never null
     */
    Closing closing(ThreadKey thread);

    /**
     * Returns the policy that keeps every thread open, the default.
     *
     * @return the policy
     */
    static ThreadPolicy alwaysOpen() {
        return thread -> Closing.open();
    }
}
