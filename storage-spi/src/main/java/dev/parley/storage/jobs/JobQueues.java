package dev.parley.storage.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks for {@link JobQueue} implementations, so every queue refuses misuse with the same messages.
 *
 * <p>Thread-safe: stateless.
 */
public final class JobQueues {

    private JobQueues() {
    }

    /**
     * Checks the arguments of {@link JobQueue#claim(String, int, Duration)}.
     *
     * @param owner the owner id
     * @param max the most jobs to claim
     * @param lease the lease
     * @throws NullPointerException if {@code owner} or {@code lease} is null
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static void checkClaim(String owner, int max, Duration lease) {
        JobChecks.noControlCharacters(JobChecks.text(owner, "owner", JobQueue.MAX_OWNER_LENGTH), "owner");
        if (max < 1 || max > JobQueue.MAX_CLAIM) {
            throw new IllegalArgumentException("max must be between 1 and " + JobQueue.MAX_CLAIM + ", was " + max);
        }
        Objects.requireNonNull(lease, "lease must not be null");
        if (lease.compareTo(JobQueue.MIN_LEASE) < 0 || lease.compareTo(JobQueue.MAX_LEASE) > 0) {
            throw new IllegalArgumentException(
                    "lease must be between " + JobQueue.MIN_LEASE + " and " + JobQueue.MAX_LEASE + ", was " + lease);
        }
    }

    /**
     * Checks the arguments of {@link JobQueue#claim(String, String, int, Duration)}.
     *
     * @param kind the kind to claim
     * @param owner the owner id
     * @param max the most jobs to claim
     * @param lease the lease
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static void checkClaim(String kind, String owner, int max, Duration lease) {
        JobChecks.noControlCharacters(JobChecks.text(kind, "job kind", NewJob.MAX_KIND_LENGTH), "job kind");
        checkClaim(owner, max, lease);
    }

    /**
     * Checks the arguments of {@link JobQueue#complete}, {@link JobQueue#retry} and {@link JobQueue#giveUp}.
     *
     * @param id the job
     * @param owner the owner id
     * @param text the outcome or reason
     * @param field what the text is called in messages
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static void checkFinish(JobId id, String owner, String text, String field) {
        Objects.requireNonNull(id, "id must not be null");
        JobChecks.text(owner, "owner", JobQueue.MAX_OWNER_LENGTH);
        JobChecks.length(text, field, JobQueue.MAX_OUTCOME_LENGTH);
    }

    /**
     * Checks a run time for {@link JobQueue#retry} and truncates it to the microsecond, as stores keep it.
     *
     * @param runAt the run time
     * @return the run time, truncated
     * @throws NullPointerException if {@code runAt} is null
     * @throws IllegalArgumentException if it lies outside the storable range
     */
    public static java.time.Instant checkRunAt(java.time.Instant runAt) {
        return JobChecks.instant(runAt, "run at");
    }

    /**
     * Cuts a text to {@link JobQueue#MAX_OUTCOME_LENGTH} characters, for outcomes built from exception messages.
     *
     * @param text the text, or null
     * @return the text, shortened if needed; empty for null
     */
    public static String outcome(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= JobQueue.MAX_OUTCOME_LENGTH) {
            return text;
        }
        int end = JobQueue.MAX_OUTCOME_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
