package dev.parley.core.moderation;

/**
 * A spam filter the pipeline consults, such as an Akismet client: it receives the fields of Akismet's
 * {@code comment-check} call and classifies the submission.
 *
 * <p>A check that answers {@link SpamCheckResult.Classification#SPAM} marks the submission spam; ham and
 * unknown answers decide nothing. When a check throws, its {@link #failureMode()} says what happens: a
 * {@link FailureMode#FAIL_OPEN} check lets the submission through and the stored reason notes the failure;
 * a {@link FailureMode#FAIL_CLOSED} check holds it for a moderator.
 *
 * <p>Implementations must be thread-safe and should bound their own time (a network call needs a timeout):
 * the pipeline calls them on the posting thread.
 */
public interface SpamCheck {

    /** What a failure of the check does to the submission. */
    enum FailureMode {
        /** A failure lets the submission through; the reason notes it. */
        FAIL_OPEN,
        /** A failure holds the submission for a moderator. */
        FAIL_CLOSED
    }

    /**
     * Returns the check's short name, shown in reasons, e.g. {@code "akismet"}.
     *
     * @return the name, not blank
     */
    String name();

    /**
     * Returns what a failure of this check does.
     *
     * @return the failure mode
     */
    FailureMode failureMode();

    /**
     * Classifies a submission.
     *
     * @param request the comment-check fields
     * @return the classification and its reason
     * @throws Exception on any failure (network, protocol, quota); handled by the failure mode
     */
    SpamCheckResult check(SpamCheckRequest request) throws Exception;
}
