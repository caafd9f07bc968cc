package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every group of job queue rules shares: the queue under test, the kit's clock, and small helpers.
 * Each {@code @Nested} class of {@link JobQueueContract} extends one subclass of this.
 */
abstract class JobRules {

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(1);
    static final String KIND = "test-work";
    static final String WORKER = "instance-a/worker-1";
    static final String OTHER_WORKER = "instance-b/worker-1";

    private final Supplier<JobQueue> queues;
    private final SettableClock clock;

    JobRules(Supplier<JobQueue> queues, SettableClock clock) {
        this.queues = Objects.requireNonNull(queues, "queues must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** The fresh queue of the running test. */
    final JobQueue queue() {
        return queues.get();
    }

    final SettableClock clock() {
        return clock;
    }

    final Instant now() {
        return clock.instant();
    }

    /** Enqueues a job of {@link #KIND} due {@code secondsFromNow} seconds from the clock's time. */
    final Job enqueue(String payload, long secondsFromNow) {
        return queue().enqueue(NewJob.of(KIND, payload, now().plusSeconds(secondsFromNow)));
    }

    final Job enqueueNow(String payload) {
        return enqueue(payload, 0);
    }

    final Job stored(JobId id) {
        return queue().find(id).orElseThrow(() -> new AssertionError("job " + id + " is not stored"));
    }

    final List<Job> claim(String owner, int max) {
        return queue().claim(owner, max, LEASE);
    }

    /** Claims exactly one job for {@code owner} and returns it. */
    final Job claimOne(String owner) {
        List<Job> claimed = claim(owner, 1);
        assertThat(claimed).as("jobs claimed by %s", owner).hasSize(1);
        return claimed.get(0);
    }

    static List<String> payloads(List<Job> jobs) {
        return jobs.stream().map(Job::payload).toList();
    }
}
