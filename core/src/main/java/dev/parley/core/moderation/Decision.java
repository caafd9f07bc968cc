package dev.parley.core.moderation;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule's decision: a verdict and its detail, such as {@code "3 links, limit 2"}.
 *
 * <p>The pipeline stores the verdict's word before the detail ({@code "held: 3 links, limit 2"}), or, for a
 * rule in report-only mode, what it would have done ({@code "report-only: would hold: 3 links, limit 2"}), so
 * a rule states only the detail.
 *
 * <p>Immutable and thread-safe.
 *
 * @param verdict what to do with the submission
 * @param reason the detail, in a few words a moderator understands; 1 to {@value #MAX_REASON_LENGTH} characters
 * @param code for {@link Verdict#REJECT}, the code the poster receives; null for every other verdict
 * @param retryAfter for a rejection that passes with time (flood control), how long until the same submission
 *     would no longer be refused for it; null when waiting does not help, and for every other verdict
 */
public record Decision(Verdict verdict, String reason, @Nullable RejectCode code, @Nullable Duration retryAfter) {

    /** The longest reason a decision carries. */
    public static final int MAX_REASON_LENGTH = 300;

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code verdict} or {@code reason} is null, or {@code code} is null for a
     *     rejection
     * @throws IllegalArgumentException if the reason is blank or too long, a code or wait is given for another
     *     verdict, or the wait is not positive
     */
    public Decision {
        Objects.requireNonNull(verdict, "verdict must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException(
                    "reason must be at most " + MAX_REASON_LENGTH + " characters, was " + reason.length());
        }
        if (verdict == Verdict.REJECT) {
            Objects.requireNonNull(code, "code must not be null for a rejection");
        } else if (code != null) {
            throw new IllegalArgumentException("code must be null for verdict " + verdict + ", was " + code);
        }
        if (retryAfter != null && (verdict != Verdict.REJECT || retryAfter.isNegative() || retryAfter.isZero())) {
            throw new IllegalArgumentException("retryAfter must be positive and only on a rejection, was "
                    + retryAfter + " for verdict " + verdict);
        }
    }

    /**
     * A decision without a wait.
     *
     * @param verdict what to do with the submission
     * @param reason the detail
     * @param code for {@link Verdict#REJECT}, the code; else null
     * @throws NullPointerException if {@code verdict} or {@code reason} is null, or {@code code} is null for a
     *     rejection
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Decision(Verdict verdict, String reason, @Nullable RejectCode code) {
        this(verdict, reason, code, null);
    }

    /**
     * Returns an approval.
     *
     * @param reason the detail
     * @return the decision
     */
    public static Decision approve(String reason) {
        return new Decision(Verdict.APPROVE, reason, null);
    }

    /**
     * Returns a hold for a moderator.
     *
     * @param reason the detail, e.g. {@code "3 links, limit 2"}
     * @return the decision
     */
    public static Decision hold(String reason) {
        return new Decision(Verdict.HOLD, reason, null);
    }

    /**
     * Returns a spam verdict.
     *
     * @param reason the detail
     * @return the decision
     */
    public static Decision spam(String reason) {
        return new Decision(Verdict.SPAM, reason, null);
    }

    /**
     * Returns a rejection.
     *
     * @param code the code the poster receives
     * @param reason the detail
     * @return the decision
     */
    public static Decision reject(RejectCode code, String reason) {
        return new Decision(Verdict.REJECT, reason, Objects.requireNonNull(code, "code must not be null"));
    }

    /**
     * Returns a rejection that passes with time, such as flood control's: the poster may try again after
     * {@code retryAfter} (a web host sends it as {@code Retry-After}).
     *
     * @param code the code the poster receives
     * @param reason the detail
     * @param retryAfter how long until the same submission would pass this rule, positive
     * @return the decision
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code retryAfter} is not positive
     */
    public static Decision reject(RejectCode code, String reason, Duration retryAfter) {
        return new Decision(Verdict.REJECT, reason, Objects.requireNonNull(code, "code must not be null"),
                Objects.requireNonNull(retryAfter, "retryAfter must not be null"));
    }
}
