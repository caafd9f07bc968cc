package dev.parley.pingback.fetch.internal;

import java.time.Clock;

/** The instant a whole fetch must be over by, read from the injected clock. Immutable. */
record Deadline(Clock clock, long endMillis) {

    static Deadline after(Clock clock, long millis) {
        return new Deadline(clock, Math.addExact(clock.millis(), millis));
    }

    long remainingMillis() {
        return endMillis - clock.millis();
    }

    boolean expired() {
        return remainingMillis() <= 0;
    }
}
