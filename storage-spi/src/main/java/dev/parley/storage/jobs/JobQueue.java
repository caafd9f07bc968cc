package dev.parley.storage.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A durable queue of background jobs, claimed by workers with a lease.
 *
 * <p>A worker {@linkplain #claim(String, int, Duration) claims} due jobs under its owner id for a lease; while
 * the lease lasts no other claim returns them, whichever instance or thread asks. The worker then
 * {@linkplain #complete completes} each job, {@linkplain #retry retries} it later, or {@linkplain #giveUp gives
 * it up}. A worker that dies without finishing simply lets its lease run out: the job is claimable again, so
 * a job runs at least once and, while its workers finish within their leases, never twice at once. Work that
 * must not be repeated after a crash is made idempotent by the worker (a linkback is unique per source).
 *
 * <p>Time is the queue's clock (a {@link java.time.Clock} given to the implementation): run times, leases
 * and due-ness are compared with it. Instants are kept to the microsecond. With several instances over one
 * database, their clocks should agree to well within a lease.
 *
 * <p>Owner ids name one worker: unique per instance and thread (an instance id with a thread number). A
 * worker's calls for a job succeed only while the job is still leased to that owner: once its lease ran out
 * and another worker claimed the job, they return {@code false} and change nothing.
 *
 * <p>Finished jobs ({@link JobState#DONE}, {@link JobState#GAVE_UP}) are kept with their outcome until
 * {@linkplain #purgeFinished(Instant) purged}, and never claimed again.
 *
 * <p>Implementations are thread-safe and every method is atomic.
 */
public interface JobQueue {

    /** The most jobs one claim returns. */
    int MAX_CLAIM = 100;
    /** The longest owner id accepted. */
    int MAX_OWNER_LENGTH = 128;
    /** The longest outcome or reason accepted. */
    int MAX_OUTCOME_LENGTH = 1_000;
    /** The shortest lease accepted. */
    Duration MIN_LEASE = Duration.ofMillis(1);
    /** The longest lease accepted. */
    Duration MAX_LEASE = Duration.ofDays(1);

    /**
     * Adds a job, {@link JobState#PENDING} with no attempts, under a fresh id.
     *
     * <p>With a {@linkplain NewJob#dedupKey() deduplication key}, if a job of the same kind and key is
     * pending and was never claimed, nothing is added and that job is returned, unchanged; this holds under
     * concurrent enqueues too, so of racing enqueues of one key exactly one job is added. Once a job is
     * claimed, its key no longer stops a new one: work that arrives while the old job runs is queued anew.
     *
     * @param job the job
     * @return the job as stored: the new one, or the waiting one with the same key
     */
    Job enqueue(NewJob job);

    /**
     * Leases up to {@code max} due jobs to {@code owner}: pending jobs whose run time has come and running
     * jobs whose lease has ended, oldest run time first. Each becomes {@link JobState#RUNNING}, owned by
     * {@code owner} until now plus {@code lease}, with one more attempt. No job is returned to two claims
     * whose leases overlap.
     *
     * @param owner the claiming worker, 1 to {@value #MAX_OWNER_LENGTH} characters
     * @param max the most jobs to claim, 1 to {@value #MAX_CLAIM}
     * @param lease how long the worker has, {@link #MIN_LEASE} to {@link #MAX_LEASE}
     * @return the claimed jobs as now stored, possibly none, oldest run time first
     */
    List<Job> claim(String owner, int max, Duration lease);

    /**
     * Leases up to {@code max} due jobs of one kind to {@code owner}: exactly as
     * {@link #claim(String, int, Duration)}, except that jobs of other kinds are neither returned nor touched.
     * A worker that handles one kind of work claims with this, so that it never leases a job it cannot run
     * (and so holds no other kind's job for a lease it will not use). Of two claims of different kinds, each
     * sees only its own kind's jobs; claims of one kind, and a kind-less claim, never get the same job while
     * their leases overlap.
     *
     * <p>This method has no default: a correct one cannot be built from the kind-less claim, which would lease
     * (and so delay) other kinds' jobs.
     *
     * @param kind the kind of job to claim ({@link NewJob#kind()}), compared exactly
     * @param owner the claiming worker, 1 to {@value #MAX_OWNER_LENGTH} characters
     * @param max the most jobs to claim, 1 to {@value #MAX_CLAIM}
     * @param lease how long the worker has, {@link #MIN_LEASE} to {@link #MAX_LEASE}
     * @return the claimed jobs of that kind as now stored, possibly none, oldest run time first
     */
    List<Job> claim(String kind, String owner, int max, Duration lease);

    /**
     * Finishes a job as {@link JobState#DONE} with its outcome.
     *
     * @param id the job
     * @param owner the worker that claimed it
     * @param outcome what became of it, 0 to {@value #MAX_OUTCOME_LENGTH} characters
     * @return true if done now; false if the job is unknown, not running, or leased to another owner
     */
    boolean complete(JobId id, String owner, String outcome);

    /**
     * Puts a running job back as {@link JobState#PENDING}, to be claimed again from {@code runAt} (which
     * {@link Backoff} computes), keeping the reason as its outcome. Its deduplication key does not apply
     * again.
     *
     * @param id the job
     * @param owner the worker that claimed it
     * @param runAt when it may run again
     * @param reason why this attempt failed, 0 to {@value #MAX_OUTCOME_LENGTH} characters
     * @return true if put back now; false if the job is unknown, not running, or leased to another owner
     */
    boolean retry(JobId id, String owner, Instant runAt, String reason);

    /**
     * Finishes a job as {@link JobState#GAVE_UP}, keeping the reason.
     *
     * @param id the job
     * @param owner the worker that claimed it
     * @param reason why it is given up, 0 to {@value #MAX_OUTCOME_LENGTH} characters
     * @return true if given up now; false if the job is unknown, not running, or leased to another owner
     */
    boolean giveUp(JobId id, String owner, String reason);

    /**
     * Reads one job.
     *
     * @param id the job
     * @return the job, or empty if unknown (or purged)
     */
    Optional<Job> find(JobId id);

    /**
     * Counts the unfinished jobs ({@link JobState#PENDING} or {@link JobState#RUNNING}) of a kind, due or not:
     * what a producer bounds its backlog by.
     *
     * @param kind the kind
     * @return how many
     */
    long countUnfinished(String kind);

    /**
     * Deletes finished jobs whose last change is before {@code before}.
     *
     * @param before the cut-off
     * @return how many were deleted
     */
    int purgeFinished(Instant before);
}
