package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.jobs.NewJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrent workers: no job is handed to two of them, nothing is lost between producers and consumers, and
 * racing enqueues of one key add one job. Threads start together at a barrier; every wait is bounded.
 */
abstract class JobConcurrencyRules extends JobRules {

    static final int JOBS = 1_000;
    static final int CLAIMERS = 8;
    static final int PRODUCERS = 4;
    static final int PRODUCED_EACH = 150;
    static final int RACERS = 8;
    static final int ROUNDS = 10;

    JobConcurrencyRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    @Test
    @DisplayName("8 workers claiming 1,000 due jobs at once, in batches of 1 to 8, never get the same job twice"
            + " nor more than their batch, and together get every job")
    void concurrentClaimsNeverOverlap() {
        Set<JobId> enqueued = new HashSet<>();
        for (int i = 0; i < JOBS; i++) {
            enqueued.add(enqueue("job " + i, -(i % 50)).id());
        }
        Map<JobId, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Callable<?>> workers = new ArrayList<>();
        for (int w = 0; w < CLAIMERS; w++) {
            String owner = "worker-" + w;
            int batch = 1 + w;
            workers.add(() -> {
                for (List<Job> claimed = queue().claim(owner, batch, LEASE); !claimed.isEmpty();
                        claimed = queue().claim(owner, batch, LEASE)) {
                    if (claimed.size() > batch) {
                        doubles.add(owner + " asked for at most " + batch + " jobs and got " + claimed.size());
                    }
                    for (Job job : claimed) {
                        String earlier = claimedBy.putIfAbsent(job.id(), owner);
                        if (earlier != null) {
                            doubles.add(job.id() + " by " + earlier + " and " + owner);
                        }
                        if (job.state() != JobState.RUNNING || !owner.equals(job.owner()) || job.attempts() != 1) {
                            doubles.add(job.id() + " claimed as " + job);
                        }
                    }
                }
                return null;
            });
        }

        rethrow(ConcurrencyRules.runTogether(workers));

        assertThat(doubles).as("jobs claimed twice or wrongly").isEmpty();
        assertThat(claimedBy.keySet()).isEqualTo(enqueued);
        for (Map.Entry<JobId, String> claimed : claimedBy.entrySet()) {
            assertThat(stored(claimed.getKey()).owner()).isEqualTo(claimed.getValue());
        }
    }

    @Test
    @DisplayName("4 producers enqueueing while 4 workers claim and complete: every job is processed exactly once")
    void producersAndConsumers() {
        Map<JobId, AtomicInteger> processed = new ConcurrentHashMap<>();
        Set<JobId> produced = ConcurrentHashMap.newKeySet();
        AtomicInteger producersLeft = new AtomicInteger(PRODUCERS);
        List<Callable<?>> tasks = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            tasks.add(() -> {
                for (int i = 0; i < PRODUCED_EACH; i++) {
                    produced.add(queue().enqueue(NewJob.of(KIND, producer + ":" + i, now())).id());
                }
                producersLeft.decrementAndGet();
                return null;
            });
        }
        for (int w = 0; w < 4; w++) {
            String owner = "consumer-" + w;
            tasks.add(() -> {
                while (true) {
                    boolean producing = producersLeft.get() > 0;
                    List<Job> claimed = queue().claim(owner, 5, LEASE);
                    if (claimed.isEmpty() && !producing) {
                        return null;
                    }
                    for (Job job : claimed) {
                        processed.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                        if (!queue().complete(job.id(), owner, "processed by " + owner)) {
                            throw new AssertionError("could not complete " + job.id() + " claimed by " + owner);
                        }
                    }
                    if (claimed.isEmpty()) {
                        Thread.yield();
                    }
                }
            });
        }

        rethrow(ConcurrencyRules.runTogether(tasks));

        assertThat(produced).hasSize(PRODUCERS * PRODUCED_EACH);
        assertThat(processed.keySet()).isEqualTo(produced);
        assertThat(processed.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(queue().countUnfinished(KIND)).isZero();
        for (JobId id : produced) {
            assertThat(stored(id).state()).isEqualTo(JobState.DONE);
        }
    }

    @Test
    @DisplayName("of many threads enqueueing one kind and key at once, all get the same job and one is stored")
    void racingEnqueuesOfOneKey() {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "https://source.example/" + round + "|https://blog.example/post";
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                NewJob job = NewJob.of(KIND, "racer " + r, now()).withDedupKey(key);
                tasks.add(() -> queue().enqueue(job));
            }

            Set<JobId> ids = new HashSet<>();
            for (Object outcome : ConcurrencyRules.runTogether(tasks)) {
                if (outcome instanceof Job job) {
                    ids.add(job.id());
                } else {
                    fail("round %d: an enqueue failed: %s", round, outcome);
                }
            }
            assertThat(ids).as("round %d: the jobs the racers got", round).hasSize(1);
        }
        assertThat(queue().countUnfinished(KIND)).isEqualTo(ROUNDS);
    }

    @Test
    @DisplayName("of many workers claiming one job whose lease just ended, exactly one gets it")
    void racingClaimsOfAnExpiredLease() {
        for (int round = 0; round < ROUNDS; round++) {
            Job job = enqueueNow("contended " + round);
            claimOne(WORKER);
            clock().advance(LEASE);
            List<Callable<?>> tasks = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                String owner = "racer-" + r;
                tasks.add(() -> queue().claim(owner, 1, LEASE));
            }

            int winners = 0;
            for (Object outcome : ConcurrencyRules.runTogether(tasks)) {
                if (outcome instanceof List<?> claimed) {
                    winners += claimed.size();
                } else {
                    fail("round %d: a claim failed: %s", round, outcome);
                }
            }
            assertThat(winners).as("round %d: workers that got the job", round).isEqualTo(1);
            Job taken = stored(job.id());
            assertThat(taken.attempts()).isEqualTo(2);
            assertThat(queue().complete(job.id(), taken.owner(), "")).isTrue();
        }
    }

    private static void rethrow(List<Object> outcomes) {
        for (Object outcome : outcomes) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a worker failed: " + failure, failure);
            }
        }
    }
}
