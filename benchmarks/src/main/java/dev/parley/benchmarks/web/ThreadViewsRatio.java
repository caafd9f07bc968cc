package dev.parley.benchmarks.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A cross-check of {@link ThreadViewsLoadBenchmark} for a shared, busy machine: one JVM, one setup, and each
 * view run right beside its fixed answer, round after round, so that load which comes and goes moves both
 * alike. Each measurement is 16 threads sending requests for a fixed time; the first round warms up and is
 * not counted. Prints each view's requests per second (median over the rounds) and the median of the
 * per-round ratios, with the load average before and after.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.web.ThreadViewsRatio
 * <h2|postgres|sqlite> [rounds] [seconds]}.
 */
public final class ThreadViewsRatio {

    private static final int CLIENTS = 16;

    private ThreadViewsRatio() {
    }

    /** One request of a view. */
    @FunctionalInterface
    private interface Call {
        int send() throws Exception;
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args the store, optionally the measured rounds (default 5), seconds per run (default 3) and the demo's
     *     freshness window in milliseconds (default its default, 1,000; 0 reads the database on every request)
     * @throws Exception if the setup or a request fails
     */
    public static void main(String[] args) throws Exception {
        ThreadViewsLoadBenchmark site = new ThreadViewsLoadBenchmark();
        site.store = args.length > 0 ? args[0] : "h2";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        site.freshnessMillis = args.length > 3 ? Long.parseLong(args[3]) : site.freshnessMillis;
        String[] names = {"postPage", "pageFixed", "threadJson", "jsonFixed", "postPageNotModified",
            "notModifiedFixed", "longRootPage", "longRootJson", "floor"};
        Call[] calls = {site::postPage, site::pageFixed, site::threadJson, site::jsonFixed, site::postPageNotModified,
            site::notModifiedFixed, site::longRootPage, site::longRootJson, site::floor};
        site.start();
        try {
            String loadBefore = load();
            double[][] rates = new double[calls.length][rounds];
            for (int round = -1; round < rounds; round++) {
                for (int i = 0; i < calls.length; i++) {
                    double rate = rate(calls[i], round < 0 ? 1 : seconds);
                    if (round >= 0) {
                        rates[i][round] = rate;
                    }
                }
            }
            System.out.printf("%nfreshness window: %d ms", site.freshnessMillis);
            System.out.printf("%n[%s] %d rounds of %.1f s, %d clients; load average before: %s, after: %s%n",
                    site.store, rounds, seconds, CLIENTS, loadBefore, load());
            for (int i = 0; i < calls.length; i++) {
                System.out.printf("%-20s %,10.0f requests/s (median; rounds %s)%n", names[i], median(rates[i]),
                        Arrays.toString(Arrays.stream(rates[i]).mapToLong(Math::round).toArray()));
            }
            ratio("post page / fixed same bytes", rates[0], rates[1]);
            ratio("thread JSON / fixed same bytes", rates[2], rates[3]);
            ratio("post page 304 / fixed 304", rates[4], rates[5]);
            ratio("post page / tiny floor", rates[0], rates[8]);
        } finally {
            site.stop();
        }
    }

    private static void ratio(String what, double[] view, double[] fixed) {
        double[] each = new double[view.length];
        for (int i = 0; i < view.length; i++) {
            each[i] = view[i] / fixed[i];
        }
        System.out.printf("%-32s %.2f (median of the rounds' ratios; range %.2f to %.2f)%n", what, median(each),
                Arrays.stream(each).min().orElseThrow(), Arrays.stream(each).max().orElseThrow());
    }

    private static double rate(Call call, double seconds) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(CLIENTS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread thread = new Thread(() -> {
                started.countDown();
                try {
                    while (running.get()) {
                        call.send();
                        done.increment();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        started.await();
        long from = System.nanoTime();
        long countFrom = done.sum();
        Thread.sleep(Math.round(seconds * 1000));
        long count = done.sum() - countFrom;
        long elapsed = System.nanoTime() - from;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a request failed", failures.get(0));
        }
        return count / (elapsed / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
                    java.nio.charset.StandardCharsets.US_ASCII).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
