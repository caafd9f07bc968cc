package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobQueues;
import dev.parley.storage.jobs.NewJob;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webmention verification as durable background jobs: the servlet {@linkplain #offer enqueues} a mention and
 * answers 202; worker threads on every instance claim mentions from the shared {@link JobQueue} with a lease,
 * verify and record them, and complete the job.
 *
 * <p>On a database queue nothing is lost to a restart or a crash: a job still pending waits in the table,
 * and one whose worker died is claimed again when its lease ends. Two instances never verify one job at once;
 * a job that fails for a reason other than the mention itself (the database was down) is retried with
 * exponential back-off and given up after {@value #MAX_ATTEMPTS} attempts, its reason kept. While a mention
 * of the same source and target waits unclaimed, sending it again queues nothing more.
 *
 * <p>The backlog is bounded: when {@code capacity} mentions are unfinished (waiting or being verified, on any
 * instance), {@link #offer} refuses and the servlet answers 503 with {@code Retry-After}, instead of letting a
 * flood of mentions grow the table without limit. The count and the insert are two statements, so racing
 * instances may pass the bound by a few.
 *
 * <p>Workers poll the queue every {@code pollInterval} and are woken at once by a mention offered on their
 * own instance.
 *
 * <p>Thread-safe.
 */
public final class WebmentionQueue implements AutoCloseable {

    /** The job kind of a queued Webmention. */
    public static final String KIND = "webmention";
    /** Attempts before a failing verification is given up. */
    public static final int MAX_ATTEMPTS = 5;
    /** How long a worker holds a job: far longer than a verification's fetch may take. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(WebmentionQueue.class);

    private final JobQueue jobs;
    private final int workers;
    private final int capacity;
    private final Clock clock;
    private final Duration pollInterval;
    private final Backoff backoff = Backoff.exponential(Duration.ofSeconds(30), Duration.ofHours(1));
    private final String instance = UUID.randomUUID().toString();
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /**
     * Creates the queue; {@link #start(LinkbackRecorder)} starts its workers.
     *
     * @param jobs the job queue, shared by every instance when it is a database's
     * @param workers how many verifications this instance runs at once, 1..64
     * @param capacity how many mentions may be unfinished across all instances, 1..100,000
     * @param clock the clock run times are set by
     * @param pollInterval how often an idle worker looks for jobs other instances queued
     * @throws IllegalArgumentException naming the bad argument(s)
     */
    public WebmentionQueue(JobQueue jobs, int workers, int capacity, Clock clock, Duration pollInterval) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        List<String> problems = new ArrayList<>();
        if (workers < 1 || workers > 64) {
            problems.add("workers must be 1..64, was " + workers);
        }
        if (capacity < 1 || capacity > 100_000) {
            problems.add("capacity must be 1..100000, was " + capacity);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            problems.add("pollInterval must be positive, was " + pollInterval);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.workers = workers;
        this.capacity = capacity;
    }

    /**
     * Starts the worker threads (daemon threads, so they never keep the JVM alive).
     *
     * @param recorder verifies and records each mention
     * @throws IllegalStateException if started before or closed
     */
    public synchronized void start(LinkbackRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        if (!threads.isEmpty() || closed) {
            throw new IllegalStateException("the webmention queue is already started or closed");
        }
        for (int i = 1; i <= workers; i++) {
            String owner = instance + "/webmention-" + i;
            Thread thread = new Thread(() -> work(owner, recorder), "webmention-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Queues a mention for verification.
     *
     * @param source the page that links
     * @param target the post it links to
     * @param client who sent it
     * @return {@code true} if queued (or already waiting), {@code false} if the backlog is full or the queue closed
     */
    public boolean offer(String source, String target, ClientContext client) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(client, "client");
        if (closed || jobs.countUnfinished(KIND) >= capacity) {
            return false;
        }
        jobs.enqueue(job(source, target, client, clock.instant()));
        wakeUps.release();
        return true;
    }

    /** The job of one mention: its fields form-encoded, deduplicated by source and target. */
    static NewJob job(String source, String target, ClientContext client, java.time.Instant runAt) {
        Map<String, String> fields = new HashMap<>();
        fields.put("source", source);
        fields.put("target", target);
        if (client.ip() != null) {
            fields.put("ip", client.ip());
        }
        if (client.userAgent() != null) {
            fields.put("ua", client.userAgent());
        }
        return NewJob.of(KIND, encode(fields), runAt).withDedupKey(source + "\n" + target);
    }

    /**
     * Stops the workers: idle ones at once, busy ones after their verification or, past 5 seconds, by
     * interrupting it. An interrupted job is left as it is, and claimed again once its lease ends, by another
     * instance or after a restart.
     */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(threads);
        }
        wakeUps.release(running.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (Thread thread : running) {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread thread : running) {
            thread.interrupt();
        }
    }

    private void work(String owner, LinkbackRecorder recorder) {
        while (!closed) {
            try {
                List<Job> claimed = jobs.claim(KIND, owner, 1, LEASE);
                if (claimed.isEmpty()) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (Job job : claimed) {
                    verify(owner, recorder, job);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The queue itself failed (the database is down): wait a poll interval and try again.
                LOG.warn("webmention worker {} could not claim work", owner, e);
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void verify(String owner, LinkbackRecorder recorder, Job job) {
        Map<String, String> fields = decode(job.payload());
        String source = fields.get("source");
        String target = fields.get("target");
        if (source == null || target == null) {
            jobs.giveUp(job.id(), owner, "the payload has no source or target");
            return;
        }
        LinkbackRecorder.Outcome outcome;
        try {
            outcome = recorder.receiveQueuedWebmention(source, target, ClientContext.of(fields.get("ip"), fields.get("ua")));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // interrupted by close(): the lease runs out and the job is claimed again
            }
            String reason = JobQueues.outcome("attempt " + job.attempts() + ": " + e);
            if (job.attempts() >= MAX_ATTEMPTS) {
                LOG.warn("gave up webmention {} -> {} after {} attempts", source, target, job.attempts(), e);
                jobs.giveUp(job.id(), owner, reason);
            } else {
                LOG.info("webmention {} -> {} failed, retrying later", source, target, e);
                jobs.retry(job.id(), owner, backoff.next(job.attempts(), clock.instant()), reason);
            }
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // interrupted by close(), perhaps mid-fetch: the outcome is not to be trusted
        }
        if (!jobs.complete(job.id(), owner, JobQueues.outcome(outcome.message()))) {
            LOG.warn("webmention job {} was taken over before it completed: its lease of {} ran out", job.id(), LEASE);
        }
    }

    private static String encode(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static Map<String, String> decode(String payload) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : payload.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
