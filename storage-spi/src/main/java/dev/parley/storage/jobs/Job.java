package dev.parley.storage.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A job as the queue holds it: the enqueued work and where it is in its life.
 *
 * <p>Immutable and thread-safe. Two reads of one job are equal when nothing happened to it in between.
 *
 * @param id the job's identity, chosen by the queue
 * @param kind what kind of work ({@link NewJob#kind()})
 * @param payload the work's input ({@link NewJob#payload()})
 * @param dedupKey the deduplication key it was enqueued with, or null
 * @param state where it is in its life
 * @param attempts how many times it was claimed (0 until the first claim)
 * @param createdAt when it was enqueued, by the queue's clock
 * @param runAt the earliest time it may be claimed: as enqueued, or as the last retry set it
 * @param owner the worker holding or last holding its lease, or null if it was never claimed
 * @param leaseUntil when the current or last lease ends, or null if it was never claimed
 * @param outcome the last word on it, or null if none yet: the outcome it completed with, the reason it was
 *     given up, or the reason of the last failed attempt
 * @param updatedAt when its state last changed (enqueued, claimed, retried, finished)
 */
public record Job(JobId id, String kind, String payload, String dedupKey, JobState state, int attempts,
        Instant createdAt, Instant runAt, String owner, Instant leaseUntil, String outcome, Instant updatedAt) {

    /**
     * Checks the components: non-null where required, lengths as in {@link NewJob} and {@link JobQueue}.
     *
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException naming the component, if one is out of range
     */
    public Job {
        Objects.requireNonNull(id, "job id must not be null");
        new NewJob(kind, payload, runAt, dedupKey);
        Objects.requireNonNull(state, "job state must not be null");
        if (attempts < 0) {
            throw new IllegalArgumentException("job attempts must not be negative, was " + attempts);
        }
        createdAt = JobChecks.instant(createdAt, "job created at");
        runAt = JobChecks.instant(runAt, "job run at");
        if (owner != null) {
            JobChecks.text(owner, "job owner", JobQueue.MAX_OWNER_LENGTH);
        }
        if ((owner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException("job owner and lease end are set together");
        }
        if (leaseUntil != null) {
            leaseUntil = JobChecks.instant(leaseUntil, "job lease until");
        }
        if (outcome != null) {
            JobChecks.length(outcome, "job outcome", JobQueue.MAX_OUTCOME_LENGTH);
        }
        updatedAt = JobChecks.instant(updatedAt, "job updated at");
    }
}
