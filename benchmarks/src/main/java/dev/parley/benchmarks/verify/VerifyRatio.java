package dev.parley.benchmarks.verify;

import dev.parley.pingback.verify.LinkVerifier;
import java.util.Arrays;
import org.jsoup.Jsoup;

/**
 * A cross-check of {@link VerifyBenchmark} for a shared, busy machine: JMH measures its two methods one
 * after the other, so load that comes and goes between them skews the ratio. This runs the two operations
 * alternately, round after round, and reports the ratio of the medians and of the minimums over all rounds,
 * which drifting load affects equally.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.verify.VerifyRatio [rounds]}.
 */
public final class VerifyRatio {

    private VerifyRatio() {
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args optionally the number of measured rounds (default 2000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String html = BlogPage.build(100_000);
        LinkVerifier verifier = LinkVerifier.builder().build();
        long[] parse = new long[rounds];
        long[] verify = new long[rounds];
        int sink = 0;
        for (int round = -rounds / 2; round < rounds; round++) {
            long t0 = System.nanoTime();
            sink += Jsoup.parse(html, BlogPage.URL).childNodeSize();
            long t1 = System.nanoTime();
            sink += verifier.verifyHtml(html, BlogPage.URL, BlogPage.TARGET).excerpt().length();
            long t2 = System.nanoTime();
            if (round >= 0) {
                parse[round] = t1 - t0;
                verify[round] = t2 - t1;
            }
        }
        Arrays.sort(parse);
        Arrays.sort(verify);
        System.out.printf("page %d chars, %d rounds (checksum %d)%n", html.length(), rounds, sink);
        System.out.printf("median: parse %.0f us, verify+extract %.0f us, ratio %.2f%n", parse[rounds / 2] / 1e3,
                verify[rounds / 2] / 1e3, (double) verify[rounds / 2] / parse[rounds / 2]);
        System.out.printf("min:    parse %.0f us, verify+extract %.0f us, ratio %.2f%n", parse[0] / 1e3,
                verify[0] / 1e3, (double) verify[0] / parse[0]);
    }
}
