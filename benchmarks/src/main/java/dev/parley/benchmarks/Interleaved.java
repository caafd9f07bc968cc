package dev.parley.benchmarks;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongSupplier;

/**
 * Times several operations in turn, a short batch of each, round after round in one JVM: the cross-check the
 * {@code *Ratio} mains use beside JMH on a shared machine, where load that comes and goes between two JMH
 * benchmarks moves their ratio by more than the difference measured. Drifting load falls on every operation
 * alike, so the ratios of the medians and of the minimums over all rounds are stable. The first half as many
 * rounds again are run as warm-up and not kept. Immutable once measured.
 */
public final class Interleaved {

    private final long[][] sortedTimes;
    private final int batch;
    private final long checksum;

    private Interleaved(long[][] sortedTimes, int batch, long checksum) {
        this.sortedTimes = sortedTimes;
        this.batch = batch;
        this.checksum = checksum;
    }

    /**
     * Measures the operations.
     *
     * @param rounds how many rounds to keep
     * @param batch how many times each operation runs per round
     * @param operations the operations, each returning a number that goes into {@link #checksum()} so the
     *     work cannot be optimized away
     * @return the times
     */
    public static Interleaved measure(int rounds, int batch, LongSupplier... operations) {
        if (rounds < 1 || batch < 1 || operations.length == 0) {
            throw new IllegalArgumentException("rounds " + rounds + ", batch " + batch + ", operations "
                    + operations.length + ": each must be at least 1");
        }
        long[][] times = new long[operations.length][rounds];
        long sink = 0;
        for (int round = -rounds / 2; round < rounds; round++) {
            for (int operation = 0; operation < operations.length; operation++) {
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink += operations[operation].getAsLong();
                }
                long elapsed = System.nanoTime() - start;
                if (round >= 0) {
                    times[operation][round] = elapsed;
                }
            }
        }
        for (long[] operationTimes : times) {
            Arrays.sort(operationTimes);
        }
        return new Interleaved(times, batch, sink);
    }

    /**
     * Returns the median over the rounds of one run of an operation.
     *
     * @param operation the operation's index in the order given
     * @return nanoseconds
     */
    public double median(int operation) {
        long[] times = sortedTimes[operation];
        return times[times.length / 2] / (double) batch;
    }

    /**
     * Returns the fastest round's time for one run of an operation.
     *
     * @param operation the operation's index in the order given
     * @return nanoseconds
     */
    public double min(int operation) {
        return sortedTimes[operation][0] / (double) batch;
    }

    /**
     * Returns the sum of what the operations returned, printed so their work is used.
     *
     * @return the checksum
     */
    public long checksum() {
        return checksum;
    }

    /**
     * Prints a header with the checksum, then a line for the medians and a line for the minimums.
     *
     * @param header what was measured
     * @param line makes a line from the statistic's name and its time per run (nanoseconds) of each
     *     operation, by index
     */
    public void print(String header, BiFunction<String, IntToDoubleFunction, String> line) {
        System.out.printf("%s (checksum %d)%n", header, checksum);
        System.out.println(line.apply("median", this::median));
        System.out.println(line.apply("min", this::min));
    }
}
