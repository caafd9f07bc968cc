package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.NewJob;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deduplication keys: one waiting job per (kind, key). */
abstract class DedupRules extends JobRules {

    DedupRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    private Job enqueueKeyed(String kind, String payload, String key) {
        return queue().enqueue(NewJob.of(kind, payload, now()).withDedupKey(key));
    }

    @Test
    @DisplayName("while a job waits unclaimed, enqueueing its kind and key again returns it unchanged and adds nothing")
    void sameKeyWhileWaiting() {
        Job first = enqueueKeyed(KIND, "first", "source|target");

        Job second = enqueueKeyed(KIND, "second", "source|target");

        assertThat(second).isEqualTo(first);
        assertThat(queue().countUnfinished(KIND)).isEqualTo(1);
        assertThat(payloads(claim(WORKER, 10))).containsExactly("first");
    }

    @Test
    @DisplayName("the same key in another kind, or another key, is another job")
    void keysAreScopedByKind() {
        Job a = enqueueKeyed(KIND, "a", "key");
        Job b = enqueueKeyed("other-kind", "b", "key");
        Job c = enqueueKeyed(KIND, "c", "key2");
        Job d = enqueueNow("no key");
        Job e = enqueueNow("no key");

        assertThat(java.util.Set.of(a.id(), b.id(), c.id(), d.id(), e.id())).hasSize(5);
    }

    @Test
    @DisplayName("once the job is claimed, the same key queues a new job: work arriving during a run is not lost")
    void claimedJobReleasesItsKey() {
        Job first = enqueueKeyed(KIND, "first", "key");
        claimOne(WORKER);

        Job second = enqueueKeyed(KIND, "second", "key");
        Job third = enqueueKeyed(KIND, "third", "key");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(third).isEqualTo(second);
        assertThat(queue().countUnfinished(KIND)).isEqualTo(2);
    }

    @Test
    @DisplayName("a finished job's key does not stop a new job, nor does a retried job's")
    void finishedAndRetriedJobsReleaseTheirKeys() {
        Job done = enqueueKeyed(KIND, "done", "k1");
        Job retried = enqueueKeyed(KIND, "retried", "k2");
        claim(WORKER, 2);
        queue().complete(done.id(), WORKER, "");
        queue().retry(retried.id(), WORKER, now().plusSeconds(60), "later");

        assertThat(enqueueKeyed(KIND, "again", "k1").id()).isNotEqualTo(done.id());
        assertThat(enqueueKeyed(KIND, "again", "k2").id()).isNotEqualTo(retried.id());
    }

    @Test
    @DisplayName("keys are compared exactly: case, Unicode and the maximum length")
    void keysCompareExactly() {
        String longKey = "k".repeat(NewJob.MAX_DEDUP_KEY_LENGTH);
        Job upper = enqueueKeyed(KIND, "upper", "Key");
        Job lower = enqueueKeyed(KIND, "lower", "key");
        Job longest = enqueueKeyed(KIND, "long", longKey);
        Job almost = enqueueKeyed(KIND, "almost", longKey.substring(1) + "K");
        Job accent = enqueueKeyed(KIND, "accent", "café");
        Job decomposed = enqueueKeyed(KIND, "decomposed", "cafe\u0301");

        assertThat(java.util.Set.of(upper.id(), lower.id(), longest.id(), almost.id(), accent.id(), decomposed.id()))
                .hasSize(6);
        assertThat(enqueueKeyed(KIND, "again", longKey)).isEqualTo(longest);
        assertThat(stored(longest.id()).dedupKey()).isEqualTo(longKey);
    }
}
