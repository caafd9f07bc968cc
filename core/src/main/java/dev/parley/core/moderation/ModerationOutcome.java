package dev.parley.core.moderation;

import dev.parley.storage.InsertConditions;
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
 */
public record ModerationOutcome(Verdict verdict, @Nullable RejectCode code, String reason,
        InsertConditions conditions) {

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
