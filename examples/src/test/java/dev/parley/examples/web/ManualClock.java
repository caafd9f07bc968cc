package dev.parley.examples.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it. Thread-safe: the instant is volatile. */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /**
     * Creates the clock.
     *
     * @param now where it stands
     */
    public ManualClock(Instant now) {
        this.now = now;
    }

    /**
     * Moves the clock on.
     *
     * @param duration by how much
     */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
