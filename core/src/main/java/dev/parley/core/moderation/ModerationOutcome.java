package dev.parley.core.moderation;

import dev.parley.storage.InsertConditions;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline decided about one submission. Immutable and thread-safe.
 *
 * @param verdict the winning verdict ({@link Verdict#APPROVE} when no rule decided)
 * @param code for {@link Verdict#REJECT}, the code the poster receives; else null
 * @param reason the reason stored with the comment: the winning rule's reason after its verdict word, then
 *     any notes and report-only findings, separated by {@code "; "}, e.g.
 *     {@code "held: 3 links, limit 2; report-only: would hold: matched hold word \"casino\" in text"}
 * @param conditions what the store must check atomically when it stores the comment, as the rules asked
 *     through {@link RuleContext#requireUnique(String)} and {@link RuleContext#requireQuiet}; empty for a
 *     rejection
 * @param retryAfter for a rejection that passes with time, the winning rule's wait
 *     ({@link Decision#retryAfter()}); else null
 */
public record ModerationOutcome(Verdict verdict, @Nullable RejectCode code, String reason,
        InsertConditions conditions, @Nullable Duration retryAfter) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException if a code is given for a verdict other than reject, or missing for it
     */
    public ModerationOutcome {
        Objects.requireNonNull(verdict, "verdict must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(conditions, "conditions must not be null");
        if ((verdict == Verdict.REJECT) != (code != null)) {
            throw new IllegalArgumentException("code must be present exactly for a rejection, verdict " + verdict
                    + ", code " + code);
        }
    }

    /**
     * An outcome without a wait.
     *
     * @param verdict the winning verdict
     * @param code for a rejection, the code; else null
     * @param reason the stored reason
     * @param conditions the insert conditions
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public ModerationOutcome(Verdict verdict, @Nullable RejectCode code, String reason,
            InsertConditions conditions) {
        this(verdict, code, reason, conditions, null);
    }

    /**
     * An outcome with no insert conditions.
     *
     * @param verdict the winning verdict
     * @param code for {@link Verdict#REJECT}, the code; else null
     * @param reason the reason stored with the comment
     */
    public ModerationOutcome(Verdict verdict, @Nullable RejectCode code, String reason) {
        this(verdict, code, reason, InsertConditions.NONE);
    }
}
