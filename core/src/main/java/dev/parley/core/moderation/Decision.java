package dev.parley.core.moderation;

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
 */
public record Decision(Verdict verdict, String reason, @Nullable RejectCode code) {

    /** The longest reason a decision carries. */
    public static final int MAX_REASON_LENGTH = 300;

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code verdict} or {@code reason} is null, or {@code code} is null for a
     *     rejection
     * @throws IllegalArgumentException if the reason is blank or too long, or a code is given for another
     *     verdict
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
}
