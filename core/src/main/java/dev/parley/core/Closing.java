package dev.parley.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a thread stops taking comments and linkbacks: never, already, or at an instant (such as N days after
 * the post was published, WordPress's "close comments on posts older than N days").
 *
 * <p>Immutable and thread-safe.
 *
 * @param closesAt the first instant at which the thread is closed, or null for a thread that stays open
 */
public record Closing(@Nullable Instant closesAt) {

    private static final Closing OPEN = new Closing(null);
    private static final Closing CLOSED = new Closing(Instant.MIN);

    /**
     * Returns the closing of a thread that stays open.
     *
     * @return open
     */
    public static Closing open() {
        return OPEN;
    }

    /**
     * Returns the closing of a thread that is closed now and for good.
     *
     * @return closed
     */
    public static Closing closed() {
        return CLOSED;
    }

    /**
     * Returns a closing at an instant.
     *
     * @param instant the first closed instant
     * @return the closing
     * @throws NullPointerException if {@code instant} is null
     */
    public static Closing at(Instant instant) {
        return new Closing(Objects.requireNonNull(instant, "instant must not be null"));
    }

    /**
     * Returns the closing {@code period} after {@code published}.
     *
     * @param published when the page was published
     * @param period how long it takes comments, not negative
     * @return the closing
     * @throws NullPointerException naming the argument, if one is null
     * @throws IllegalArgumentException if {@code period} is negative
     */
    public static Closing after(Instant published, Duration period) {
        Objects.requireNonNull(published, "published must not be null");
        Objects.requireNonNull(period, "period must not be null");
        if (period.isNegative()) {
            throw new IllegalArgumentException("period must not be negative, was " + period);
        }
        return new Closing(published.plus(period));
    }

    /**
     * Tells whether the thread is closed at {@code now}.
     *
     * @param now the instant
     * @return true if closed
     * @throws NullPointerException if {@code now} is null
     */
    public boolean isClosedAt(Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        return closesAt != null && !now.isBefore(closesAt);
    }
}
