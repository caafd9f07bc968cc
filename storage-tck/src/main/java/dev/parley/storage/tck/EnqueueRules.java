package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.jobs.NewJob;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code enqueue} and {@code find}: what a new job looks like, read back exactly. */
abstract class EnqueueRules extends JobRules {

    EnqueueRules(Supplier<dev.parley.storage.jobs.JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    @Test
    @DisplayName("a new job is pending, never attempted, created now, with no owner, lease or outcome")
    void newJobIsPending() {
        Instant runAt = now().plusSeconds(30);
        Job job = queue().enqueue(NewJob.of(KIND, "payload", runAt));

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.attempts()).isZero();
        assertThat(job.kind()).isEqualTo(KIND);
        assertThat(job.payload()).isEqualTo("payload");
        assertThat(job.runAt()).isEqualTo(runAt);
        assertThat(job.createdAt()).isEqualTo(now());
        assertThat(job.updatedAt()).isEqualTo(now());
        assertThat(job.owner()).isNull();
        assertThat(job.leaseUntil()).isNull();
        assertThat(job.outcome()).isNull();
        assertThat(job.dedupKey()).isNull();
    }

    @Test
    @DisplayName("find returns the job exactly as enqueue returned it")
    void findReturnsWhatWasEnqueued() {
        Job job = queue().enqueue(NewJob.of(KIND, "p", now()).withDedupKey("key"));

        assertThat(queue().find(job.id())).contains(job);
    }

    @Test
    @DisplayName("find of an unknown id is empty")
    void findUnknown() {
        assertThat(queue().find(new JobId("no-such-job"))).isEmpty();
    }

    @Test
    @DisplayName("every enqueue gets its own id")
    void idsAreUnique() {
        Set<JobId> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(enqueueNow("same payload").id());
        }
        assertThat(ids).hasSize(100);
    }

    @Test
    @DisplayName("payloads round-trip exactly: empty, Unicode beyond the BMP, control characters, the maximum length")
    void payloadsRoundTrip() {
        String longest = "ü".repeat(NewJob.MAX_PAYLOAD_LENGTH);
        for (String payload : new String[] {"", "source=a&target=b", "emoji 😀 and 中文", "tab\tnewline\n", longest}) {
            Job job = enqueueNow(payload);
            assertThat(stored(job.id()).payload()).isEqualTo(payload);
        }
    }

    @Test
    @DisplayName("run times are kept to the microsecond, whatever finer time was given")
    void runTimesAreMicroseconds() {
        Instant fine = now().plusNanos(123_456_789);
        Job job = queue().enqueue(NewJob.of(KIND, "p", fine));

        assertThat(job.runAt()).isEqualTo(now().plusNanos(123_456_000));
        assertThat(stored(job.id()).runAt()).isEqualTo(job.runAt());
    }

    @Test
    @DisplayName("countUnfinished counts the pending and running jobs of one kind, due or not")
    void countUnfinished() {
        enqueueNow("a");
        enqueue("b", 3600);
        Job running = enqueueNow("c");
        queue().enqueue(NewJob.of("other-kind", "d", now()));
        assertThat(queue().countUnfinished(KIND)).isEqualTo(3);

        Job claimed = claim(WORKER, 10).stream().filter(j -> j.id().equals(running.id())).findFirst().orElseThrow();
        assertThat(queue().countUnfinished(KIND)).isEqualTo(3);
        queue().complete(claimed.id(), WORKER, "done");
        assertThat(queue().countUnfinished(KIND)).isEqualTo(2);
        assertThat(queue().countUnfinished("other-kind")).isEqualTo(1);
        assertThat(queue().countUnfinished("no-such-kind")).isZero();
    }
}
