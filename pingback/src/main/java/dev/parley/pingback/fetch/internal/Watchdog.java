package dev.parley.pingback.fetch.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket when a fetch's time cap passes. Reads are bounded by {@link DeadlineInputStream}, but a TLS
 * handshake reads with one fixed socket timeout per record, so a server trickling its handshake could otherwise
 * outlast the cap; closing the socket unblocks any connect, handshake or read. One daemon thread serves every
 * fetcher in the JVM; it only ever closes sockets. Thread-safe.
 */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Watchdog() {
    }

    /** A scheduled close; {@link #close()} cancels it, {@link #fired()} tells whether it already happened. */
    static final class Guard implements Closeable {
        private final Socket socket;
        private final AtomicBoolean fired = new AtomicBoolean();
        private final Future<?> task;

        private Guard(Socket socket, long delayMillis) {
            this.socket = socket;
            this.task = TIMER.schedule(this::fire, Math.max(1, delayMillis), TimeUnit.MILLISECONDS);
        }

        boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            task.cancel(false);
        }

        private void fire() {
            fired.set(true);
            try {
                socket.close();
            } catch (IOException ignored) {
                // Best effort: the fetch reports TIMEOUT either way.
            }
        }
    }

    static Guard guard(Socket socket, long delayMillis) {
        return new Guard(socket, delayMillis);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "parley-fetch-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
