package dev.parley.examples.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing: every login attempt is counted, before the password is checked, against the account
 * and against the client's address; from the {@value #FREE_ATTEMPTS}th attempt on, each counted attempt blocks
 * its keys for a delay that starts at {@link #FIRST_DELAY} and doubles up to {@link #MAX_DELAY}. A blocked
 * attempt is refused without looking at the password, so the right password does not work while blocked. A
 * successful login resets its account and address; counts are forgotten {@link #FORGET_AFTER} after a key's
 * latest attempt.
 *
 * <p>Counting happens before the check, by a compare-and-set on the shared {@link LoginAttempts}, so parallel
 * guesses cannot slip through between a check and a write, on one instance or on several. The price: the
 * account's key throttles everybody, the moderator included, while someone guesses (that is what stops a
 * guesser who spreads over many addresses), and an attempt refused for its address may already have counted
 * for the account.
 *
 * <p>Thread-safe, given a thread-safe store.
 */
public final class LoginThrottle {

    /** Attempts counted before the first delay. */
    public static final int FREE_ATTEMPTS = 5;
    /** The delay after the {@value #FREE_ATTEMPTS}th attempt. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** The longest delay. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** How long after its latest attempt a key's count is forgotten. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** Compare-and-set rounds before an attempt under heavy contention is refused rather than retried. */
    private static final int MAX_ROUNDS = 64;

    private final LoginAttempts attempts;
    private final Clock clock;

    /**
     * Creates the throttle.
     *
     * @param attempts where the counts are kept
     * @param clock the clock delays run on
     */
    public LoginThrottle(LoginAttempts attempts, Clock clock) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts a login attempt, or refuses it while its account or address is blocked.
     *
     * @param account the account tried
     * @param address the client's address
     * @return empty if the password may be checked, else how long until the next attempt is allowed
     */
    public Optional<Duration> attempt(String account, String address) {
        List<String> keys = keys(account, address);
        Instant now = clock.instant();
        // Look before counting, so a blocked address does not add to the account's count.
        for (String key : keys) {
            Optional<Duration> blocked = attempts.find(key).flatMap(entry -> blockedFor(entry, now));
            if (blocked.isPresent()) {
                return blocked;
            }
        }
        for (String key : keys) {
            Optional<Duration> blocked = count(key, now);
            if (blocked.isPresent()) {
                return blocked;
            }
        }
        return Optional.empty();
    }

    /**
     * Resets the account and the address after a successful login.
     *
     * @param account the account
     * @param address the client's address
     */
    public void succeeded(String account, String address) {
        keys(account, address).forEach(attempts::delete);
        attempts.forgetBefore(clock.instant().minus(FORGET_AFTER));
    }

    /**
     * The delay the {@code n}th counted attempt imposes: none before {@value #FREE_ATTEMPTS}, then
     * {@link #FIRST_DELAY} doubling up to {@link #MAX_DELAY}.
     *
     * @param n the attempt's number, from 1
     * @return the delay, zero for none
     */
    public static Duration delayAfter(int n) {
        if (n < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = n - FREE_ATTEMPTS;
        if (doublings >= 30) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Optional<Duration> count(String key, Instant now) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<LoginAttempts.Entry> stored = attempts.find(key);
            if (stored.isEmpty()) {
                if (attempts.insert(key, next(0, now, 0))) {
                    if (round == 0) {
                        // A new key: the moment to drop the ones nobody has tried for a while.
                        attempts.forgetBefore(now.minus(FORGET_AFTER));
                    }
                    return Optional.empty();
                }
                continue;
            }
            LoginAttempts.Entry entry = stored.get();
            Optional<Duration> blocked = blockedFor(entry, now);
            if (blocked.isPresent()) {
                return blocked;
            }
            int before = entry.last().plus(FORGET_AFTER).isAfter(now) ? entry.attempts() : 0;
            if (attempts.replace(key, entry.version(), next(before, now, entry.version() + 1))) {
                return Optional.empty();
            }
        }
        return Optional.of(FIRST_DELAY);
    }

    private static LoginAttempts.Entry next(int before, Instant now, long version) {
        int n = before == Integer.MAX_VALUE ? before : before + 1;
        Duration delay = delayAfter(n);
        return new LoginAttempts.Entry(n, delay.isZero() ? Instant.EPOCH : now.plus(delay), now, version);
    }

    private static Optional<Duration> blockedFor(LoginAttempts.Entry entry, Instant now) {
        return now.isBefore(entry.blockedUntil()) ? Optional.of(Duration.between(now, entry.blockedUntil()))
                : Optional.empty();
    }

    private static List<String> keys(String account, String address) {
        // Keys fit the stores' 120 characters: an account name is the demo's own, an address at most 45 + a zone.
        String where = Objects.requireNonNull(address, "address");
        return List.of("account:" + Objects.requireNonNull(account, "account"),
                "address:" + (where.length() > 100 ? where.substring(0, 100) : where));
    }
}
