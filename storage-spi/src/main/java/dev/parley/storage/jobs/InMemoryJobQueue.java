package dev.parley.storage.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link JobQueue} of one JVM: every job in memory, behind one lock.
 *
 * <p>For tests, demos and single-instance hosts on the in-memory comment store: nothing survives the JVM, and
 * other instances cannot see the queue. A host running several instances uses the queue of its database
 * store ({@code JdbcJobQueue}).
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads: every method holds the queue's lock for its whole
 * run, so each is atomic. Jobs are immutable records.
 */
public final class InMemoryJobQueue implements JobQueue {

    private static final Comparator<Entry> DUE_ORDER =
            Comparator.comparing((Entry e) -> e.job.runAt()).thenComparingLong(e -> e.sequence);

    private final Object lock = new Object();
    private final Clock clock;
    private final Map<JobId, Entry> jobs = new HashMap<>();
    /** Unfinished jobs by the time they become claimable: the run time, or the lease end while running. */
    private final TreeMap<DueKey, Entry> byDue = new TreeMap<>();
    private final Map<PendingKey, JobId> waitingByDedupKey = new HashMap<>();
    /** Pending jobs with a key, waiting unclaimed or put back by a retry, in the order they became pending. */
    private final Map<PendingKey, Set<Entry>> pendingByDedupKey = new HashMap<>();
    private long sequence;

    /**
     * Creates an empty queue on the system UTC clock.
     */
    public InMemoryJobQueue() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an empty queue.
     *
     * @param clock the clock run times and leases are compared with
     */
    public InMemoryJobQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    @Override
    public Job enqueue(NewJob job) {
        Objects.requireNonNull(job, "job must not be null");
        synchronized (lock) {
            PendingKey pendingKey = job.dedupKey() == null ? null : new PendingKey(job.kind(), job.dedupKey());
            if (pendingKey != null) {
                JobId waiting = waitingByDedupKey.get(pendingKey);
                if (waiting != null) {
                    return jobs.get(waiting).job;
                }
            }
            Instant now = now();
            Job stored = new Job(JobId.random(), job.kind(), job.payload(), job.dedupKey(), JobState.PENDING, 0, now,
                    job.runAt(), null, null, null, now);
            Entry entry = new Entry(stored, ++sequence);
            jobs.put(stored.id(), entry);
            byDue.put(entry.dueKey(), entry);
            indexPending(entry);
            if (pendingKey != null) {
                waitingByDedupKey.put(pendingKey, stored.id());
            }
            return stored;
        }
    }

    /**
     * Adds a job as {@link #enqueue} does, unless a job of the same kind and deduplication key is
     * {@link JobState#PENDING}, whether it waits unclaimed or was put back by {@link #retry} and waits out its
     * back-off: then nothing is added, and that job (the first to become pending, if several are) is moved to
     * {@code job}'s run time if that is earlier, its attempts and outcome kept. Not part of {@link JobQueue}:
     * for {@code InMemoryLinkbackOutbox}, whose send of a changed post must go out once, soon, rather than twice.
     *
     * @param job the job, with a deduplication key
     * @return the job as now stored: the new one, or the pending one with the same key
     * @throws NullPointerException if {@code job} is null
     * @throws IllegalArgumentException if {@code job} has no deduplication key
     */
    public Job enqueueOrAdvance(NewJob job) {
        Objects.requireNonNull(job, "job must not be null");
        if (job.dedupKey() == null) {
            throw new IllegalArgumentException("a job advanced by its deduplication key must have one");
        }
        synchronized (lock) {
            Set<Entry> pending = pendingByDedupKey.get(new PendingKey(job.kind(), job.dedupKey()));
            if (pending == null) {
                return enqueue(job);
            }
            Entry entry = pending.iterator().next();
            Job found = entry.job;
            if (!job.runAt().isBefore(found.runAt())) {
                return found;
            }
            Job advanced = new Job(found.id(), found.kind(), found.payload(), found.dedupKey(), found.state(),
                    found.attempts(), found.createdAt(), job.runAt(), found.owner(), found.leaseUntil(),
                    found.outcome(), now());
            replace(entry, advanced);
            return advanced;
        }
    }

    @Override
    public List<Job> claim(String owner, int max, Duration lease) {
        JobQueues.checkClaim(owner, max, lease);
        return claimDue(null, owner, max, lease);
    }

    @Override
    public List<Job> claim(String kind, String owner, int max, Duration lease) {
        JobQueues.checkClaim(kind, owner, max, lease);
        return claimDue(kind, owner, max, lease);
    }

    /** Claims due jobs of {@code kind}, or of any kind if it is null. */
    private List<Job> claimDue(String kind, String owner, int max, Duration lease) {
        synchronized (lock) {
            Instant now = now();
            List<Entry> due = new ArrayList<>();
            for (Entry entry : byDue.values()) {
                if (entry.dueKey().due().isAfter(now) || due.size() == max) {
                    break;
                }
                if (kind == null || kind.equals(entry.job.kind())) {
                    due.add(entry);
                }
            }
            due.sort(DUE_ORDER);
            Instant leaseUntil = JobChecks.instant(now.plus(lease), "lease end");
            List<Job> claimed = new ArrayList<>(due.size());
            for (Entry entry : due) {
                Job job = entry.job;
                if (job.dedupKey() != null && job.state() == JobState.PENDING && job.attempts() == 0) {
                    waitingByDedupKey.remove(new PendingKey(job.kind(), job.dedupKey()), job.id());
                }
                Job running = new Job(job.id(), job.kind(), job.payload(), job.dedupKey(), JobState.RUNNING,
                        job.attempts() + 1, job.createdAt(), job.runAt(), owner, leaseUntil, job.outcome(), now);
                replace(entry, running);
                claimed.add(running);
            }
            return List.copyOf(claimed);
        }
    }

    @Override
    public boolean complete(JobId id, String owner, String outcome) {
        JobQueues.checkFinish(id, owner, outcome, "outcome");
        return finish(id, owner, JobState.DONE, null, outcome);
    }

    @Override
    public boolean retry(JobId id, String owner, Instant runAt, String reason) {
        JobQueues.checkFinish(id, owner, reason, "reason");
        Instant at = JobQueues.checkRunAt(runAt);
        return finish(id, owner, JobState.PENDING, at, reason);
    }

    @Override
    public boolean giveUp(JobId id, String owner, String reason) {
        JobQueues.checkFinish(id, owner, reason, "reason");
        return finish(id, owner, JobState.GAVE_UP, null, reason);
    }

    @Override
    public Optional<Job> find(JobId id) {
        Objects.requireNonNull(id, "id must not be null");
        synchronized (lock) {
            Entry entry = jobs.get(id);
            return entry == null ? Optional.empty() : Optional.of(entry.job);
        }
    }

    @Override
    public long countUnfinished(String kind) {
        Objects.requireNonNull(kind, "kind must not be null");
        synchronized (lock) {
            return byDue.values().stream().filter(e -> e.job.kind().equals(kind)).count();
        }
    }

    @Override
    public int purgeFinished(Instant before) {
        Objects.requireNonNull(before, "before must not be null");
        synchronized (lock) {
            int purged = 0;
            for (var it = jobs.values().iterator(); it.hasNext();) {
                Job job = it.next().job;
                if (job.state().finished() && job.updatedAt().isBefore(before)) {
                    it.remove();
                    purged++;
                }
            }
            return purged;
        }
    }

    private boolean finish(JobId id, String owner, JobState state, Instant runAt, String outcome) {
        synchronized (lock) {
            Entry entry = jobs.get(id);
            if (entry == null || entry.job.state() != JobState.RUNNING || !owner.equals(entry.job.owner())) {
                return false;
            }
            Job job = entry.job;
            Job changed = new Job(job.id(), job.kind(), job.payload(), job.dedupKey(), state, job.attempts(),
                    job.createdAt(), runAt == null ? job.runAt() : runAt, job.owner(), job.leaseUntil(), outcome,
                    now());
            replace(entry, changed);
            return true;
        }
    }

    /** Swaps an entry's job, keeping the due and pending indexes in step. Holds the lock. */
    private void replace(Entry entry, Job changed) {
        byDue.remove(entry.dueKey());
        boolean wasPending = entry.job.state() == JobState.PENDING;
        if (wasPending && changed.state() != JobState.PENDING) {
            unindexPending(entry);
        }
        entry.job = changed;
        if (!changed.state().finished()) {
            byDue.put(entry.dueKey(), entry);
        }
        if (!wasPending) {
            indexPending(entry);
        }
    }

    /** Adds a pending job with a key to the pending index. Holds the lock. */
    private void indexPending(Entry entry) {
        Job job = entry.job;
        if (job.state() == JobState.PENDING && job.dedupKey() != null) {
            pendingByDedupKey.computeIfAbsent(new PendingKey(job.kind(), job.dedupKey()),
                    k -> new LinkedHashSet<>()).add(entry);
        }
    }

    /** Removes a job, pending until now, from the pending index. Holds the lock. */
    private void unindexPending(Entry entry) {
        Job job = entry.job;
        if (job.dedupKey() == null) {
            return;
        }
        PendingKey key = new PendingKey(job.kind(), job.dedupKey());
        Set<Entry> pending = pendingByDedupKey.get(key);
        if (pending != null && pending.remove(entry) && pending.isEmpty()) {
            pendingByDedupKey.remove(key);
        }
    }

    private Instant now() {
        return JobChecks.instant(clock.instant(), "clock time");
    }

    /** A job and its enqueue order, which breaks ties between equal times. Guarded by the lock. */
    private static final class Entry {
        Job job;
        final long sequence;

        Entry(Job job, long sequence) {
            this.job = job;
            this.sequence = sequence;
        }

        DueKey dueKey() {
            Instant due = job.state() == JobState.RUNNING ? job.leaseUntil() : job.runAt();
            return new DueKey(due, sequence);
        }
    }

    private record DueKey(Instant due, long sequence) implements Comparable<DueKey> {
        @Override
        public int compareTo(DueKey other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private record PendingKey(String kind, String dedupKey) {
    }
}
