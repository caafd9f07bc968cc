package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code complete}, {@code retry}, {@code giveUp} and {@code purgeFinished}: outcomes are kept. */
abstract class FinishRules extends JobRules {

    FinishRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    @Test
    @DisplayName("complete makes a running job done and keeps its outcome and the time")
    void complete() {
        Job job = enqueueNow("p");
        claimOne(WORKER);
        clock().advance(Duration.ofSeconds(5));

        assertThat(queue().complete(job.id(), WORKER, "linkback recorded")).isTrue();

        Job done = stored(job.id());
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.outcome()).isEqualTo("linkback recorded");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.updatedAt()).isEqualTo(now());
        assertThat(done.payload()).isEqualTo("p");
    }

    @Test
    @DisplayName("a job is completed once: completing it again returns false and changes nothing")
    void completeOnce() {
        Job job = enqueueNow("p");
        claimOne(WORKER);
        assertThat(queue().complete(job.id(), WORKER, "first")).isTrue();
        Job done = stored(job.id());

        assertThat(queue().complete(job.id(), WORKER, "second")).isFalse();
        assertThat(queue().giveUp(job.id(), WORKER, "second")).isFalse();
        assertThat(queue().retry(job.id(), WORKER, now(), "second")).isFalse();
        assertThat(stored(job.id())).isEqualTo(done);
    }

    @Test
    @DisplayName("a pending job that was never claimed cannot be completed, retried or given up")
    void pendingJobCannotFinish() {
        Job job = enqueueNow("p");

        assertThat(queue().complete(job.id(), WORKER, "x")).isFalse();
        assertThat(queue().retry(job.id(), WORKER, now(), "x")).isFalse();
        assertThat(queue().giveUp(job.id(), WORKER, "x")).isFalse();
        assertThat(stored(job.id())).isEqualTo(job);
    }

    @Test
    @DisplayName("finishing an unknown job returns false")
    void unknownJob() {
        JobId unknown = new JobId("no-such-job");
        assertThat(queue().complete(unknown, WORKER, "x")).isFalse();
        assertThat(queue().retry(unknown, WORKER, now(), "x")).isFalse();
        assertThat(queue().giveUp(unknown, WORKER, "x")).isFalse();
    }

    @Test
    @DisplayName("another owner cannot finish a job leased to someone else")
    void otherOwnerCannotFinish() {
        Job job = enqueueNow("p");
        Job claimed = claimOne(WORKER);

        assertThat(queue().complete(job.id(), OTHER_WORKER, "x")).isFalse();
        assertThat(queue().retry(job.id(), OTHER_WORKER, now(), "x")).isFalse();
        assertThat(queue().giveUp(job.id(), OTHER_WORKER, "x")).isFalse();
        assertThat(stored(job.id())).isEqualTo(claimed);
    }

    @Test
    @DisplayName("retry puts the job back as pending from the given time, keeping the reason and the attempts")
    void retry() {
        Job job = enqueueNow("p");
        claimOne(WORKER);
        Instant later = now().plusSeconds(90);

        assertThat(queue().retry(job.id(), WORKER, later, "source timed out")).isTrue();

        Job waiting = stored(job.id());
        assertThat(waiting.state()).isEqualTo(JobState.PENDING);
        assertThat(waiting.runAt()).isEqualTo(later);
        assertThat(waiting.outcome()).isEqualTo("source timed out");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(claim(OTHER_WORKER, 10)).isEmpty();

        clock().advance(Duration.ofSeconds(90));
        Job second = claimOne(OTHER_WORKER);
        assertThat(second.id()).isEqualTo(job.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.outcome()).as("the last failure's reason until the job finishes")
                .isEqualTo("source timed out");
        assertThat(queue().complete(job.id(), OTHER_WORKER, "recorded on the second attempt")).isTrue();
        assertThat(stored(job.id()).outcome()).isEqualTo("recorded on the second attempt");
    }

    @Test
    @DisplayName("give up keeps the job, with its reason, and takes it out of the queue")
    void giveUp() {
        Job job = enqueueNow("p");
        claimOne(WORKER);

        assertThat(queue().giveUp(job.id(), WORKER, "5 attempts failed: connection refused")).isTrue();

        Job abandoned = stored(job.id());
        assertThat(abandoned.state()).isEqualTo(JobState.GAVE_UP);
        assertThat(abandoned.outcome()).isEqualTo("5 attempts failed: connection refused");
        assertThat(queue().countUnfinished(KIND)).isZero();
    }

    @Test
    @DisplayName("outcomes of the maximum length and in any script are kept exactly")
    void longOutcome() {
        String outcome = "é😀".repeat(JobQueue.MAX_OUTCOME_LENGTH / 3);
        Job job = enqueueNow("p");
        claimOne(WORKER);

        assertThat(queue().complete(job.id(), WORKER, outcome)).isTrue();
        assertThat(stored(job.id()).outcome()).isEqualTo(outcome);
    }

    @Test
    @DisplayName("purgeFinished deletes finished jobs last changed before the cut-off, and nothing else")
    void purge() {
        Job oldDone = enqueueNow("old done");
        Job oldAbandoned = enqueueNow("old abandoned");
        Job running = enqueueNow("running");
        claim(WORKER, 3);
        queue().complete(oldDone.id(), WORKER, "");
        queue().giveUp(oldAbandoned.id(), WORKER, "");
        Job waiting = enqueueNow("waiting");
        clock().advance(Duration.ofDays(1));
        Instant cutOff = now();
        queue().complete(running.id(), WORKER, "recent");

        assertThat(queue().purgeFinished(cutOff)).isEqualTo(2);

        assertThat(queue().find(oldDone.id())).isEmpty();
        assertThat(queue().find(oldAbandoned.id())).isEmpty();
        assertThat(queue().find(running.id())).isPresent();
        assertThat(queue().find(waiting.id())).contains(waiting);
        assertThat(queue().purgeFinished(cutOff)).isZero();
    }
}
