package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Leases: an expired lease gives the job to the next claimer, and the old owner loses it. */
abstract class LeaseRules extends JobRules {

    LeaseRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    @Test
    @DisplayName("once its lease ends, a running job is claimable again, with one more attempt and a new lease")
    void expiredLeaseIsClaimable() {
        Job job = enqueueNow("p");
        claimOne(WORKER);

        clock().advance(LEASE);
        Job again = claimOne(OTHER_WORKER);

        assertThat(again.id()).isEqualTo(job.id());
        assertThat(again.state()).isEqualTo(JobState.RUNNING);
        assertThat(again.owner()).isEqualTo(OTHER_WORKER);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.leaseUntil()).isEqualTo(now().plus(LEASE));
    }

    @Test
    @DisplayName("the owner whose lease was taken over can no longer complete, retry or give up the job")
    void oldOwnerLosesTheJob() {
        Job job = enqueueNow("p");
        claimOne(WORKER);
        clock().advance(LEASE.plusSeconds(1));
        claimOne(OTHER_WORKER);

        assertThat(queue().complete(job.id(), WORKER, "late")).isFalse();
        assertThat(queue().retry(job.id(), WORKER, now(), "late")).isFalse();
        assertThat(queue().giveUp(job.id(), WORKER, "late")).isFalse();
        assertThat(stored(job.id()).owner()).isEqualTo(OTHER_WORKER);
        assertThat(stored(job.id()).state()).isEqualTo(JobState.RUNNING);

        assertThat(queue().complete(job.id(), OTHER_WORKER, "on time")).isTrue();
        assertThat(stored(job.id()).outcome()).isEqualTo("on time");
    }

    @Test
    @DisplayName("an owner whose lease ran out may still finish the job while no one else has claimed it")
    void lateOwnerFinishesUnclaimedJob() {
        Job job = enqueueNow("p");
        claimOne(WORKER);
        clock().advance(LEASE.multipliedBy(3));

        assertThat(queue().complete(job.id(), WORKER, "slow but done")).isTrue();
        assertThat(claim(OTHER_WORKER, 10)).isEmpty();
    }

    @Test
    @DisplayName("a job whose lease ended is claimed in order with due pending jobs, by its run time")
    void expiredJobsQueueByRunTime() {
        enqueue("old", -100);
        claimOne(WORKER);
        enqueue("newer", -50);
        clock().advance(LEASE);

        assertThat(payloads(claim(OTHER_WORKER, 10))).containsExactly("old", "newer");
    }

    @Test
    @DisplayName("leases of different lengths end at their own times")
    void leasesOfDifferentLengths() {
        enqueueNow("short");
        enqueueNow("long");
        assertThat(queue().claim(WORKER, 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(queue().claim(WORKER, 1, Duration.ofHours(1))).hasSize(1);

        clock().advance(Duration.ofSeconds(10));
        Job shortJob = claimOne(OTHER_WORKER);
        assertThat(shortJob.payload()).isEqualTo("short");
        assertThat(queue().complete(shortJob.id(), OTHER_WORKER, "")).isTrue();
        clock().advance(Duration.ofHours(1));
        assertThat(payloads(claim(OTHER_WORKER, 10))).containsExactly("long");
    }
}
