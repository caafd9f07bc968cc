package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.jobs.NewJob;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendResult;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Racing plans of one source, and workers on several "instances" claiming the send jobs of one store: every
 * send delivered exactly once, none lost, no other kind's job taken. Threads start together at a barrier; every
 * wait is bounded.
 */
abstract class OutboxConcurrencyRules extends OutboxRules {

    static final int PLANNERS = 6;
    static final int ROUNDS = 8;
    static final int SOURCES = 20;
    static final int TARGETS_EACH = 10;
    static final int OTHER_JOBS = 50;
    static final String OTHER_KIND = "webmention-verify";

    OutboxConcurrencyRules(Supplier<LinkbackOutbox> outboxes, SettableClock clock) {
        super(outboxes, clock);
    }

    @Test
    @DisplayName("6 threads planning one source at once, each with its own targets, end in the state one of them"
            + " left: its targets live, every other target planned recorded earlier, one waiting job per target")
    void racingPlansOfOneSource() {
        Set<String> everPlanned = new TreeSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Set<String>> sets = new ArrayList<>();
            List<Callable<?>> planners = new ArrayList<>();
            for (int p = 0; p < PLANNERS; p++) {
                Set<String> set = targets("shared", "round-" + round + "-planner-" + p + "-x",
                        "round-" + round + "-planner-" + p + "-y", "planner-" + p);
                sets.add(set);
                everPlanned.addAll(set);
                planners.add(() -> plan(SOURCE, set));
            }

            List<Object> outcomes = ConcurrencyRules.runTogether(planners);

            for (int p = 0; p < PLANNERS; p++) {
                Object outcome = outcomes.get(p);
                if (outcome instanceof Throwable failure) {
                    throw new AssertionError("round " + round + ": a plan failed: " + failure, failure);
                }
                @SuppressWarnings("unchecked")
                List<String> union = (List<String>) outcome;
                assertThat(union).as("round %d: the union planner %d got", round, p).containsAll(sets.get(p))
                        .isSorted();
            }
            List<TargetRecord> records = records(SOURCE);
            Set<String> live = new HashSet<>(live(records));
            assertThat(sets).as("round %d: the live targets %s are one planner's", round, live).contains(live);
            assertThat(records).extracting(TargetRecord::target).as("round %d: every target ever planned", round)
                    .containsExactlyInAnyOrderElementsOf(everPlanned);
            assertThat(records).allSatisfy(r -> assertThat(r.status()).isEqualTo(SendStatus.QUEUED));
            assertThat(waitingSends()).as("round %d: one waiting job per target", round)
                    .isEqualTo(everPlanned.size());
        }
        assertThat(payloads(claimAllSends())).containsExactlyElementsOf(payloads(SOURCE, List.copyOf(everPlanned)));
    }

    @Test
    @DisplayName("two workers on two instances claiming the 200 send jobs of one store deliver every send exactly"
            + " once, and never take another kind's job")
    void twoWorkersDeliverEachSendOnce() {
        Set<String> expected = new TreeSet<>();
        for (int s = 0; s < SOURCES; s++) {
            String source = "https://blog.example/post-" + s;
            for (String target : plan(source, numbered(s))) {
                expected.add(payload(source, target));
            }
        }
        List<JobId> others = enqueueOtherKind();
        assertThat(expected).hasSize(SOURCES * TARGETS_EACH);
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());

        runWorkers(List.of(worker(WORKER, delivered, wrong, () -> false),
                worker(OTHER_WORKER, delivered, wrong, () -> false)));

        assertDeliveredOnce(expected, delivered, wrong, others);
    }

    @Test
    @DisplayName("two workers delivering while a third thread plans 20 posts of 10 links: every send is delivered"
            + " exactly once, none lost")
    void workersRaceThePlanner() {
        List<JobId> others = enqueueOtherKind();
        Set<String> expected = ConcurrentHashMap.newKeySet();
        AtomicBoolean planning = new AtomicBoolean(true);
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        Callable<Object> planner = () -> {
            try {
                for (int s = 0; s < SOURCES; s++) {
                    String source = "https://blog.example/post-" + s;
                    for (String target : plan(source, numbered(s))) {
                        expected.add(payload(source, target));
                    }
                }
            } finally {
                planning.set(false);
            }
            return null;
        };

        runWorkers(List.of(planner, worker(WORKER, delivered, wrong, planning::get),
                worker(OTHER_WORKER, delivered, wrong, planning::get)));

        assertThat(expected).hasSize(SOURCES * TARGETS_EACH);
        assertDeliveredOnce(expected, delivered, wrong, others);
    }

    /**
     * A worker: claims send jobs in small batches, "delivers" each (counts it), records the result and completes
     * the job, until the queue is empty and {@code moreComing} says no more will come.
     */
    private Callable<Object> worker(String owner, Map<String, AtomicInteger> delivered, List<String> wrong,
            Supplier<Boolean> moreComing) {
        return () -> {
            while (true) {
                boolean more = moreComing.get();
                List<Job> claimed = jobs().claim(LinkbackOutbox.SEND_KIND, owner, 4, LEASE);
                if (claimed.isEmpty()) {
                    if (!more) {
                        return null;
                    }
                    Thread.yield();
                    continue;
                }
                for (Job job : claimed) {
                    if (!job.kind().equals(LinkbackOutbox.SEND_KIND) || !owner.equals(job.owner())) {
                        wrong.add(owner + " got " + job);
                        continue;
                    }
                    delivered.computeIfAbsent(job.payload(), p -> new AtomicInteger()).incrementAndGet();
                    int newline = job.payload().indexOf('\n');
                    String source = job.payload().substring(0, newline);
                    String target = job.payload().substring(newline + 1);
                    SendResult sent = new SendResult(SendStatus.SENT, "WEBMENTION", target + "/webmention", 202,
                            null, "delivered by " + owner, job.attempts(), now());
                    if (!outbox().record(source, target, sent)) {
                        wrong.add(owner + " found no record for " + job.payload());
                    }
                    if (!jobs().complete(job.id(), owner, "sent")) {
                        wrong.add(owner + " could not complete " + job.id());
                    }
                }
            }
        };
    }

    private List<JobId> enqueueOtherKind() {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < OTHER_JOBS; i++) {
            ids.add(jobs().enqueue(NewJob.of(OTHER_KIND, "other " + i, now().minusSeconds(i))).id());
        }
        return ids;
    }

    private static Set<String> numbered(int source) {
        Set<String> targets = new java.util.LinkedHashSet<>();
        for (int t = 0; t < TARGETS_EACH; t++) {
            targets.add("https://site-" + t + ".example/reply-to-" + source);
        }
        return targets;
    }

    private static void runWorkers(List<Callable<?>> tasks) {
        for (Object outcome : ConcurrencyRules.runTogether(tasks)) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a worker failed: " + failure, failure);
            }
        }
    }

    private void assertDeliveredOnce(Set<String> expected, Map<String, AtomicInteger> delivered, List<String> wrong,
            List<JobId> others) {
        assertThat(wrong).as("jobs claimed wrongly or not finished").isEmpty();
        assertThat(new TreeSet<>(delivered.keySet())).as("the sends delivered").isEqualTo(new TreeSet<>(expected));
        List<String> twice = delivered.entrySet().stream().filter(e -> e.getValue().get() != 1)
                .map(e -> e.getKey().replace('\n', ' ') + " x" + e.getValue().get()).toList();
        assertThat(twice).as("sends delivered more than once").isEmpty();
        assertThat(waitingSends()).isZero();
        for (String payload : expected) {
            int newline = payload.indexOf('\n');
            TargetRecord record = record(payload.substring(0, newline), payload.substring(newline + 1));
            assertThat(record.status()).as("the record of %s", payload).isEqualTo(SendStatus.SENT);
        }
        for (JobId id : others) {
            Job other = jobs().find(id).orElseThrow();
            assertThat(other.state()).as("another kind's job").isEqualTo(JobState.PENDING);
            assertThat(other.attempts()).isZero();
        }
        assertThat(jobs().countUnfinished(OTHER_KIND)).isEqualTo(OTHER_JOBS);
    }
}
