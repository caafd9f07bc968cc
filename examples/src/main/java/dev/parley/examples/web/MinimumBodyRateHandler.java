package dev.parley.examples.web;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Cuts off a request body that comes slower than a minimum rate, once a grace period is over: the body's reader
 * then reads a {@link TimeoutException}, which the demo answers with 408.
 *
 * <p>Jetty's own {@code MinimumDataRateHandler} measures the rate from the first time the body is waited for,
 * with no grace: a comment of a hundred bytes whose last packet comes 200 ms after the first (a mobile link, a
 * collection pause in this JVM, a busy machine) already falls below 512 bytes a second and is refused. Here a
 * body is cut off only when it is behind the rate by more than the grace period, that is when
 * {@code bytes read < rate × (time since the first wait - grace)}; a body that sends nothing at all is left to
 * the connection's idle timeout.
 *
 * <p>Thread-safe: immutable. Each request's counters are touched only by that request's reads and demands,
 * which Jetty never runs at the same time.
 */
public final class MinimumBodyRateHandler extends Handler.Wrapper {

    private final long bytesPerSecond;
    private final long graceNanos;

    /**
     * Creates the handler.
     *
     * @param next the handler that reads the bodies
     * @param bytesPerSecond the slowest rate a body may keep up, above 0
     * @param grace how far behind that rate a body may fall before it is cut off, not negative
     * @throws IllegalArgumentException if the rate is not positive or the grace negative
     */
    public MinimumBodyRateHandler(Handler next, long bytesPerSecond, Duration grace) {
        super(next);
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be above 0, was " + bytesPerSecond);
        }
        if (Objects.requireNonNull(grace, "grace").isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new RateCheckedRequest(request), response, callback);
    }

    /** A request whose body reads fail once the body has fallen too far behind the rate. */
    private final class RateCheckedRequest extends Request.Wrapper {
        private boolean waited;
        private long firstWait;
        private long read;
        private Content.@Nullable Chunk failure;

        RateCheckedRequest(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                read += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            long now = System.nanoTime();
            if (!waited) {
                waited = true;
                firstWait = now;
            } else if (read > 0 && read < owed(now - firstWait)) {
                failure = Content.Chunk.from(new TimeoutException("the request body came slower than "
                        + bytesPerSecond + " bytes a second"));
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }

        /** The bytes a body must have sent after waiting this long. */
        private long owed(long elapsedNanos) {
            long late = elapsedNanos - graceNanos;
            return late <= 0 ? 0 : bytesPerSecond * (late / 1_000_000) / 1_000;
        }
    }
}
