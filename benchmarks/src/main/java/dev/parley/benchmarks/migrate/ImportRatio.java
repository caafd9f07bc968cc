package dev.parley.benchmarks.migrate;

import dev.parley.benchmarks.Interleaved;

/**
 * A cross-check of {@link ImportBenchmark} for a shared, busy machine: the bare StAX pass, one reader pass, the
 * dry run and the import into the in-memory store over the same 100,000-comment file, {@link Interleaved
 * interleaved} one run each per round. Each ratio printed is a cost, the operation's time over the bare pass's;
 * the import's rate is in comments per second.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.migrate.ImportRatio
 * [rounds]}.
 */
public final class ImportRatio {

    private ImportRatio() {
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args optionally the number of measured rounds (default 10)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ImportBenchmark benchmark = new ImportBenchmark();
        benchmark.setUp();
        try {
            Interleaved times = Interleaved.measure(rounds, 1,
                    benchmark::bareStaxPass,
                    benchmark::readerPass,
                    benchmark::dryRun,
                    benchmark::importIntoMemory);
            times.print(String.format("%,d comments over %,d posts, %d rounds", ImportBenchmark.COMMENTS,
                    ImportBenchmark.POSTS, rounds),
                    (statistic, time) -> String.format("%-6s bare StAX %.0f ms, reader pass %.0f ms, dry run %.0f ms,"
                                    + " import %.0f ms (%,.0f comments/s); reader pass/bare %.2f, dry run/bare %.2f,"
                                    + " import/bare %.2f", statistic,
                            time.applyAsDouble(0) / 1e6, time.applyAsDouble(1) / 1e6, time.applyAsDouble(2) / 1e6,
                            time.applyAsDouble(3) / 1e6, ImportBenchmark.COMMENTS / (time.applyAsDouble(3) / 1e9),
                            time.applyAsDouble(1) / time.applyAsDouble(0),
                            time.applyAsDouble(2) / time.applyAsDouble(0),
                            time.applyAsDouble(3) / time.applyAsDouble(0)));
        } finally {
            benchmark.tearDown();
        }
    }
}
