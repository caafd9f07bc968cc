package dev.parley.benchmarks.thread;

import java.util.Arrays;

/**
 * A cross-check of {@link ThreadPageBenchmark} for a shared, busy machine. JMH measures its methods one after
 * the other, so load that comes and goes between them moves the ratio; this runs the page, the page with
 * every reply list read, and the {@code HashMap} floor in turn, round after round, on the same thread of
 * 100,000 comments, and reports the ratios of the medians and of the minimums over all rounds, which drifting
 * load affects alike. Each ratio is a cost: the operation's time over the floor's.
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
        long[] page = new long[rounds];
        long[] pageAndReplies = new long[rounds];
        long[] floor = new long[rounds];
        long sink = 0;
        for (int round = -rounds / 2; round < rounds; round++) {
            long t0 = System.nanoTime();
            sink += benchmark.assemblePage().size();
            long t1 = System.nanoTime();
            sink += benchmark.assemblePageAndReadEveryReplyList();
            long t2 = System.nanoTime();
            sink += benchmark.indexByIdFloor().size();
            long t3 = System.nanoTime();
            if (round >= 0) {
                page[round] = t1 - t0;
                pageAndReplies[round] = t2 - t1;
                floor[round] = t3 - t2;
            }
        }
        Arrays.sort(page);
        Arrays.sort(pageAndReplies);
        Arrays.sort(floor);
        System.out.printf("%d comments, %d rounds (checksum %d)%n", ThreadPageBenchmark.COMMENTS, rounds, sink);
        report("median", page[rounds / 2], pageAndReplies[rounds / 2], floor[rounds / 2]);
        report("min", page[0], pageAndReplies[0], floor[0]);
    }

    private static void report(String statistic, long page, long pageAndReplies, long floor) {
        System.out.printf("%-6s page %.1f ms, page + reply lists %.1f ms, HashMap floor %.1f ms; "
                        + "page/floor %.2f, page + reply lists/floor %.2f%n",
                statistic, page / 1e6, pageAndReplies / 1e6, floor / 1e6, (double) page / floor,
                (double) pageAndReplies / floor);
    }
}
