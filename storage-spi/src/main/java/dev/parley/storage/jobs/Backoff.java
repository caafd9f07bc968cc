package dev.parley.storage.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter, for {@link JobQueue#retry}: attempt {@code n} waits a uniformly
 * random time between half of and the whole of {@code min(cap, base · 2^(n-1))}, so that jobs that failed
 * together (a neighbour's site was down) do not all come back at the same moment.
 *
 * <p>Immutable and thread-safe when its random generator is (the default one is).
 *
 * @param base the wait ceiling after the first attempt
 * @param cap the longest wait ceiling
 * @param random where the jitter comes from
 */
public record Backoff(Duration base, Duration cap, RandomGenerator random) {

    /**
     * Checks the durations.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code base} is not positive or {@code cap} is shorter than it
     */
    public Backoff {
        Objects.requireNonNull(base, "back-off base must not be null");
        Objects.requireNonNull(cap, "back-off cap must not be null");
        Objects.requireNonNull(random, "back-off random must not be null");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("back-off base must be positive, was " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("back-off cap must be at least the base " + base + ", was " + cap);
        }
    }

    /**
     * Back-off from {@code base} up to {@code cap} with the default random generator.
     *
     * @param base the wait ceiling after the first attempt
     * @param cap the longest wait ceiling
     * @return the back-off
     */
    public static Backoff exponential(Duration base, Duration cap) {
        return new Backoff(base, cap, RandomGenerator.getDefault());
    }

    /**
     * The ceiling of the wait after {@code attempts} attempts: {@code min(cap, base · 2^(attempts-1))}.
     *
     * @param attempts the attempts made so far, at least 1
     * @return the ceiling
     */
    public Duration ceiling(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Duration ceiling = base;
        for (int i = 1; i < attempts && ceiling.compareTo(cap) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(cap) > 0 ? cap : ceiling;
    }

    /**
     * When a job that failed its {@code attempts}th attempt at {@code now} may run again.
     *
     * @param attempts the attempts made so far, at least 1
     * @param now the time of the failure
     * @return {@code now} plus a wait between half the ceiling and the ceiling
     */
    public Instant next(int attempts, Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        long ceilingNanos = saturatedNanos(ceiling(attempts));
        long half = ceilingNanos / 2;
        long wait = half + random.nextLong(ceilingNanos - half + 1);
        return now.plusNanos(wait);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE - 1;
        }
    }
}
