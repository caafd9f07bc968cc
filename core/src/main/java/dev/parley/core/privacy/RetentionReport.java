package dev.parley.core.privacy;

/**
 * What one {@link Retention#run} did. Immutable and thread-safe.
 *
 * @param clientDataCleared comments whose IP address and User-Agent were cleared
 * @param spamDeleted spam comments removed from storage
 * @param batches store batches used, at most the run's budget
 * @param finished true if nothing was left to do when the run ended; false if the budget ran out first (run
 *     again)
 */
public record RetentionReport(int clientDataCleared, int spamDeleted, int batches, boolean finished) {
}
