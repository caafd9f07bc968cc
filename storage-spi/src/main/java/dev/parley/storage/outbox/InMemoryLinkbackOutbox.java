package dev.parley.storage.outbox;

import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.NewJob;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link LinkbackOutbox} of one JVM: records in memory, send jobs in an {@link InMemoryJobQueue}.
 *
 * <p>For tests, demos and single-instance hosts on the in-memory stores: nothing survives the JVM. A host running
 * several instances, or wanting sends to survive a restart, uses its database's outbox
 * ({@code JdbcLinkbackOutbox}).
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads: every method holds the outbox's lock for its whole
 * run, so each is atomic; a plan checks and builds every job before it changes anything, so it writes its
 * records and its jobs together or not at all. Each send is added, or its pending job moved, in one step of the
 * queue's lock ({@link InMemoryJobQueue#enqueueOrAdvance}). Records are immutable. Workers claim from the queue
 * without the outbox's lock.
 */
public final class InMemoryLinkbackOutbox implements LinkbackOutbox {

    private final Object lock = new Object();
    private final InMemoryJobQueue jobs;
    private final Clock clock;
    /** Records by source, then target. Guarded by the lock. */
    private final Map<String, Map<String, TargetRecord>> records = new HashMap<>();

    /**
     * Creates an empty outbox over {@code jobs}, reading the system UTC clock.
     *
     * @param jobs the queue for the send jobs, possibly shared with other kinds of work
     */
    public InMemoryLinkbackOutbox(InMemoryJobQueue jobs) {
        this(jobs, Clock.systemUTC());
    }

    /**
     * Creates an empty outbox over {@code jobs}.
     *
     * @param jobs the queue for the send jobs, possibly shared with other kinds of work
     * @param clock the clock whose time queued records carry; best the queue's own
     */
    public InMemoryLinkbackOutbox(InMemoryJobQueue jobs, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    @Override
    public List<String> plan(String source, Set<String> targets, boolean deleted, Instant runAt) {
        Instant at = LinkbackOutboxes.checkPlan(source, targets, deleted, runAt);
        synchronized (lock) {
            Map<String, TargetRecord> ofSource = records.getOrDefault(source, Map.of());
            LinkbackOutboxes.Plan plan = LinkbackOutboxes.plan(source, List.copyOf(ofSource.values()), targets,
                    deleted, now());
            List<NewJob> sends = new ArrayList<>(plan.queued().size());
            for (TargetRecord record : plan.queued()) {
                sends.add(LinkbackOutboxes.sendJob(source, record.target(), at));
            }
            if (plan.queued().isEmpty() && ofSource.isEmpty()) {
                return List.of();
            }
            Map<String, TargetRecord> updated = records.computeIfAbsent(source, s -> new HashMap<>());
            for (String target : plan.forgotten()) {
                updated.remove(target);
            }
            for (TargetRecord record : plan.queued()) {
                updated.put(record.target(), record);
            }
            for (NewJob send : sends) {
                jobs.enqueueOrAdvance(send);
            }
            return plan.targets();
        }
    }

    @Override
    public List<TargetRecord> targets(String source) {
        LinkbackOutboxes.checkUrl(source, "source");
        synchronized (lock) {
            Map<String, TargetRecord> ofSource = records.getOrDefault(source, Map.of());
            List<TargetRecord> list = new ArrayList<>(ofSource.values());
            list.sort(LinkbackOutboxes.targetOrder());
            return List.copyOf(list);
        }
    }

    @Override
    public boolean record(String source, String target, SendResult result) {
        LinkbackOutboxes.checkRecord(source, target, result);
        synchronized (lock) {
            Map<String, TargetRecord> ofSource = records.get(source);
            TargetRecord record = ofSource == null ? null : ofSource.get(target);
            if (record == null) {
                return false;
            }
            ofSource.put(target, record.with(result));
            return true;
        }
    }

    @Override
    public JobQueue jobs() {
        return jobs;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
