package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code plan}: which targets are queued, what their records and jobs look like. */
abstract class OutboxPlanRules extends OutboxRules {

    OutboxPlanRules(Supplier<LinkbackOutbox> outboxes, SettableClock clock) {
        super(outboxes, clock);
    }

    @Test
    @DisplayName("a first publish queues every target: live records, QUEUED with no result, one send job each with"
            + " the source and target as payload and key, due at run at")
    void firstPublish() {
        Instant runAt = now().plusSeconds(30).plusNanos(123_456_789);
        Instant plannedAt = now().plusNanos(1_001);
        clock().set(plannedAt);

        List<String> queued = outbox().plan(SOURCE, targets("c", "a", "b"), false, runAt);

        assertThat(queued).containsExactly(target("a"), target("b"), target("c"));
        Instant recorded = plannedAt.minusNanos(1);
        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("a"), true, recorded),
                queued(SOURCE, target("b"), true, recorded), queued(SOURCE, target("c"), true, recorded));
        assertThat(waitingSends()).isEqualTo(3);
        assertThat(claimAllSends()).as("no send is due before run at").isEmpty();
        clock().set(runAt.minusNanos(789));
        List<Job> jobs = claimAllSends();
        assertThat(payloads(jobs)).containsExactlyElementsOf(payloads(SOURCE, queued));
        for (Job job : jobs) {
            String target = job.payload().substring(SOURCE.length() + 1);
            assertThat(job.kind()).isEqualTo(LinkbackOutbox.SEND_KIND);
            assertThat(job.dedupKey()).isEqualTo(SOURCE + " " + target);
            assertThat(job.runAt()).isEqualTo(runAt.minusNanos(789));
            assertThat(job.attempts()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("an update queues the union of the old and the new targets; removed ones stay recorded with live"
            + " false")
    void updateQueuesTheUnion() {
        plan(SOURCE, targets("a", "b"));
        sendAll();
        clock().advance(Duration.ofMinutes(5));

        List<String> queued = plan(SOURCE, targets("b", "c"));

        assertThat(queued).containsExactly(target("a"), target("b"), target("c"));
        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("b"), true, now()),
                queued(SOURCE, target("c"), true, now()), queued(SOURCE, target("a"), false, now()));
        assertThat(payloads(claimAllSends())).containsExactlyElementsOf(payloads(SOURCE, queued));
    }

    @Test
    @DisplayName("a delete queues every recorded target, live or removed before, and leaves none live; a second"
            + " delete tells them all again")
    void deleteQueuesEveryRecordedTarget() {
        plan(SOURCE, targets("a", "b"));
        plan(SOURCE, targets("b", "c"));
        sendAll();
        assertThat(outbox().record(SOURCE, target("a"), sent(1))).isTrue();
        clock().advance(Duration.ofMinutes(5));

        List<String> queued = delete(SOURCE);

        assertThat(queued).containsExactly(target("a"), target("b"), target("c"));
        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("a"), false, now()),
                queued(SOURCE, target("b"), false, now()), queued(SOURCE, target("c"), false, now()));
        assertThat(payloads(claimAllSends())).containsExactlyElementsOf(payloads(SOURCE, queued));
        assertThat(delete(SOURCE)).as("a second delete tells every target again").isEqualTo(queued);
        assertThat(waitingSends()).isEqualTo(6);
        assertThat(live(records(SOURCE))).isEmpty();
    }

    @Test
    @DisplayName("planning the same targets again queues them again, with the last results cleared")
    void replanQueuesAgain() {
        plan(SOURCE, targets("a"));
        sendAll();
        outbox().record(SOURCE, target("a"), sent(1));
        clock().advance(Duration.ofSeconds(1));

        assertThat(plan(SOURCE, targets("a"))).containsExactly(target("a"));

        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("a"), true, now()));
        assertThat(payloads(claimAllSends())).containsExactly(payload(SOURCE, target("a")));
    }

    @Test
    @DisplayName("while a send waits unclaimed, planning it again adds no job and leaves the waiting one as it is")
    void waitingSendsAreDeduplicated() {
        Instant first = now().plusSeconds(10);
        outbox().plan(SOURCE, targets("a", "b"), false, first);
        outbox().plan(SOURCE, targets("a", "b", "c"), false, now().plusSeconds(60));

        assertThat(waitingSends()).isEqualTo(3);
        clock().set(first);
        assertThat(payloads(claimAllSends())).containsExactly(payload(SOURCE, target("a")),
                payload(SOURCE, target("b")));
    }

    @Test
    @DisplayName("while a send waits unclaimed, a plan with an earlier run time moves it there; a later one leaves"
            + " it")
    void waitingSendsMoveToAnEarlierRunTime() {
        Instant late = now().plusSeconds(600);
        Instant early = now().plusSeconds(10);
        outbox().plan(SOURCE, targets("a"), false, late);
        outbox().plan(SOURCE, targets("a"), false, early);
        outbox().plan(SOURCE, targets("a"), false, late.plusSeconds(600));

        assertThat(waitingSends()).isEqualTo(1);
        clock().set(early);
        List<Job> jobs = claimAllSends();
        assertThat(payloads(jobs)).containsExactly(payload(SOURCE, target("a")));
        assertThat(jobs.get(0).runAt()).isEqualTo(early);
    }

    @Test
    @DisplayName("while a send waits out the back-off of a retry, planning it again adds no job: the waiting one"
            + " moves to the plan's run time if that is earlier, keeping its attempts, and goes out once")
    void sendsInBackOffAreNotDoubled() {
        plan(SOURCE, targets("a", "b"));
        List<Job> first = claimAllSends();
        Instant backOff = now().plus(Duration.ofHours(1));
        for (Job job : first) {
            assertThat(jobs().retry(job.id(), WORKER, backOff, "connection refused")).isTrue();
        }
        Job a = first.stream().filter(j -> j.payload().equals(payload(SOURCE, target("a")))).findFirst()
                .orElseThrow();
        Job b = first.stream().filter(j -> j.payload().equals(payload(SOURCE, target("b")))).findFirst()
                .orElseThrow();
        clock().advance(Duration.ofMinutes(1));
        Instant update = now();

        assertThat(outbox().plan(SOURCE, targets("a"), false, update)).containsExactly(target("a"), target("b"));
        assertThat(outbox().plan(SOURCE, targets("a"), false, backOff.plus(Duration.ofHours(1))))
                .as("a plan later than the back-off leaves the run time").containsExactly(target("a"));

        assertThat(waitingSends()).isEqualTo(2);
        Job waitingA = jobs().find(a.id()).orElseThrow();
        assertThat(waitingA.state()).isEqualTo(JobState.PENDING);
        assertThat(waitingA.runAt()).isEqualTo(update);
        assertThat(waitingA.attempts()).isEqualTo(1);
        assertThat(jobs().find(b.id()).orElseThrow().runAt()).isEqualTo(update);
        List<Job> resent = claimAllSends();
        assertThat(resent).extracting(Job::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(resent).extracting(Job::attempts).containsOnly(2);
        for (Job job : resent) {
            assertThat(jobs().complete(job.id(), WORKER, "sent")).isTrue();
        }
        clock().set(backOff.plus(Duration.ofHours(3)));
        assertThat(claimAllSends()).as("no second send of the same post").isEmpty();
    }

    @Test
    @DisplayName("updates and a delete during the back-off of many retried sends leave one pending send per"
            + " target")
    void onePendingSendPerTarget() {
        Set<String> many = numbered("many", 50);
        plan(SOURCE, many);
        for (Job job : claimAllSends()) {
            assertThat(jobs().retry(job.id(), WORKER, now().plus(Duration.ofMinutes(10)), "503")).isTrue();
        }

        plan(SOURCE, many);
        delete(SOURCE);

        assertThat(waitingSends()).isEqualTo(50);
        assertThat(payloads(claimAllSends())).containsExactlyElementsOf(payloads(SOURCE, sorted(many)));
    }

    @Test
    @DisplayName("once a send is claimed, planning it again queues a new job: a change during a send is not lost")
    void claimedSendsAreQueuedAnew() {
        plan(SOURCE, targets("a"));
        Job running = claimAllSends().get(0);

        plan(SOURCE, targets("a"));

        assertThat(waitingSends()).isEqualTo(2);
        assertThat(jobs().find(running.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        assertThat(claimAllSends()).extracting(Job::id).doesNotContain(running.id()).hasSize(1);
    }

    @Test
    @DisplayName("the union is returned sorted in String order, whatever order the targets came in")
    void unionIsSorted() {
        Set<String> targets = new LinkedHashSet<>(List.of("https://b.example/", "https://B.example/",
                "https://a.example/z", "https://a.example/", "https://\u00e9.example/", "https://a.example/%C3%A9",
                "https://\uD83D\uDE00.example/"));

        List<String> queued = plan(SOURCE, targets);

        assertThat(queued).isEqualTo(sorted(targets)).hasSize(7);
    }

    @Test
    @DisplayName("a target linked again after its removal is live again")
    void relinkedTargetIsLiveAgain() {
        plan(SOURCE, targets("a", "b"));
        plan(SOURCE, targets("b"));
        assertThat(earlier(records(SOURCE))).containsExactly(target("a"));

        assertThat(plan(SOURCE, targets("a"))).containsExactly(target("a"), target("b"));

        assertThat(live(records(SOURCE))).containsExactly(target("a"));
        assertThat(earlier(records(SOURCE))).containsExactly(target("b"));
    }

    @Test
    @DisplayName("an update to no targets tells the live ones and leaves none live; a source never planned with no"
            + " targets changes nothing")
    void emptyPlans() {
        assertThat(plan(SOURCE, Set.of())).isEmpty();
        assertThat(delete(OTHER_SOURCE)).isEmpty();
        assertThat(records(SOURCE)).isEmpty();
        assertThat(waitingSends()).isZero();

        plan(SOURCE, targets("a"));
        sendAll();
        assertThat(plan(SOURCE, Set.of())).containsExactly(target("a"));
        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("a"), false, now()));
    }

    @Test
    @DisplayName("sources are independent: the same target of two sources is two records and two jobs")
    void sourcesAreIndependent() {
        plan(SOURCE, targets("a", "b"));
        plan(OTHER_SOURCE, targets("a"));
        delete(OTHER_SOURCE);

        assertThat(live(records(SOURCE))).containsExactly(target("a"), target("b"));
        assertThat(earlier(records(OTHER_SOURCE))).containsExactly(target("a"));
        assertThat(payloads(claimAllSends())).containsExactly(payload(SOURCE, target("a")),
                payload(SOURCE, target("b")), payload(OTHER_SOURCE, target("a")));
    }

    @Test
    @DisplayName("a plan whose union would exceed MAX_TARGETS is refused with IllegalArgumentException, nothing"
            + " changed")
    void unionBeyondTheBoundIsRefused() {
        int half = LinkbackOutbox.MAX_TARGETS / 2 + 100;
        plan(SOURCE, numbered("old", half));
        List<TargetRecord> before = records(SOURCE);
        long waiting = waitingSends();

        assertThatThrownBy(() -> plan(SOURCE, numbered("new", half))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(LinkbackOutbox.MAX_TARGETS));

        assertThat(records(SOURCE)).isEqualTo(before);
        assertThat(waitingSends()).isEqualTo(waiting);
    }

    @Test
    @DisplayName("a source keeps at most MAX_TARGETS records: a plan forgets the oldest earlier targets it does not"
            + " queue, by time then target")
    void oldestEarlierTargetsAreForgotten() {
        int count = LinkbackOutbox.MAX_TARGETS / 2 + 100;
        Set<String> first = numbered("first", count);
        plan(SOURCE, first);
        plan(SOURCE, Set.of());
        clock().advance(Duration.ofSeconds(1));
        Set<String> second = numbered("second", count);
        plan(SOURCE, second);
        clock().advance(Duration.ofSeconds(1));

        assertThat(plan(SOURCE, Set.of())).isEqualTo(sorted(second));

        List<TargetRecord> records = records(SOURCE);
        assertThat(records).hasSize(LinkbackOutbox.MAX_TARGETS);
        List<String> kept = new ArrayList<>(sorted(second));
        List<String> firstSorted = sorted(first);
        kept.addAll(firstSorted.subList(2 * count - LinkbackOutbox.MAX_TARGETS, count));
        assertThat(earlier(records)).isEqualTo(kept.stream().sorted().toList());
        assertThat(records).filteredOn(r -> r.status() == SendStatus.QUEUED).hasSize(LinkbackOutbox.MAX_TARGETS);
    }

    @Test
    @DisplayName("a delete tells all MAX_TARGETS records, live and earlier, and a source's records stay within"
            + " MAX_TARGETS through the plans after it")
    void deleteOfAFullSourceStaysWithinTheBound() {
        Set<String> first = numbered("first", 600);
        plan(SOURCE, first);
        plan(SOURCE, Set.of());
        clock().advance(Duration.ofSeconds(1));
        Set<String> second = numbered("second", LinkbackOutbox.MAX_TARGETS - 600);
        plan(SOURCE, second);
        sendAll();
        assertThat(records(SOURCE)).hasSize(LinkbackOutbox.MAX_TARGETS);
        clock().advance(Duration.ofSeconds(1));

        List<String> told = delete(SOURCE);

        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        assertThat(told).isEqualTo(sorted(all));
        assertThat(records(SOURCE)).hasSize(LinkbackOutbox.MAX_TARGETS)
                .allMatch(r -> !r.live() && r.status() == SendStatus.QUEUED && r.updatedAt().equals(now()));
        assertThat(waitingSends()).isEqualTo(LinkbackOutbox.MAX_TARGETS);

        clock().advance(Duration.ofSeconds(1));
        Set<String> third = numbered("third", 300);
        assertThat(plan(SOURCE, third)).isEqualTo(sorted(third));
        List<TargetRecord> records = records(SOURCE);
        assertThat(records).hasSize(LinkbackOutbox.MAX_TARGETS);
        assertThat(live(records)).isEqualTo(sorted(third));
        assertThat(earlier(records)).isEqualTo(sorted(all).subList(300, LinkbackOutbox.MAX_TARGETS));
    }

    static Set<String> numbered(String prefix, int count) {
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            set.add("https://" + prefix + ".example/" + i);
        }
        return set;
    }
}
