package dev.parley.benchmarks.verify;

import dev.parley.benchmarks.Interleaved;
import dev.parley.pingback.verify.LinkVerifier;
import org.jsoup.Jsoup;

/**
 * A cross-check of {@link VerifyBenchmark} for a shared, busy machine: JMH measures its two methods one
 * after the other, so load that comes and goes between them skews the ratio. This runs the two operations
 * {@link Interleaved interleaved}, one run each per round, and reports the ratio of the medians and of the
 * minimums over all rounds, which drifting load affects equally.
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
        Interleaved times = Interleaved.measure(rounds, 1,
                () -> Jsoup.parse(html, BlogPage.URL).childNodeSize(),
                () -> verifier.verifyHtml(html, BlogPage.URL, BlogPage.TARGET).excerpt().length());
        times.print(String.format("page %d chars, %d rounds", html.length(), rounds),
                (statistic, time) -> String.format("%-6s parse %.0f us, verify+extract %.0f us, ratio %.2f", statistic,
                        time.applyAsDouble(0) / 1e3, time.applyAsDouble(1) / 1e3,
                        time.applyAsDouble(1) / time.applyAsDouble(0)));
    }
}
