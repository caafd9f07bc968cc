package dev.parley.storage.jobs;

import java.time.Instant;

/**
 * A job to enqueue: what kind of work, its payload, when it may run, and optionally a key that keeps it from
 * being queued twice while it waits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what kind of work, which tells workers how to read the payload: 1 to {@value #MAX_KIND_LENGTH}
 *     characters without control characters, e.g. {@code "webmention"}
 * @param payload the work's input, in whatever text form the kind's worker reads, 0 to
 *     {@value #MAX_PAYLOAD_LENGTH} characters
 * @param runAt the earliest time the job may be claimed, truncated to microseconds
 * @param dedupKey or null: while a job of the same kind and key waits unclaimed, enqueueing this one returns
 *     that job instead (see {@link JobQueue#enqueue(NewJob)}); 1 to {@value #MAX_DEDUP_KEY_LENGTH} characters
 */
public record NewJob(String kind, String payload, Instant runAt, String dedupKey) {

    /** The longest kind accepted. */
    public static final int MAX_KIND_LENGTH = 64;
    /** The longest payload accepted. */
    public static final int MAX_PAYLOAD_LENGTH = 65_535;
    /** The longest deduplication key accepted. */
    public static final int MAX_DEDUP_KEY_LENGTH = 8_192;

    /**
     * Checks every component.
     *
     * @throws NullPointerException if a component other than {@code dedupKey} is null
     * @throws IllegalArgumentException naming the component, if one is blank, too long, holds control
     *     characters (the kind) or lies outside the storable time range
     */
    public NewJob {
        JobChecks.noControlCharacters(JobChecks.text(kind, "job kind", MAX_KIND_LENGTH), "job kind");
        JobChecks.length(payload, "job payload", MAX_PAYLOAD_LENGTH);
        runAt = JobChecks.instant(runAt, "job run at");
        if (dedupKey != null) {
            JobChecks.length(dedupKey, "job dedup key", MAX_DEDUP_KEY_LENGTH);
            if (dedupKey.isEmpty()) {
                throw new IllegalArgumentException("job dedup key must not be empty");
            }
        }
    }

    /**
     * A job without a deduplication key.
     *
     * @param kind what kind of work
     * @param payload its input
     * @param runAt the earliest time it may run
     * @return the job
     */
    public static NewJob of(String kind, String payload, Instant runAt) {
        return new NewJob(kind, payload, runAt, null);
    }

    /**
     * This job with a deduplication key.
     *
     * @param key the key, e.g. a Webmention's source and target
     * @return a copy with the key
     */
    public NewJob withDedupKey(String key) {
        return new NewJob(kind, payload, runAt, key);
    }
}
