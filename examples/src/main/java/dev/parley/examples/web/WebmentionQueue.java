package dev.parley.examples.web;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded background queue Webmention verification runs on.
 *
 * <p>A Webmention receiver answers 202 at once and fetches the source later, so the work must be bounded: a
 * fixed number of worker threads and a fixed-size queue. When both are full, {@link #offer(Runnable)} returns
 * {@code false} and the servlet answers 503 with {@code Retry-After}, instead of letting a flood of mentions
 * grow memory or threads without limit.
 *
 * <p>Thread-safe.
 */
public final class WebmentionQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebmentionQueue.class);

    private final ThreadPoolExecutor executor;

    /**
     * Creates the queue and its worker threads (daemon threads, so they never keep the JVM alive).
     *
     * @param workers how many verifications run at once, 1..64
     * @param capacity how many wait, 1..100,000
     * @throws IllegalArgumentException naming the bad argument(s)
     */
    public WebmentionQueue(int workers, int capacity) {
        StringBuilder problems = new StringBuilder();
        if (workers < 1 || workers > 64) {
            problems.append("workers must be 1..64, was ").append(workers);
        }
        if (capacity < 1 || capacity > 100_000) {
            problems.append(problems.length() == 0 ? "" : "; ").append("capacity must be 1..100000, was ")
                    .append(capacity);
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException(problems.toString());
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "webmention-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), threads, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues a verification.
     *
     * @param verification the work; it must not throw (a throw is logged and dropped)
     * @return {@code true} if queued, {@code false} if the queue is full or closed
     */
    public boolean offer(Runnable verification) {
        Objects.requireNonNull(verification, "verification");
        try {
            executor.execute(() -> {
                try {
                    verification.run();
                } catch (RuntimeException e) {
                    LOG.warn("webmention verification failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Stops taking work and waits briefly for running verifications.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
