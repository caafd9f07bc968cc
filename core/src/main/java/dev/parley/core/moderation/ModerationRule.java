package dev.parley.core.moderation;

import java.util.Optional;

/**
 * One step of the {@link ModerationPipeline}: looks at a submission and decides, or abstains.
 *
 * <p>The built-in rules come from {@link Rules}; a host adds its own by implementing this interface.
 * Implementations must be thread-safe: one instance judges every submission, concurrently. An exception a
 * rule throws is not caught: it fails the post, as a storage failure does.
 */
public interface ModerationRule {

    /**
     * Returns the rule's short name, used in logs and to select it for report-only mode, e.g. {@code "links"}.
     *
     * @return the name, not blank
     */
    String name();

    /**
     * Judges a submission.
     *
     * @param submission what is posted
     * @param context the time, the store, and a place for notes
     * @return the decision, or empty to abstain
     */
    Optional<Decision> evaluate(Submission submission, RuleContext context);
}
