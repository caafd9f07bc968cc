package dev.parley.benchmarks.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves on by a fixed step each time it is read, so that comments posted as fast as the machine
 * allows arrive as far apart as on a real site. Thread-safe.
 */
final class SteppingClock extends Clock {

    private final Instant start;
    private final long stepNanos;
    private final AtomicLong reads = new AtomicLong();

    SteppingClock(Instant start, Duration step) {
        this.start = start;
        this.stepNanos = step.toNanos();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a benchmark clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return start.plusNanos(stepNanos * reads.getAndIncrement());
    }
}
