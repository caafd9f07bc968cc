package dev.parley.pingback.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step every time it is read, so a deadline passes without waiting. */
final class SteppingClock extends Clock {

    private final AtomicLong millis = new AtomicLong();
    private final long step;

    SteppingClock(Duration step) {
        this.step = step.toMillis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndAdd(step));
    }

    @Override
    public long millis() {
        return millis.getAndAdd(step);
    }
}
