package dev.parley.core.moderation;

import java.util.Objects;

/**
 * A spam check's answer. Immutable and thread-safe.
 *
 * @param classification spam, ham or unknown
 * @param reason a few words for the moderator, e.g. {@code "akismet says spam"}; not blank
 */
public record SpamCheckResult(Classification classification, String reason) {

    /** A spam check's classification. */
    public enum Classification {
        /** Not spam. */
        HAM,
        /** Spam. */
        SPAM,
        /** The check could not tell. */
        UNKNOWN
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if one is null
     * @throws IllegalArgumentException if the reason is blank
     */
    public SpamCheckResult {
        Objects.requireNonNull(classification, "classification must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }

    /**
     * Returns a spam answer.
     *
     * @param reason why
     * @return the result
     */
    public static SpamCheckResult spam(String reason) {
        return new SpamCheckResult(Classification.SPAM, reason);
    }

    /**
     * Returns a ham answer.
     *
     * @param reason why
     * @return the result
     */
    public static SpamCheckResult ham(String reason) {
        return new SpamCheckResult(Classification.HAM, reason);
    }

    /**
     * Returns an answer that decides nothing.
     *
     * @param reason why
     * @return the result
     */
    public static SpamCheckResult unknown(String reason) {
        return new SpamCheckResult(Classification.UNKNOWN, reason);
    }
}
