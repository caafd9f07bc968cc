package dev.parley.core.moderation;

/**
 * What a moderation rule decides about a submission, from the mildest to the most severe.
 *
 * <p>When several rules decide, the most severe verdict wins: {@link #REJECT} over {@link #SPAM} over
 * {@link #HOLD} over {@link #APPROVE}.
 */
public enum Verdict {
    /** Publish it. */
    APPROVE,
    /** Keep it for a moderator (stored as {@code PENDING}). */
    HOLD,
    /** Keep it as spam, never shown (stored as {@code SPAM}). */
    SPAM,
    /** Refuse it: nothing is stored and the poster gets a {@link RejectCode}. */
    REJECT;

    /**
     * Tells whether this verdict is more severe than {@code other}.
     *
     * @param other the verdict to compare with
     * @return true if this one wins over {@code other}
     */
    public boolean outranks(Verdict other) {
        return compareTo(java.util.Objects.requireNonNull(other, "other must not be null")) > 0;
    }
}
