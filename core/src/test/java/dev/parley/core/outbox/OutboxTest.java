package dev.parley.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.MutableClock;
import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.outbox.InMemoryLinkbackOutbox;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox")
class OutboxTest {

    private static final URI POST = URI.create("https://blog.example/posts/hello");
    private static final URI A = URI.create("https://a.example/one");
    private static final URI B = URI.create("https://b.example/two");
    private static final URI C = URI.create("https://c.example/three");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final InMemoryLinkbackOutbox store = new InMemoryLinkbackOutbox(new InMemoryJobQueue(clock));
    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();

    private Outbox outbox(BiFunction<URI, URI, DeliveryResult> delivery) {
        return Outbox.builder(store, (source, target) -> {
            delivered.add(source + " -> " + target);
            return delivery.apply(source, target);
        }).clock(clock).backoff(new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), fixedRandom()))
                .maxAttempts(3).build();
    }

    private static DeliveryResult sent(URI source, URI target) {
        return DeliveryResult.sent("WEBMENTION", target.resolve("/webmention").toString(), 202, null);
    }

    private static RandomGenerator fixedRandom() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1; // the longest wait: the whole ceiling
            }
        };
    }

    private Map<String, TargetRecord> byTarget() {
        Map<String, TargetRecord> records = new ConcurrentHashMap<>();
        for (TargetRecord record : store.targets(POST.toString())) {
            records.put(record.target(), record);
        }
        return records;
    }

    @Test
    @DisplayName("publishing queues a send to each target, and delivering records each result")
    void publishesAndDelivers() {
        Outbox outbox = outbox(OutboxTest::sent);

        assertThat(outbox.published(POST, List.of(A, B))).containsExactly(A.toString(), B.toString());
        assertThat(byTarget().values()).extracting(TargetRecord::status).containsOnly(SendStatus.QUEUED);

        assertThat(outbox.runDue(10)).isEqualTo(2);

        assertThat(delivered).containsExactlyInAnyOrder(POST + " -> " + A, POST + " -> " + B);
        TargetRecord a = byTarget().get(A.toString());
        assertThat(a.status()).isEqualTo(SendStatus.SENT);
        assertThat(a.protocol()).isEqualTo("WEBMENTION");
        assertThat(a.endpoint()).isEqualTo("https://a.example/webmention");
        assertThat(a.httpStatus()).isEqualTo(202);
        assertThat(a.attempts()).isEqualTo(1);
        assertThat(a.live()).isTrue();
        assertThat(outbox.runDue(10)).isZero();
    }

    @Test
    @DisplayName("an update sends to the union of the old and the new targets, and a removed target stays recorded")
    void updateSendsToUnion() {
        Outbox outbox = outbox(OutboxTest::sent);
        outbox.published(POST, List.of(A, B));
        outbox.runDue(10);
        delivered.clear();

        assertThat(outbox.published(POST, List.of(B, C))).containsExactly(A.toString(), B.toString(), C.toString());
        outbox.runDue(10);

        assertThat(delivered).containsExactlyInAnyOrder(POST + " -> " + A, POST + " -> " + B, POST + " -> " + C);
        Map<String, TargetRecord> records = byTarget();
        assertThat(records.get(A.toString()).live()).isFalse();
        assertThat(records.get(B.toString()).live()).isTrue();
        assertThat(records.get(C.toString()).live()).isTrue();
    }

    @Test
    @DisplayName("deleting a post sends to every earlier target and leaves none live")
    void deleteSendsToEarlierTargets() {
        Outbox outbox = outbox(OutboxTest::sent);
        outbox.published(POST, List.of(A, B));
        outbox.runDue(10);
        delivered.clear();

        assertThat(outbox.deleted(POST)).containsExactly(A.toString(), B.toString());
        outbox.runDue(10);

        assertThat(delivered).containsExactlyInAnyOrder(POST + " -> " + A, POST + " -> " + B);
        assertThat(byTarget().values()).extracting(TargetRecord::live).containsOnly(false);
    }

    @Test
    @DisplayName("links to the post's own site are dropped unless self-pings are on")
    void selfPingsAreOffByDefault() {
        URI sameSite = URI.create("https://blog.example/posts/other");
        URI otherPort = URI.create("https://blog.example:8443/posts/other");
        URI notHttp = URI.create("mailto:someone@a.example");

        assertThat(outbox(OutboxTest::sent).published(POST, List.of(sameSite, otherPort, notHttp, POST, A)))
                .containsExactly(A.toString(), otherPort.toString());

        Outbox withSelfPings = Outbox.builder(store, OutboxTest::sent).clock(clock).selfPings(true).build();
        assertThat(withSelfPings.published(POST, List.of(sameSite, A)))
                .contains(sameSite.toString(), A.toString());
    }

    @Test
    @DisplayName("a retryable failure is retried after the back-off, recorded as retrying, and fails for good after the last attempt")
    void retriesWithBackoffThenGivesUp() {
        Outbox outbox = outbox((source, target) -> DeliveryResult.failed(true, "WEBMENTION", "https://a.example/wm", 503,
                "HTTP 503 from the endpoint"));
        outbox.published(POST, List.of(A));

        assertThat(outbox.runDue(10)).isEqualTo(1);
        TargetRecord first = byTarget().get(A.toString());
        assertThat(first.status()).isEqualTo(SendStatus.RETRYING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.httpStatus()).isEqualTo(503);
        assertThat(first.reason()).startsWith("HTTP 503 from the endpoint; attempt 1 of 3, next at ");

        assertThat(outbox.runDue(10)).as("not due before the back-off").isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox.runDue(10)).as("the wait is 60 s with this jitter").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(outbox.runDue(10)).isEqualTo(1);
        assertThat(byTarget().get(A.toString()).attempts()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(3));
        assertThat(outbox.runDue(10)).isEqualTo(1);
        TargetRecord last = byTarget().get(A.toString());
        assertThat(last.status()).isEqualTo(SendStatus.FAILED);
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.reason()).isEqualTo("HTTP 503 from the endpoint; gave up after 3 attempts");

        clock.advance(Duration.ofDays(1));
        assertThat(outbox.runDue(10)).isZero();
        assertThat(delivered).hasSize(3);
    }

    @Test
    @DisplayName("outcomes that are not worth retrying are final at once")
    void finalOutcomes() {
        Map<URI, DeliveryResult> outcomes = Map.of(
                A, DeliveryResult.noEndpoint("the page advertises no endpoint"),
                B, DeliveryResult.refused("https://b.example/two redirects to 10.0.0.1: refused"),
                C, DeliveryResult.failed(false, "PINGBACK", "https://c.example/xmlrpc", 200, "fault 17: no link"));
        Outbox outbox = outbox((source, target) -> outcomes.get(target));
        outbox.published(POST, List.of(A, B, C));

        assertThat(outbox.runDue(10)).isEqualTo(3);
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.runDue(10)).isZero();

        Map<String, TargetRecord> records = byTarget();
        assertThat(records.get(A.toString()).status()).isEqualTo(SendStatus.NO_ENDPOINT);
        assertThat(records.get(B.toString()).status()).isEqualTo(SendStatus.REFUSED);
        assertThat(records.get(C.toString()).status()).isEqualTo(SendStatus.FAILED);
        assertThat(records.get(C.toString()).reason()).isEqualTo("fault 17: no link");
        assertThat(records.get(C.toString()).protocol()).isEqualTo("PINGBACK");
    }

    @Test
    @DisplayName("a delivery that throws counts as a retryable failure and the worker carries on")
    void throwingDeliveryIsRetried() {
        Outbox outbox = outbox((source, target) -> {
            throw new IllegalStateException("boom");
        });
        outbox.published(POST, List.of(A));

        outbox.runDue(10);

        TargetRecord record = byTarget().get(A.toString());
        assertThat(record.status()).isEqualTo(SendStatus.RETRYING);
        assertThat(record.reason()).startsWith("the delivery failed: java.lang.IllegalStateException: boom");
    }

    @Test
    @DisplayName("no more than the per-host limit of sends to one host run at once; a send to a busy host goes back to the queue")
    void perHostLimit() throws Exception {
        CountDownLatch twoRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<URI> sameHost = List.of(URI.create("https://busy.example/1"), URI.create("https://busy.example/2"),
                URI.create("https://busy.example/3"));
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        List<String> overLimit = new java.util.concurrent.CopyOnWriteArrayList<>();
        Outbox outbox = Outbox.builder(store, (source, target) -> {
            if (running.incrementAndGet() > 2) {
                overLimit.add(target.toString()); // a third at once: the limit failed (and do not block on it)
                running.decrementAndGet();
                return sent(source, target);
            }
            twoRunning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return sent(source, target);
        }).clock(clock).perHostLimit(2).pollInterval(Duration.ofMillis(10)).build();
        outbox.published(POST, sameHost);
        Thread first = new Thread(() -> outbox.runDue(1));
        Thread second = new Thread(() -> outbox.runDue(1));
        first.start();
        second.start();
        assertThat(twoRunning.await(30, TimeUnit.SECONDS)).as("two sends to busy.example are running").isTrue();

        assertThat(outbox.runDue(1)).as("the third send was claimed").isEqualTo(1);

        assertThat(overLimit).as("sends delivered while two to the same host ran").isEmpty();
        Map<String, TargetRecord> waiting = byTarget();
        assertThat(waiting.values()).extracting(TargetRecord::status)
                .containsOnly(SendStatus.QUEUED);
        release.countDown();
        first.join(30_000);
        second.join(30_000);
        assertThat(byTarget().values()).extracting(TargetRecord::status)
                .containsExactlyInAnyOrder(SendStatus.SENT, SendStatus.SENT, SendStatus.QUEUED);
        assertThat(store.jobs().countUnfinished(LinkbackOutbox.SEND_KIND)).as("the third waits its second").isOne();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.runDue(10)).isEqualTo(1);
        assertThat(byTarget().values()).extracting(TargetRecord::status).containsOnly(SendStatus.SENT);
    }

    @Test
    @DisplayName("run-due claims one send at a time, so every delivery starts with a full lease")
    void runDueClaimsOneAtATime() {
        List<String> takenOver = new ArrayList<>();
        Outbox outbox = Outbox.builder(store, (source, target) -> {
            delivered.add(source + " -> " + target);
            // Each delivery takes 4 minutes of a 5-minute lease. Had all three been claimed at the start, the
            // third one's lease would have run out by now, and another worker could take it over.
            if (delivered.size() == 3) {
                store.jobs().claim(LinkbackOutbox.SEND_KIND, "other-worker", 10, Duration.ofMinutes(5))
                        .forEach(job -> takenOver.add(job.payload()));
            }
            clock.advance(Duration.ofMinutes(4));
            return sent(source, target);
        }).clock(clock).lease(Duration.ofMinutes(5)).build();
        outbox.published(POST, List.of(A, B, C));

        assertThat(outbox.runDue(10)).isEqualTo(3);

        assertThat(takenOver).isEmpty();
        assertThat(delivered).hasSize(3);
        assertThat(byTarget().values()).extracting(TargetRecord::status).containsOnly(SendStatus.SENT);
        assertThat(store.jobs().countUnfinished(LinkbackOutbox.SEND_KIND)).isZero();
    }

    @Test
    @DisplayName("a send queued while the same send waits unclaimed is not queued twice")
    void waitingSendIsNotDoubled() {
        Outbox outbox = outbox(OutboxTest::sent);
        outbox.published(POST, List.of(A));
        outbox.published(POST, List.of(A));

        assertThat(outbox.runDue(10)).isEqualTo(1);
        assertThat(delivered).hasSize(1);
    }

    @Test
    @DisplayName("a delay holds sends back until it has passed")
    void delayHoldsSendsBack() {
        Outbox outbox = Outbox.builder(store, OutboxTest::sent).clock(clock).delay(Duration.ofMinutes(2)).build();
        outbox.published(POST, List.of(A));

        assertThat(outbox.runDue(10)).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(outbox.runDue(10)).isEqualTo(1);
        assertThat(store.jobs().countUnfinished(LinkbackOutbox.SEND_KIND)).isZero();
    }

    @Test
    @DisplayName("settings out of range are all reported at once, and a source must be an absolute http(s) URL")
    void checksArguments() {
        assertThatThrownBy(() -> Outbox.builder(store, OutboxTest::sent).maxAttempts(0).workers(0)
                .perHostLimit(65).delay(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxAttempts", "workers", "perHostLimit", "delay");
        Outbox outbox = outbox(OutboxTest::sent);
        assertThatThrownBy(() -> outbox.published(URI.create("/posts/hello"), List.of(A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s)");
        assertThatThrownBy(() -> outbox.deleted(URI.create("ftp://blog.example/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
