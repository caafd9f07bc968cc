package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendResult;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every group of outbox rules shares: the outbox under test, the kit's clock, and small helpers. Each
 * {@code @Nested} class of {@link LinkbackOutboxContract} extends one subclass of this.
 */
abstract class OutboxRules {

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(1);
    static final String SOURCE = "https://blog.example/2030/01/a-post";
    static final String OTHER_SOURCE = "https://blog.example/2030/02/another-post";
    static final String WORKER = "instance-a/sender-1";
    static final String OTHER_WORKER = "instance-b/sender-1";

    private final Supplier<LinkbackOutbox> outboxes;
    private final SettableClock clock;

    OutboxRules(Supplier<LinkbackOutbox> outboxes, SettableClock clock) {
        this.outboxes = Objects.requireNonNull(outboxes, "outboxes must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    final LinkbackOutbox outbox() {
        return outboxes.get();
    }

    final JobQueue jobs() {
        return outbox().jobs();
    }

    final SettableClock clock() {
        return clock;
    }

    final Instant now() {
        return clock.instant();
    }

    static String target(String name) {
        return "https://" + name + ".example/post";
    }

    /** The targets named, in the order given (a set whose iteration order the kit controls). */
    static Set<String> targets(String... names) {
        Set<String> set = new LinkedHashSet<>();
        for (String name : names) {
            set.add(target(name));
        }
        return set;
    }

    static List<String> sorted(Set<String> targets) {
        return targets.stream().sorted().toList();
    }

    /** Plans {@code source} linking to {@code targets}, jobs due now. */
    final List<String> plan(String source, Set<String> targets) {
        return outbox().plan(source, targets, false, now());
    }

    final List<String> delete(String source) {
        return outbox().plan(source, Set.of(), true, now());
    }

    final long waitingSends() {
        return jobs().countUnfinished(LinkbackOutbox.SEND_KIND);
    }

    /** Claims every due send job for {@link #WORKER}, in claim order. */
    final List<Job> claimAllSends() {
        List<Job> all = new ArrayList<>();
        for (List<Job> batch = claimSends(WORKER); !batch.isEmpty(); batch = claimSends(WORKER)) {
            all.addAll(batch);
        }
        return all;
    }

    final List<Job> claimSends(String owner) {
        return jobs().claim(LinkbackOutbox.SEND_KIND, owner, JobQueue.MAX_CLAIM, LEASE);
    }

    /** Claims and completes every due send job: nothing waits any more. */
    final List<Job> sendAll() {
        List<Job> all = claimAllSends();
        for (Job job : all) {
            assertThat(jobs().complete(job.id(), WORKER, "sent")).isTrue();
        }
        return all;
    }

    static List<String> payloads(List<Job> jobs) {
        return jobs.stream().map(Job::payload).sorted().toList();
    }

    static String payload(String source, String target) {
        return source + "\n" + target;
    }

    static List<String> payloads(String source, List<String> targets) {
        return targets.stream().map(t -> payload(source, t)).sorted().toList();
    }

    final List<TargetRecord> records(String source) {
        return outbox().targets(source);
    }

    final TargetRecord record(String source, String target) {
        return records(source).stream().filter(r -> r.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no record of " + source + " -> " + target));
    }

    static List<String> live(List<TargetRecord> records) {
        return records.stream().filter(TargetRecord::live).map(TargetRecord::target).toList();
    }

    static List<String> earlier(List<TargetRecord> records) {
        return records.stream().filter(r -> !r.live()).map(TargetRecord::target).toList();
    }

    final SendResult sent(int attempts) {
        return new SendResult(SendStatus.SENT, "WEBMENTION", "https://receiver.example/webmention", 202,
                "https://receiver.example/status/1", null, attempts, now());
    }

    /** A record just queued at {@code at}: no result. */
    static TargetRecord queued(String source, String target, boolean live, Instant at) {
        return new TargetRecord(source, target, live, SendStatus.QUEUED, null, null, 0, null, null, 0, at);
    }
}
