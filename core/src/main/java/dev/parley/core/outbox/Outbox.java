package dev.parley.core.outbox;

import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobQueues;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendResult;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends linkbacks for a host's posts through a durable outbox, so that a send once queued is delivered even if
 * the application stops before it goes out, and delivered once even with several application instances over one
 * database.
 *
 * <pre>{@code
 * Outbox outbox = Outbox.builder(JdbcLinkbackOutbox.create(dataSource), delivery).build();
 * outbox.start();                                        // background workers; or call runDue() on your schedule
 * outbox.published(postUrl, LinkExtractor.extract(postUrl, html));    // on publish and on every update
 * outbox.deleted(postUrl);                               // after the post starts answering 410 Gone
 * List<TargetRecord> results = outbox.results(postUrl);  // each target's last outcome, for the author
 * }</pre>
 *
 * <p><b>What is sent.</b> {@link #published} makes the given links the post's live targets and queues a send to
 * every target in the union of the earlier live targets and the new ones, as Webmention 3.1.4 asks of an
 * update: a receiver whose link was removed learns it by verifying again. {@link #deleted} queues a send to
 * every earlier target, whether the post still linked to it or not (Webmention 3.1.5), which a receiver answers
 * by fetching the post, finding 410 Gone and removing its linkback. Targets on the post's own site (same
 * scheme, host and port) are dropped unless {@linkplain Builder#selfPings(boolean) self-pings} are on. A send
 * waiting in the queue, or waiting out the back-off of a retry, is not queued twice: it is brought forward to
 * the new send's time if that is sooner, and keeps its attempts.
 *
 * <p><b>How it is delivered.</b> Workers claim sends with a {@linkplain Builder#lease(Duration) lease} (the
 * store's {@link JobQueue}; on PostgreSQL {@code FOR UPDATE SKIP LOCKED}), call the {@link LinkbackDelivery},
 * store the result on the target's record, then finish the job. A worker that dies lets its lease run out and
 * the send is claimed again; so a send is delivered at least once, and twice only if a worker dies between
 * delivering and finishing. Per target host at most {@linkplain Builder#perHostLimit(int) a few} sends of
 * this instance run at once (keyed by the target's host, not the endpoint's, and counted per instance: with
 * several instances the cap is per instance); a send whose host is busy waits for a free slot up to a poll
 * interval or a tenth of its lease, whichever is shorter, then goes back to the queue for a second.
 *
 * <p><b>Retries.</b> A retryable failure (timeouts, connection failures, HTTP 5xx and 429, as the delivery
 * reports them) is tried again after an exponential back-off with jitter ({@link Backoff}; by default from 1
 * minute up to 6 hours), recorded meanwhile as {@link SendStatus#RETRYING}, until
 * {@linkplain Builder#maxAttempts(int) 8 attempts} have been made; then it is {@link SendStatus#FAILED}.
 * Other outcomes are final at once. Each claim counts as an attempt, including the rare one that found its
 * host busy.
 *
 * <p><b>Thread-safety.</b> Safe for concurrent use. {@link #start()} starts the background workers once;
 * {@link #close()} stops them.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Duration HOST_BUSY_DELAY = Duration.ofSeconds(1);

    private final LinkbackOutbox store;
    private final JobQueue jobs;
    private final LinkbackDelivery delivery;
    private final Clock clock;
    private final Duration delay;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration lease;
    private final int perHostLimit;
    private final int workers;
    private final Duration pollInterval;
    private final boolean selfPings;
    private final String instanceId;
    private final ConcurrentHashMap<String, Integer> runningPerHost = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private boolean started;
    private volatile boolean closed;

    private Outbox(Builder builder) {
        this.store = builder.store;
        this.jobs = builder.store.jobs();
        this.delivery = builder.delivery;
        this.clock = builder.clock;
        this.delay = builder.delay;
        this.backoff = builder.backoff;
        this.maxAttempts = builder.maxAttempts;
        this.lease = builder.lease;
        this.perHostLimit = builder.perHostLimit;
        this.workers = builder.workers;
        this.pollInterval = builder.pollInterval;
        this.selfPings = builder.selfPings;
        this.instanceId = builder.instanceId;
    }

    /**
     * Returns a builder.
     *
     * @param store where the outbox keeps the posts' targets, the results and the queued sends
     * @param delivery how one linkback is sent
     * @return a builder with the defaults described on its setters
     */
    public static Builder builder(LinkbackOutbox store, LinkbackDelivery delivery) {
        return new Builder(store, delivery);
    }

    /**
     * Records that a post was published or updated with the given links, and queues the sends: to every
     * target in the union of the post's earlier live targets and {@code targets}.
     *
     * @param source the post's absolute http(s) URL
     * @param targets the links in the post as published now, such as {@code LinkExtractor.extract(source,
     *     html)}; non-http(s), relative and self links are dropped
     * @return the targets a send was queued to, sorted
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL, or the post would
     *     have more targets than the store keeps ({@link LinkbackOutbox#MAX_TARGETS})
     */
    public List<String> published(URI source, Collection<URI> targets) {
        checkSource(source);
        Objects.requireNonNull(targets, "targets must not be null");
        Set<String> kept = new LinkedHashSet<>();
        for (URI target : targets) {
            Objects.requireNonNull(target, "a target must not be null");
            if (isHttp(target) && !target.equals(source) && (selfPings || !sameSite(source, target))) {
                kept.add(target.toString());
            }
        }
        List<String> queued = store.plan(source.toString(), kept, false, clock.instant().plus(delay));
        wake(queued.size());
        return queued;
    }

    /**
     * Records that a post was deleted and queues a send to each of its earlier targets, every one recorded for
     * it whether the post still linked to it or not, which learn it from the 410 Gone the host now serves for
     * {@code source}.
     *
     * @param source the post's absolute http(s) URL
     * @return the targets a send was queued to, sorted
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL
     */
    public List<String> deleted(URI source) {
        checkSource(source);
        List<String> queued = store.plan(source.toString(), Set.of(), true, clock.instant().plus(delay));
        wake(queued.size());
        return queued;
    }

    /**
     * The post's targets with the last result of each: live targets first, then earlier ones.
     *
     * @param source the post's URL
     * @return the records, possibly none
     */
    public List<TargetRecord> results(URI source) {
        checkSource(source);
        return store.targets(source.toString());
    }

    /**
     * Delivers, in the calling thread, up to {@code max} sends that are due now: for a host that runs its own
     * scheduler instead of {@link #start()}, and for tests.
     *
     * @param max the most sends to deliver, 1 to {@link JobQueue#MAX_CLAIM}
     * @return how many were claimed and handled
     */
    public int runDue(int max) {
        if (max < 1 || max > JobQueue.MAX_CLAIM) {
            throw new IllegalArgumentException("max must be 1.." + JobQueue.MAX_CLAIM + ", was " + max);
        }
        String owner = instanceId + "/run-due";
        int handled = 0;
        // One claim per send: each lease starts when its delivery does, so a long run never outlives a lease.
        while (handled < max) {
            List<Job> claimed = jobs.claim(LinkbackOutbox.SEND_KIND, owner, 1, lease);
            if (claimed.isEmpty()) {
                break;
            }
            handle(owner, claimed.get(0));
            handled++;
        }
        return handled;
    }

    /**
     * Starts the background workers; a second call does nothing.
     *
     * @return this outbox
     * @throws IllegalStateException if the outbox was closed
     */
    public synchronized Outbox start() {
        if (closed) {
            throw new IllegalStateException("the outbox is closed");
        }
        if (!started) {
            started = true;
            for (int i = 1; i <= workers; i++) {
                String owner = instanceId + "/outbox-" + i;
                Thread thread = new Thread(() -> work(owner), "parley-outbox-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
        return this;
    }

    /**
     * Stops the workers: idle ones at once, busy ones after their delivery or, past 5 seconds, by interrupting
     * it. The outcome of an interrupted delivery is still recorded (the request was most likely made); a worker
     * that does not finish at all leaves its send claimed, and it is claimed again once its lease ends.
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

    private void wake(int queued) {
        if (queued > 0 && delay.isZero()) {
            wakeUps.release(Math.min(queued, workers));
        }
    }

    private void work(String owner) {
        while (!closed) {
            try {
                List<Job> claimed = jobs.claim(LinkbackOutbox.SEND_KIND, owner, 1, lease);
                if (claimed.isEmpty()) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (Job job : claimed) {
                    handle(owner, job);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store failed (the database is down): wait a poll interval and try again.
                LOG.warn("outbox worker {} could not claim work", owner, e);
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void handle(String owner, Job job) {
        String payload = job.payload();
        int newline = payload.indexOf('\n');
        URI source;
        URI target;
        try {
            source = URI.create(payload.substring(0, Math.max(0, newline)));
            target = URI.create(payload.substring(newline + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            jobs.giveUp(job.id(), owner, "the payload is not a source and a target: " + e.getMessage());
            return;
        }
        String host = hostKey(target);
        if (!acquireHost(host)) {
            jobs.retry(job.id(), owner, clock.instant().plus(HOST_BUSY_DELAY),
                    perHostLimit + " sends to " + host + " were already running");
            return;
        }
        DeliveryResult outcome;
        try {
            outcome = deliver(source, target);
        } finally {
            releaseHost(host);
        }
        // Interrupted by close() while delivering: the fetcher's sockets do not heed interrupts, so the outcome is
        // real and the send most likely went out. Record it rather than let the lease run out and send again.
        boolean interrupted = Thread.interrupted();
        try {
            finish(owner, job, source, target, outcome);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private DeliveryResult deliver(URI source, URI target) {
        try {
            return Objects.requireNonNull(delivery.deliver(source, target), "the delivery returned null");
        } catch (RuntimeException e) {
            LOG.warn("delivering the linkback {} -> {} threw", source, target, e);
            return DeliveryResult.failed(true, null, null, 0, "the delivery failed: " + e);
        }
    }

    private void finish(String owner, Job job, URI source, URI target, DeliveryResult outcome) {
        Instant now = clock.instant();
        String reason = outcome.reason();
        boolean retry = outcome.status() == SendStatus.FAILED && outcome.retryable() && job.attempts() < maxAttempts;
        SendStatus status = retry ? SendStatus.RETRYING : outcome.status();
        @Nullable Instant next = retry ? backoff.next(job.attempts(), now) : null;
        if (next != null) {
            reason = JobQueues.outcome((reason == null ? "failed" : reason) + "; attempt " + job.attempts() + " of "
                    + maxAttempts + ", next at " + next);
        } else if (outcome.status() == SendStatus.FAILED && outcome.retryable()) {
            reason = JobQueues.outcome((reason == null ? "failed" : reason) + "; gave up after " + job.attempts()
                    + " attempts");
        }
        store.record(source.toString(), target.toString(), new SendResult(status, outcome.protocol(),
                outcome.endpoint(), outcome.httpStatus(), outcome.location(), reason, job.attempts(), now));
        String summary = JobQueues.outcome(status + (reason == null ? "" : ": " + reason));
        boolean finished;
        if (next != null) {
            finished = jobs.retry(job.id(), owner, next, summary);
        } else if (outcome.status() == SendStatus.FAILED) {
            finished = jobs.giveUp(job.id(), owner, summary);
        } else {
            finished = jobs.complete(job.id(), owner, summary);
        }
        if (!finished) {
            LOG.warn("linkback send {} -> {} was taken over before it finished: its lease of {} ran out", source,
                    target, lease);
        }
        LOG.debug("linkback {} -> {}: {}", source, target, summary);
    }

    private boolean acquireHost(String host) {
        // Wait for a slot a short while only: the claim's lease runs meanwhile.
        long deadline = System.nanoTime() + Math.min(pollInterval.toNanos(), lease.toNanos() / 10);
        while (true) {
            boolean[] taken = {false};
            runningPerHost.compute(host, (key, running) -> {
                int now = running == null ? 0 : running;
                if (now < perHostLimit) {
                    taken[0] = true;
                    return now + 1;
                }
                return running;
            });
            if (taken[0]) {
                return true;
            }
            if (System.nanoTime() >= deadline || closed) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void releaseHost(String host) {
        runningPerHost.computeIfPresent(host, (key, running) -> running <= 1 ? null : running - 1);
    }

    private static String hostKey(URI target) {
        String host = target.getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static void checkSource(URI source) {
        Objects.requireNonNull(source, "source must not be null");
        if (!isHttp(source)) {
            throw new IllegalArgumentException("source must be an absolute http(s) URL, was " + source);
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return uri.isAbsolute() && uri.getHost() != null && scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    private static boolean sameSite(URI source, URI target) {
        return source.getScheme().equalsIgnoreCase(target.getScheme())
                && source.getHost().equalsIgnoreCase(target.getHost()) && port(source) == port(target);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * Collects an {@link Outbox}'s settings; {@link #build()} checks them. Not thread-safe.
     */
    public static final class Builder {

        private final LinkbackOutbox store;
        private final LinkbackDelivery delivery;
        private Clock clock = Clock.systemUTC();
        private Duration delay = Duration.ZERO;
        private Backoff backoff = Backoff.exponential(Duration.ofMinutes(1), Duration.ofHours(6));
        private int maxAttempts = 8;
        private Duration lease = Duration.ofMinutes(5);
        private int perHostLimit = 2;
        private int workers = 2;
        private Duration pollInterval = Duration.ofSeconds(1);
        private boolean selfPings;
        private String instanceId = UUID.randomUUID().toString();

        private Builder(LinkbackOutbox store, LinkbackDelivery delivery) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            this.delivery = Objects.requireNonNull(delivery, "delivery must not be null");
        }

        /**
         * The clock run times are read from; by default the system UTC clock. Use the same clock as the
         * store's job queue.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * How long after publishing a send waits before it may go out; by default none. A short delay lets an
         * author fix a link before anyone is told, and lets several quick edits share one send.
         *
         * @param value 0 to 1 day
         * @return this builder
         */
        public Builder delay(Duration value) {
            delay = Objects.requireNonNull(value, "delay must not be null");
            return this;
        }

        /**
         * The back-off between attempts of a retryable failure; by default from 1 minute up to 6 hours, with
         * jitter.
         *
         * @param value the back-off
         * @return this builder
         */
        public Builder backoff(Backoff value) {
            backoff = Objects.requireNonNull(value, "backoff must not be null");
            return this;
        }

        /**
         * How many attempts a send gets before a retryable failure is final; by default 8.
         *
         * @param value 1 to 100
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /**
         * How long a worker holds a claimed send; by default 5 minutes. It must outlast one delivery (with
         * {@code parley-pingback}'s defaults: discovery and up to three protocol attempts of 10 seconds each).
         *
         * @param value {@link JobQueue#MIN_LEASE} to {@link JobQueue#MAX_LEASE}
         * @return this builder
         */
        public Builder lease(Duration value) {
            lease = Objects.requireNonNull(value, "lease must not be null");
            return this;
        }

        /**
         * The most sends of this instance to one target host at once; by default 2.
         *
         * @param value 1 to 64
         * @return this builder
         */
        public Builder perHostLimit(int value) {
            perHostLimit = value;
            return this;
        }

        /**
         * How many background workers {@link #start()} starts; by default 2.
         *
         * @param value 1 to 64
         * @return this builder
         */
        public Builder workers(int value) {
            workers = value;
            return this;
        }

        /**
         * How often an idle worker looks for due sends; by default every second. A send queued without a
         * delay wakes a worker at once.
         *
         * @param value 10 ms to 1 hour
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            pollInterval = Objects.requireNonNull(value, "pollInterval must not be null");
            return this;
        }

        /**
         * Whether links to the post's own site (same scheme, host and port) get linkbacks too; off by default.
         *
         * @param value true to send self-pings
         * @return this builder
         */
        public Builder selfPings(boolean value) {
            selfPings = value;
            return this;
        }

        /**
         * The name of this application instance in the workers' owner ids; by default a random UUID.
         *
         * @param value 1 to 64 characters
         * @return this builder
         */
        public Builder instanceId(String value) {
            instanceId = Objects.requireNonNull(value, "instanceId must not be null");
            return this;
        }

        /**
         * Checks the settings and builds the outbox (without starting its workers).
         *
         * @return the outbox
         * @throws IllegalArgumentException listing every setting out of range
         */
        public Outbox build() {
            List<String> errors = new ArrayList<>();
            if (delay.isNegative() || delay.compareTo(Duration.ofDays(1)) > 0) {
                errors.add("delay must be 0 to 1 day: " + delay);
            }
            if (maxAttempts < 1 || maxAttempts > 100) {
                errors.add("maxAttempts must be 1..100: " + maxAttempts);
            }
            if (lease.compareTo(JobQueue.MIN_LEASE) < 0 || lease.compareTo(JobQueue.MAX_LEASE) > 0) {
                errors.add("lease must be " + JobQueue.MIN_LEASE + " to " + JobQueue.MAX_LEASE + ": " + lease);
            }
            if (perHostLimit < 1 || perHostLimit > 64) {
                errors.add("perHostLimit must be 1..64: " + perHostLimit);
            }
            if (workers < 1 || workers > 64) {
                errors.add("workers must be 1..64: " + workers);
            }
            if (pollInterval.compareTo(Duration.ofMillis(10)) < 0 || pollInterval.compareTo(Duration.ofHours(1)) > 0) {
                errors.add("pollInterval must be 10 ms to 1 hour: " + pollInterval);
            }
            if (instanceId.isBlank() || instanceId.length() > 64) {
                errors.add("instanceId must be 1..64 characters and not blank");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid outbox settings: " + String.join("; ", errors));
            }
            return new Outbox(this);
        }
    }

    @Override
    public String toString() {
        return "Outbox[" + instanceId + ", " + workers + " workers]";
    }
}
