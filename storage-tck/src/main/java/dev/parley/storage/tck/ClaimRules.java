package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code claim}: which jobs are due, in what order, and what a claimed job looks like. */
abstract class ClaimRules extends JobRules {

    ClaimRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    @Test
    @DisplayName("an empty queue gives an empty claim")
    void emptyQueue() {
        assertThat(claim(WORKER, 10)).isEmpty();
    }

    @Test
    @DisplayName("a claimed job is running, leased to its owner until now plus the lease, with one attempt")
    void claimedJobIsRunning() {
        Job job = enqueueNow("p");

        Job claimed = claimOne(WORKER);

        assertThat(claimed.id()).isEqualTo(job.id());
        assertThat(claimed.state()).isEqualTo(JobState.RUNNING);
        assertThat(claimed.owner()).isEqualTo(WORKER);
        assertThat(claimed.leaseUntil()).isEqualTo(now().plus(LEASE));
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.payload()).isEqualTo("p");
        assertThat(claimed.runAt()).isEqualTo(job.runAt());
        assertThat(stored(job.id())).isEqualTo(claimed);
    }

    @Test
    @DisplayName("a job is not claimed before its run time, and is from the very microsecond it comes")
    void notBeforeRunTime() {
        Job later = enqueue("later", 60);

        assertThat(claim(WORKER, 10)).isEmpty();
        clock().advance(Duration.ofSeconds(60).minusNanos(1_000));
        assertThat(claim(WORKER, 10)).isEmpty();
        clock().advance(Duration.ofNanos(1_000));
        assertThat(claim(WORKER, 10)).extracting(Job::id).containsExactly(later.id());
    }

    @Test
    @DisplayName("due jobs are claimed oldest run time first, and enqueue order breaks ties")
    void oldestFirst() {
        enqueue("third", -10);
        enqueue("first", -30);
        enqueue("second-a", -20);
        enqueue("second-b", -20);
        enqueue("not yet", 10);

        assertThat(payloads(claim(WORKER, 2))).containsExactly("first", "second-a");
        assertThat(payloads(claim(WORKER, 10))).containsExactly("second-b", "third");
        assertThat(claim(WORKER, 10)).isEmpty();
    }

    @Test
    @DisplayName("a claim returns at most max jobs, and the rest stay for the next claim")
    void atMostMax() {
        for (int i = 0; i < 7; i++) {
            enqueueNow("job " + i);
        }
        assertThat(claim(WORKER, 3)).hasSize(3);
        assertThat(claim(OTHER_WORKER, 3)).hasSize(3);
        assertThat(claim(WORKER, 3)).hasSize(1);
        assertThat(claim(WORKER, 3)).isEmpty();
    }

    @Test
    @DisplayName("a claim of the maximum size takes that many jobs")
    void maximumClaim() {
        for (int i = 0; i < JobQueue.MAX_CLAIM + 5; i++) {
            enqueueNow("job " + i);
        }
        assertThat(claim(WORKER, JobQueue.MAX_CLAIM)).hasSize(JobQueue.MAX_CLAIM);
        assertThat(claim(WORKER, JobQueue.MAX_CLAIM)).hasSize(5);
    }

    @Test
    @DisplayName("a running job whose lease has not ended is claimed by no one, not even its owner")
    void runningJobIsInvisible() {
        enqueueNow("p");
        claimOne(WORKER);

        assertThat(claim(OTHER_WORKER, 10)).isEmpty();
        assertThat(claim(WORKER, 10)).isEmpty();
        clock().advance(LEASE.minusNanos(1_000));
        assertThat(claim(OTHER_WORKER, 10)).isEmpty();
    }

    @Test
    @DisplayName("completed and given-up jobs are never claimed again, however much time passes")
    void finishedJobsAreNeverClaimed() {
        Job done = enqueueNow("done");
        Job abandoned = enqueueNow("abandoned");
        List<Job> claimed = claim(WORKER, 2);
        assertThat(claimed).hasSize(2);
        assertThat(queue().complete(done.id(), WORKER, "ok")).isTrue();
        assertThat(queue().giveUp(abandoned.id(), WORKER, "hopeless")).isTrue();

        clock().advance(Duration.ofDays(400));

        assertThat(claim(OTHER_WORKER, 10)).isEmpty();
        assertThat(stored(done.id()).state()).isEqualTo(JobState.DONE);
        assertThat(stored(abandoned.id()).state()).isEqualTo(JobState.GAVE_UP);
    }
}
