package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.store.jdbc.MariaDbServer;
import dev.parley.store.jdbc.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real demo with SIGKILL while readers post comments, and once after it has been idle, then requires
 * every comment it acknowledged (201 with an id) to be in the store when it is opened again: "acknowledged"
 * means durable. Prints, per round, how many comments were acknowledged, found and lost, and the posting
 * throughput of each database measured in the same run. The random kill moments come from a seed printed at the
 * start; {@code -Dparley.crash.seed=...} replays one.
 */
@DisplayName("The demo keeps every comment it acknowledged when its JVM is killed")
class CrashTest {

    private static final int ROUNDS = 5;
    private static final int CLIENTS = 8;
    private static final int IDLE_ROUND_COMMENTS = 20;
    private static final long IDLE_MILLIS = 10_000;
    private static final long MIN_LOAD_MILLIS = 500;
    private static final long MAX_LOAD_MILLIS = 3_000;
    private static final long WARM_UP_MILLIS = 3_000;
    private static final long MEASURE_MILLIS = 4_000;
    private static final String PASSWORD = "crash-test-password";

    private static final Map<String, List<String>> REPORT = Collections.synchronizedMap(new LinkedHashMap<>());

    @AfterAll
    static void printReport() {
        REPORT.forEach((database, lines) -> {
            System.out.println("Crash test on " + database + ":");
            lines.forEach(line -> System.out.println("  " + line));
        });
    }

    @Test
    @DisplayName("on the default H2 file: no acknowledged comment is lost, under load or after an idle wait")
    void h2FileLosesNoAcknowledgedComment(@TempDir Path dir) throws Exception {
        Map<String, String> properties = Map.of(
                "parley.store", "h2",
                "parley.h2.file", dir.resolve("parley-demo").toString(),
                "parley.port", "0",
                "parley.admin.password", PASSWORD);
        assertNoneLost("H2 file", properties);
    }

    @Test
    @DisplayName("on a SQLite file in WAL mode: no acknowledged comment is lost, under load or after an idle wait")
    void sqliteFileLosesNoAcknowledgedComment(@TempDir Path dir) throws Exception {
        Map<String, String> properties = Map.of(
                "parley.store", "sqlite",
                "parley.sqlite.file", dir.resolve("parley-demo.db").toString(),
                "parley.port", "0",
                "parley.admin.password", PASSWORD);
        assertNoneLost("SQLite file", properties);
    }

    @Test
    @DisplayName("on PostgreSQL: no acknowledged comment is lost, under load or after an idle wait")
    void postgresLosesNoAcknowledgedComment() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            Map<String, String> properties = Map.of(
                    "parley.jdbc.url", server.createDatabase("parley_crash"),
                    "parley.jdbc.user", PostgresServer.USER,
                    "parley.port", "0",
                    "parley.admin.password", PASSWORD);
            assertNoneLost("PostgreSQL", properties);
        }
    }

    @Test
    @DisplayName("on MariaDB: no acknowledged comment is lost, under load or after an idle wait")
    void mariaDbLosesNoAcknowledgedComment() throws Exception {
        try (MariaDbServer server = MariaDbServer.start()) {
            Map<String, String> properties = Map.of(
                    "parley.jdbc.url", server.createDatabase("parley_crash"),
                    "parley.jdbc.user", MariaDbServer.USER,
                    "parley.port", "0",
                    "parley.admin.password", PASSWORD);
            assertNoneLost("MariaDB", properties);
        }
    }

    private static void assertNoneLost(String database, Map<String, String> properties) throws Exception {
        long seed = Long.getLong("parley.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> report = new ArrayList<>();
        REPORT.put(database, report);
        report.add("seed " + seed + " (replay with -Dparley.crash.seed=" + seed + "), " + CLIENTS + " clients");
        System.out.println("Crash test on " + database + ": seed " + seed);
        String slug = DemoContent.posts().get(0).slug();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger addresses = new AtomicInteger();
        AtomicLong texts = new AtomicLong();
        long loadMillis = 0;
        String throughput = "throughput: not measured";
        long loadAcknowledged = 0;
        int lostTotal = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            // The idle round comes first: right after a start is where a lazily written store loses the most.
            boolean idle = round == 1;
            Set<String> thisRound = ConcurrentHashMap.newKeySet();
            String how;
            long starting = System.nanoTime();
            try (DemoProcess demo = DemoProcess.start(properties)) {
                long startMillis = (System.nanoTime() - starting) / 1_000_000;
                LoopbackPoster poster = new LoopbackPoster(demo.baseUrl(), slug, addresses);
                if (idle) {
                    postConcurrently(poster, IDLE_ROUND_COMMENTS, round, texts, thisRound);
                    Thread.sleep(IDLE_MILLIS);
                    demo.kill();
                    how = "started in " + startMillis + " ms, idle " + IDLE_MILLIS / 1000 + " s, then killed";
                } else {
                    long killAfter = MIN_LOAD_MILLIS
                            + (long) (random.nextDouble() * (MAX_LOAD_MILLIS - MIN_LOAD_MILLIS));
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Thread> clients = startClients(poster, round, texts, thisRound, stop);
                    // The clock starts at the first acknowledgement, so the kill falls under load however slowly
                    // a cold demo on a busy machine answers its first request.
                    long waitUntil = System.nanoTime() + 60_000_000_000L;
                    while (thisRound.isEmpty() && System.nanoTime() < waitUntil) {
                        Thread.sleep(5);
                    }
                    long started = System.nanoTime();
                    String measured = "";
                    if (round == ROUNDS) {
                        // The last round also measures throughput, over a fixed window after a warm-up.
                        Thread.sleep(WARM_UP_MILLIS);
                        int before = thisRound.size();
                        long from = System.nanoTime();
                        Thread.sleep(MEASURE_MILLIS);
                        int count = thisRound.size() - before;
                        long millis = (System.nanoTime() - from) / 1_000_000;
                        throughput = String.format(Locale.ROOT, "throughput: %d comments acknowledged in %d ms by"
                                + " %d clients after %d ms of warm-up: %.0f comments/s", count, millis, CLIENTS,
                                WARM_UP_MILLIS, count * 1000.0 / millis);
                        measured = ", measured " + MEASURE_MILLIS + " ms after " + WARM_UP_MILLIS + " ms";
                    }
                    Thread.sleep(killAfter);
                    demo.kill();
                    long elapsed = (System.nanoTime() - started) / 1_000_000;
                    stop.set(true);
                    for (Thread client : clients) {
                        client.join();
                    }
                    loadMillis += elapsed;
                    loadAcknowledged += thisRound.size();
                    how = String.format(Locale.ROOT, "started in %d ms, killed %d ms after the first acknowledgement%s",
                            startMillis, elapsed, measured);
                    how = how + String.format(Locale.ROOT, " (%.0f comments/s)",
                            thisRound.size() * 1000.0 / elapsed);
                }
            }
            acknowledged.addAll(thisRound);
            Set<String> missing = missing(properties, acknowledged);
            long lostThisRound = thisRound.stream().filter(missing::contains).count();
            lostTotal = missing.size();
            String line = String.format(Locale.ROOT,
                    "round %d, %s: acknowledged %d, found %d, lost %d (all rounds: acknowledged %d, lost %d)",
                    round, how, thisRound.size(), thisRound.size() - lostThisRound, lostThisRound,
                    acknowledged.size(), missing.size());
            report.add(line);
            System.out.println("Crash test on " + database + ": " + line);
            if (!missing.isEmpty()) {
                report.add("  missing: " + missing.stream().limit(10).collect(Collectors.joining(", "))
                        + (missing.size() > 10 ? ", ..." : ""));
            }
        }
        report.add(String.format(Locale.ROOT, "all load rounds: %d comments acknowledged in %d ms (from each"
                + " round's first acknowledgement to the kill)", loadAcknowledged, loadMillis));
        report.add(throughput);
        String h2File = properties.get("parley.h2.file");
        if (h2File != null) {
            report.add(String.format(Locale.ROOT, "the H2 file holds %d comments in %,d bytes", acknowledged.size(),
                    Files.size(Path.of(h2File + ".mv.db"))));
        }
        String sqliteFile = properties.get("parley.sqlite.file");
        if (sqliteFile != null) {
            Path wal = Path.of(sqliteFile + "-wal");
            report.add(String.format(Locale.ROOT, "the SQLite file holds %d comments in %,d bytes (and %,d in its"
                    + " write-ahead log)", acknowledged.size(), Files.size(Path.of(sqliteFile)),
                    Files.exists(wal) ? Files.size(wal) : 0));
        }
        System.out.println("Crash test on " + database + ": " + throughput);
        assertThat(loadAcknowledged).as("comments acknowledged under load").isPositive();
        assertThat(lostTotal).as("acknowledged comments lost on %s:%n%s", database, String.join("\n", report))
                .isZero();
    }

    /** Posts {@code count} comments from {@link #CLIENTS} threads and waits for every answer. */
    private static void postConcurrently(LoopbackPoster poster, int count, int round, AtomicLong texts,
            Set<String> acknowledged) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(started(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        poster.post(text(round, texts)).ifPresent(acknowledged::add);
                    } catch (IOException e) {
                        throw new IllegalStateException("the idle round's posts must reach the demo", e);
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        assertThat(acknowledged).as("comments acknowledged before the idle wait").hasSize(count);
    }

    /** Threads that post until {@code stop}; a failed connection (the demo was killed) is no acknowledgement. */
    private static List<Thread> startClients(LoopbackPoster poster, int round, AtomicLong texts,
            Set<String> acknowledged, AtomicBoolean stop) {
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(started(() -> {
                while (!stop.get()) {
                    try {
                        Optional<String> id = poster.post(text(round, texts));
                        id.ifPresent(acknowledged::add);
                    } catch (IOException killed) {
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        return clients;
    }

    private static Thread started(Runnable client) {
        Thread thread = new Thread(client, "crash-test-client");
        thread.start();
        return thread;
    }

    private static String text(int round, AtomicLong texts) {
        return "Crash round " + round + ", comment " + texts.incrementAndGet();
    }

    /** Opens the store the way the demo does (migrations included), and returns the acknowledged ids it lacks. */
    private static Set<String> missing(Map<String, String> properties, Set<String> acknowledged) {
        Set<String> missing = new TreeSet<>();
        try (DemoStorage storage = DemoStorage.open(DemoConfig.from(properties::get))) {
            CommentStore store = storage.store();
            List<CommentId> ids = acknowledged.stream().map(CommentId::of).toList();
            for (int from = 0; from < ids.size(); from += 500) {
                List<CommentId> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                Map<CommentId, ?> found = store.findAll(chunk);
                chunk.stream().filter(id -> !found.containsKey(id)).forEach(id -> missing.add(id.value()));
            }
        }
        return missing;
    }
}
