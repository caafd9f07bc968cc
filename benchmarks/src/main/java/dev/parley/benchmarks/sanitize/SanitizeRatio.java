package dev.parley.benchmarks.sanitize;

import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.InputFormat;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A cross-check of {@link SanitizeBenchmark} for a shared, busy machine. JMH measures its methods one after
 * the other, so load that comes and goes between them moves the ratio by more than the difference being
 * measured. This runs the three operations in turn, a short batch each, round after round, and reports the
 * ratios of the medians and of the minimums over all rounds, which drifting load affects alike. Each figure
 * is a throughput ratio: the peer's time per comment over Parley's, so above 1 means Parley is faster.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.sanitize.SanitizeRatio
 * [rounds]}.
 */
public final class SanitizeRatio {

    private static final int BATCH = 20;

    private SanitizeRatio() {
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args optionally the number of measured rounds (default 3000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        String comment = SanitizeBenchmark.COMMENT;
        CommentRenderer parley = CommentRenderer.standard();
        PolicyFactory owasp = Sanitizers.FORMATTING.and(Sanitizers.LINKS).and(Sanitizers.BLOCKS);
        long[] parleyTimes = new long[rounds];
        long[] owaspTimes = new long[rounds];
        long[] parseTimes = new long[rounds];
        long sink = 0;
        for (int round = -rounds / 2; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sink += parley.render(comment, InputFormat.HTML).length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sink += owasp.sanitize(comment).length();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sink += Jsoup.parseBodyFragment(comment).body().childNodeSize();
            }
            long t3 = System.nanoTime();
            if (round >= 0) {
                parleyTimes[round] = t1 - t0;
                owaspTimes[round] = t2 - t1;
                parseTimes[round] = t3 - t2;
            }
        }
        Arrays.sort(parleyTimes);
        Arrays.sort(owaspTimes);
        Arrays.sort(parseTimes);
        System.out.printf("comment %d chars, %d rounds of %d (checksum %d)%n", comment.length(), rounds, BATCH, sink);
        report("median", parleyTimes[rounds / 2], owaspTimes[rounds / 2], parseTimes[rounds / 2]);
        report("min", parleyTimes[0], owaspTimes[0], parseTimes[0]);
    }

    private static void report(String statistic, long parley, long owasp, long parse) {
        System.out.printf("%-6s parley %.1f us, owasp %.1f us, jsoup parse alone %.1f us; "
                        + "parley/owasp throughput %.2f, parse alone/owasp %.2f%n",
                statistic, parley / 1e3 / BATCH, owasp / 1e3 / BATCH, parse / 1e3 / BATCH,
                (double) owasp / parley, (double) owasp / parse);
    }
}
