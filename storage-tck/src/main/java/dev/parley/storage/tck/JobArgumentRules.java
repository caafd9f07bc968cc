package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Misuse is an exception: null arguments, bad sizes and leases, over-long outcomes. */
abstract class JobArgumentRules extends JobRules {

    JobArgumentRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    @Test
    @DisplayName("null arguments are refused with NullPointerException")
    void nulls() {
        Job job = enqueueNow("p");
        assertThatThrownBy(() -> queue().enqueue(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().claim(null, 1, LEASE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().claim(WORKER, 1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().complete(null, WORKER, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().complete(job.id(), null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().complete(job.id(), WORKER, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().retry(job.id(), WORKER, null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().giveUp(job.id(), WORKER, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().find(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().countUnfinished(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().purgeFinished(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("a claim of 0 or more than MAX_CLAIM jobs, a blank owner, or a lease out of range is refused")
    void badClaims() {
        assertThatThrownBy(() -> queue().claim(WORKER, 0, LEASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max");
        assertThatThrownBy(() -> queue().claim(WORKER, JobQueue.MAX_CLAIM + 1, LEASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max");
        assertThatThrownBy(() -> queue().claim(" ", 1, LEASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> queue().claim("x".repeat(JobQueue.MAX_OWNER_LENGTH + 1), 1, LEASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
        assertThatThrownBy(() -> queue().claim(WORKER, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> queue().claim(WORKER, 1, JobQueue.MAX_LEASE.plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
    }

    @Test
    @DisplayName("an outcome or reason longer than MAX_OUTCOME_LENGTH is refused, and the job stays running")
    void longOutcome() {
        Job job = enqueueNow("p");
        claimOne(WORKER);
        String tooLong = "x".repeat(JobQueue.MAX_OUTCOME_LENGTH + 1);

        assertThatThrownBy(() -> queue().complete(job.id(), WORKER, tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> queue().giveUp(job.id(), WORKER, tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> queue().retry(job.id(), WORKER, now(), tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        org.assertj.core.api.Assertions.assertThat(stored(job.id()).state())
                .isEqualTo(dev.parley.storage.jobs.JobState.RUNNING);
    }
}
