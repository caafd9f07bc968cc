package dev.parley.benchmarks.thread;

import dev.parley.benchmarks.Interleaved;

/**
 * A cross-check of {@link ThreadPageBenchmark} for a shared, busy machine: the page, the page with every reply
 * list read, and the {@code HashMap} floor on the same thread of 100,000 comments, {@link Interleaved
 * interleaved} one run each per round. Each ratio printed is a cost: the operation's time over the floor's.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.thread.ThreadPageRatio
 * [rounds]}.
 */
public final class ThreadPageRatio {

    private ThreadPageRatio() {
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args optionally the number of measured rounds (default 300)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ThreadPageBenchmark benchmark = new ThreadPageBenchmark();
        benchmark.setUp();
        Interleaved times = Interleaved.measure(rounds, 1,
                () -> benchmark.assemblePage().size(),
                benchmark::assemblePageAndReadEveryReplyList,
                () -> benchmark.indexByIdFloor().size());
        times.print(String.format("%d comments, %d rounds", ThreadPageBenchmark.COMMENTS, rounds),
                (statistic, time) -> String.format("%-6s page %.1f ms, page + reply lists %.1f ms, HashMap floor "
                                + "%.1f ms; page/floor %.2f, page + reply lists/floor %.2f", statistic,
                        time.applyAsDouble(0) / 1e6, time.applyAsDouble(1) / 1e6, time.applyAsDouble(2) / 1e6,
                        time.applyAsDouble(0) / time.applyAsDouble(2), time.applyAsDouble(1) / time.applyAsDouble(2)));
    }
}
