package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.jobs.NewJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code claim(kind, ...)}: the claim of one kind sees that kind's jobs only, and is otherwise a claim. */
abstract class KindClaimRules extends JobRules {

    static final String OTHER_KIND = "other-work";

    KindClaimRules(Supplier<JobQueue> queues, SettableClock clock) {
        super(queues, clock);
    }

    private Job enqueueOf(String kind, String payload, long secondsFromNow) {
        return queue().enqueue(NewJob.of(kind, payload, now().plusSeconds(secondsFromNow)));
    }

    private List<Job> claimOf(String kind, String owner, int max) {
        return queue().claim(kind, owner, max, LEASE);
    }

    @Test
    @DisplayName("a claim of one kind returns only due jobs of that kind, oldest first, and leaves the others"
            + " untouched")
    void onlyThatKind() {
        Job other = enqueueOf(OTHER_KIND, "other", -60);
        enqueueOf(KIND, "second", -10);
        enqueueOf(KIND, "first", -20);
        enqueueOf(KIND, "not yet", 10);

        List<Job> claimed = claimOf(KIND, WORKER, 10);

        assertThat(payloads(claimed)).containsExactly("first", "second");
        assertThat(claimed).allSatisfy(job -> {
            assertThat(job.kind()).isEqualTo(KIND);
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.owner()).isEqualTo(WORKER);
            assertThat(job.leaseUntil()).isEqualTo(now().plus(LEASE));
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(stored(job.id())).isEqualTo(job);
        });
        assertThat(stored(other.id())).isEqualTo(other);
        assertThat(claimOf(KIND, WORKER, 10)).isEmpty();
    }

    @Test
    @DisplayName("older jobs of other kinds do not crowd a kind's jobs out of a claim of max jobs")
    void otherKindsDoNotCrowdOut() {
        for (int i = 0; i < JobQueue.MAX_CLAIM + 20; i++) {
            enqueueOf(OTHER_KIND, "other " + i, -1_000);
        }
        for (int i = 0; i < 3; i++) {
            enqueueOf(KIND, "mine " + i, -i);
        }

        assertThat(payloads(claimOf(KIND, WORKER, 3))).containsExactly("mine 2", "mine 1", "mine 0");
        assertThat(queue().countUnfinished(OTHER_KIND)).isEqualTo(JobQueue.MAX_CLAIM + 20);
        assertThat(claimOf(OTHER_KIND, WORKER, JobQueue.MAX_CLAIM)).hasSize(JobQueue.MAX_CLAIM)
                .allSatisfy(job -> assertThat(job.kind()).isEqualTo(OTHER_KIND));
    }

    @Test
    @DisplayName("a claim of one kind returns at most max jobs, and the rest stay for the next claim")
    void atMostMax() {
        for (int i = 0; i < 5; i++) {
            enqueueOf(KIND, "job " + i, 0);
        }
        assertThat(claimOf(KIND, WORKER, 2)).hasSize(2);
        assertThat(claimOf(KIND, OTHER_WORKER, 2)).hasSize(2);
        assertThat(claimOf(KIND, WORKER, 2)).hasSize(1);
        assertThat(claimOf(KIND, WORKER, 2)).isEmpty();
    }

    @Test
    @DisplayName("kinds are compared exactly: another case or a prefix is another kind")
    void kindsCompareExactly() {
        enqueueOf("Test-Work", "upper", 0);
        enqueueOf("test-work-2", "longer", 0);
        enqueueOf("test", "prefix", 0);

        assertThat(claimOf(KIND, WORKER, 10)).isEmpty();
        assertThat(payloads(claimOf("Test-Work", WORKER, 10))).containsExactly("upper");
    }

    @Test
    @DisplayName("a job of the kind whose lease ended is claimed again by kind, and a kind-less claim sees every kind")
    void expiredLeasesAndKindlessClaims() {
        Job mine = enqueueOf(KIND, "mine", 0);
        Job other = enqueueOf(OTHER_KIND, "other", 0);
        claimOf(KIND, WORKER, 1);
        clock().advance(LEASE);

        List<Job> again = claimOf(KIND, OTHER_WORKER, 10);
        assertThat(again).extracting(Job::id).containsExactly(mine.id());
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertThat(claim(WORKER, 10)).extracting(Job::id).containsExactly(other.id());
    }

    @Test
    @DisplayName("a running job of the kind is claimed by no claim of that kind, nor by a kind-less one")
    void runningJobsStayLeased() {
        enqueueOf(KIND, "p", 0);
        claim(WORKER, 1);

        assertThat(claimOf(KIND, OTHER_WORKER, 10)).isEmpty();
        Job claimedByKind = enqueueOf(KIND, "q", 0);
        claimOf(KIND, WORKER, 1);
        assertThat(claim(OTHER_WORKER, 10)).isEmpty();
        assertThat(stored(claimedByKind.id()).owner()).isEqualTo(WORKER);
    }

    @Test
    @DisplayName("a null kind is refused with NullPointerException, a blank, over-long or control-character kind"
            + " with IllegalArgumentException, and the other arguments are checked as for claim")
    void badArguments() {
        assertThatThrownBy(() -> queue().claim(null, WORKER, 1, LEASE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().claim(" ", WORKER, 1, LEASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> queue().claim("k".repeat(NewJob.MAX_KIND_LENGTH + 1), WORKER, 1, LEASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> queue().claim("a\nb", WORKER, 1, LEASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> queue().claim(KIND, null, 1, LEASE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue().claim(KIND, WORKER, 0, LEASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max");
        assertThatThrownBy(() -> queue().claim(KIND, WORKER, JobQueue.MAX_CLAIM + 1, LEASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max");
        assertThatThrownBy(() -> queue().claim(KIND, WORKER, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> queue().claim(KIND, WORKER, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("4 workers claiming one kind and 4 claiming another, all at once, each get only their kind, no job"
            + " twice, and together every job")
    void racingClaimsOfTwoKinds() {
        Set<JobId> mine = new HashSet<>();
        Set<JobId> others = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            mine.add(enqueueOf(KIND, "mine " + i, -(i % 7)).id());
            others.add(enqueueOf(OTHER_KIND, "other " + i, -(i % 5)).id());
        }
        Map<JobId, String> claimedBy = new ConcurrentHashMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Callable<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String kind = w % 2 == 0 ? KIND : OTHER_KIND;
            String owner = kind + "-worker-" + w;
            int batch = 1 + w;
            workers.add(() -> {
                for (List<Job> claimed = claimOf(kind, owner, batch); !claimed.isEmpty();
                        claimed = claimOf(kind, owner, batch)) {
                    for (Job job : claimed) {
                        if (!job.kind().equals(kind)) {
                            wrong.add(owner + " got " + job);
                        }
                        String earlier = claimedBy.putIfAbsent(job.id(), owner);
                        if (earlier != null) {
                            wrong.add(job.id() + " by " + earlier + " and " + owner);
                        }
                    }
                }
                return null;
            });
        }

        for (Object outcome : ConcurrencyRules.runTogether(workers)) {
            if (outcome instanceof Throwable failure) {
                fail("a worker failed: " + failure, failure);
            }
        }

        assertThat(wrong).as("jobs claimed twice or by the wrong kind's workers").isEmpty();
        Set<JobId> all = new HashSet<>(mine);
        all.addAll(others);
        assertThat(claimedBy.keySet()).isEqualTo(all);
    }
}
