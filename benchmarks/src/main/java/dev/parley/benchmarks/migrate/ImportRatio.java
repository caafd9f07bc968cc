package dev.parley.benchmarks.migrate;

import dev.parley.benchmarks.Interleaved;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A cross-check of {@link ImportBenchmark} for a shared, busy machine: the bare StAX pass, one reader pass, the
 * dry run and the import into the in-memory store over the same 100,000-comment file, {@link Interleaved
 * interleaved} one run each per round. Each ratio printed is a cost, the operation's time over the bare pass's;
 * the import's rate is in comments per second.
 *
 * <p>On a machine loaded by other work, wall time also counts the time slices other processes took. A third
 * line therefore gives the same ratio in the process's CPU time (every thread of the JVM: the collector's and
 * the compiler's too) spent by each operation's run, medians over the same rounds.
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
            CpuTimes cpu = new CpuTimes(4);
            Interleaved times = Interleaved.measure(rounds, 1,
                    cpu.timed(0, benchmark::bareStaxPass),
                    cpu.timed(1, benchmark::readerPass),
                    cpu.timed(2, benchmark::dryRun),
                    cpu.timed(3, benchmark::importIntoMemory));
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
            double[] median = cpu.medians(rounds);
            System.out.printf("cpu    bare StAX %.0f ms, reader pass %.0f ms, dry run %.0f ms, import %.0f ms"
                            + " (%,.0f comments per CPU second); reader pass/bare %.2f, dry run/bare %.2f, import/bare %.2f%n",
                    median[0] / 1e6, median[1] / 1e6, median[2] / 1e6, median[3] / 1e6,
                    ImportBenchmark.COMMENTS / (median[3] / 1e9), median[1] / median[0], median[2] / median[0],
                    median[3] / median[0]);
        } finally {
            benchmark.tearDown();
        }
    }

    /** The process's CPU time spent by each run of each operation, in the order run. */
    private static final class CpuTimes {
        private final List<List<Long>> times = new ArrayList<>();

        CpuTimes(int operations) {
            for (int i = 0; i < operations; i++) {
                times.add(new ArrayList<>());
            }
        }

        LongSupplier timed(int operation, LongSupplier run) {
            return () -> {
                long start = processCpu();
                long result = run.getAsLong();
                times.get(operation).add(processCpu() - start);
                return result;
            };
        }

        /** The median of each operation's last {@code rounds} runs: the warm-up rounds come first. */
        double[] medians(int rounds) {
            double[] medians = new double[times.size()];
            for (int i = 0; i < medians.length; i++) {
                List<Long> all = times.get(i);
                long[] kept = all.subList(all.size() - rounds, all.size()).stream().mapToLong(Long::longValue)
                        .sorted().toArray();
                medians[i] = kept[kept.length / 2];
            }
            return medians;
        }

        private static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
