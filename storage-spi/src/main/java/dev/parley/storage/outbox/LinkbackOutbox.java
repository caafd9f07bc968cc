package dev.parley.storage.outbox;

import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Per source URL (a post) the targets it links to and, per target, the last send's result; plus the send jobs,
 * which live in a {@link JobQueue} under the kind {@link #SEND_KIND} with payload {@code source + "\n" + target}
 * and deduplication key {@code source + " " + target} (see {@link LinkbackOutboxes#sendJob}).
 *
 * <p>The life of a send: publishing, updating or deleting a post {@linkplain #plan plans} its sources' sends,
 * which queues one job per target and marks each target's record {@link SendStatus#QUEUED}. A worker
 * {@linkplain JobQueue#claim(String, String, int, Duration) claims} {@link #SEND_KIND} jobs from {@link #jobs()}
 * with a lease, delivers, {@linkplain #record records} the result, and completes, retries or gives up the job.
 * Since the jobs are the queue's, a send survives a restart and is leased to one worker at a time, however many
 * application instances share the store.
 *
 * <p>Updates and deletes follow Webmention (W3C Recommendation, 3.1.4 and 3.1.5): a target the post no longer
 * links to is told again, so that the receiver can see the link is gone, and a deleted post tells every target
 * it is recorded to have linked to, live or earlier. Such targets stay recorded with {@code live} false.
 *
 * <p>Every URL is 1 to {@value #MAX_URL_LENGTH} characters, not blank, without control characters or unpaired
 * surrogates, and compared exactly (no normalisation: the caller normalises, as the link extractor does). A
 * source has at most {@value #MAX_TARGETS} records.
 *
 * <p>Implementations are thread-safe and every method is atomic. Time is the outbox's clock (a
 * {@link java.time.Clock} given to the implementation), kept to the microsecond.
 */
public interface LinkbackOutbox {

    /** The kind of the send jobs in {@link #jobs()}. */
    String SEND_KIND = "linkback-send";
    /** The most records a source has, live and earlier targets together; also the most targets of one plan. */
    int MAX_TARGETS = 1_000;
    /** The longest source or target URL accepted. */
    int MAX_URL_LENGTH = 2_048;

    /**
     * In one atomic step: the source's live targets become {@code targets}; every target to tell gets a send
     * job due at {@code runAt}, and its record becomes {@link SendStatus#QUEUED} with its result fields emptied
     * and {@code updatedAt} the outbox's time. Both the records and the jobs are written, or neither.
     *
     * <p>The targets to tell: for a publish or update, the union of the previous live targets and the new ones;
     * targets no longer linked stay recorded with {@code live} false, and earlier targets that were not live
     * before and are not linked now are left as they are. For a delete ({@code deleted} true), every recorded
     * target of the source, live or not, since the host now serves 410 Gone for the source and each of them may
     * still show its mention (Webmention 3.1.5); none stays live.
     *
     * <p>One send per target, with the post as it is now: if a {@link JobState#PENDING} job of
     * {@link #SEND_KIND} with the target's deduplication key exists, whether it waits unclaimed or was put back
     * by {@link JobQueue#retry} and waits out its back-off, no job is added; that job's run time (and so the
     * time it becomes due) moves to {@code runAt} if {@code runAt} is earlier, and it keeps its attempts, so a
     * worker's back-off and give-up rule go on counting the failures before the plan. A
     * {@link JobState#RUNNING} job (claimed, its lease not over) does not stop a new job: the post changed while
     * it was being sent, so one more send is right.
     *
     * <p>Planning the same targets again queues them again: a post saved twice tells its targets twice (each
     * once while its job is pending). A source with no earlier plan and no targets changes nothing.
     *
     * <p>When the records would exceed {@value #MAX_TARGETS}, the source's oldest records (by {@code updatedAt},
     * then target) among those not queued by this plan are forgotten to make room, so a source never has more
     * than {@value #MAX_TARGETS} records. Concurrent plans of one source are serialized: each sees the live
     * targets the one before it left.
     *
     * @param source the source URL (the post)
     * @param targets the URLs the post links to now, at most {@value #MAX_TARGETS}; empty for a deleted post
     * @param deleted true if the post is deleted, which requires {@code targets} to be empty
     * @param runAt when the send jobs may run, truncated to microseconds
     * @return the targets that were queued (told), sorted in {@link String} order
     * @throws NullPointerException if an argument or a target is null
     * @throws IllegalArgumentException naming the argument, if a URL is malformed as described above, if
     *     {@code deleted} comes with targets, if there are more than {@value #MAX_TARGETS} targets, or if the union
     *     to queue would exceed {@value #MAX_TARGETS} (nothing is changed then)
     * @throws dev.parley.storage.StoreException if the store fails
     */
    List<String> plan(String source, Set<String> targets, boolean deleted, Instant runAt);

    /**
     * The records of a source: live ones first, then the earlier ones, each group in {@link String} order of the
     * target.
     *
     * @param source the source URL
     * @return the records, at most {@value #MAX_TARGETS}; empty for a source never planned
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if it is malformed
     */
    List<TargetRecord> targets(String source);

    /**
     * Stores a send's result on its (source, target) record: status and result fields as given, {@code updatedAt}
     * the result's time; {@code live} stays. Whatever the record's status was, the result replaces it: the
     * caller records in the order its sends finish.
     *
     * @param source the source URL
     * @param target the target URL
     * @param result the result
     * @return true if stored; false if there is no such record (the source never linked to the target, or the
     *     record was forgotten)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a URL is malformed
     */
    boolean record(String source, String target, SendResult result);

    /**
     * The queue holding the send jobs; claim them with
     * {@link JobQueue#claim(String, String, int, Duration) claim(SEND_KIND, owner, max, lease)}. The queue may
     * hold other kinds of jobs too.
     *
     * @return the queue, the same on every call
     */
    JobQueue jobs();
}
