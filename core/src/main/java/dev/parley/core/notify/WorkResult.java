package dev.parley.core.notify;

/**
 * What one {@link Notifier#runDue} did with the jobs it claimed. Immutable and thread-safe.
 *
 * @param sent mails the mailer accepted
 * @param retried jobs put back to run later after a failure (the mail server was down)
 * @param gaveUp jobs given up after their last attempt
 * @param dropped jobs finished without a mail because nothing is left to tell (the reply was deleted, the
 *     address unsubscribed or muted the thread, the comment was moderated meanwhile)
 */
public record WorkResult(int sent, int retried, int gaveUp, int dropped) {

    /** Nothing done. */
    public static final WorkResult NONE = new WorkResult(0, 0, 0, 0);

    /**
     * Adds two results.
     *
     * @param other the other result
     * @return the sums
     */
    public WorkResult plus(WorkResult other) {
        return new WorkResult(sent + other.sent, retried + other.retried, gaveUp + other.gaveUp,
                dropped + other.dropped);
    }
}
