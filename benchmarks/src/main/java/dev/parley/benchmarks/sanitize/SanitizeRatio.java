package dev.parley.benchmarks.sanitize;

import dev.parley.benchmarks.Interleaved;
import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.InputFormat;
import org.jsoup.Jsoup;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A cross-check of {@link SanitizeBenchmark} for a shared, busy machine: Parley's renderer, the OWASP
 * sanitizer and jsoup's parse alone, {@link Interleaved interleaved} in batches of 20. Each figure printed is
 * a throughput ratio, the peer's time per comment over the other's, so above 1 means the first is faster.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.sanitize.SanitizeRatio
 * [rounds]}.
 */
public final class SanitizeRatio {

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
        Interleaved times = Interleaved.measure(rounds, 20,
                () -> parley.render(comment, InputFormat.HTML).length(),
                () -> owasp.sanitize(comment).length(),
                () -> Jsoup.parseBodyFragment(comment).body().childNodeSize());
        times.print(String.format("comment %d chars, %d rounds of 20", comment.length(), rounds),
                (statistic, time) -> String.format("%-6s parley %.1f us, owasp %.1f us, jsoup parse alone %.1f us; "
                                + "parley/owasp throughput %.2f, parse alone/owasp %.2f", statistic,
                        time.applyAsDouble(0) / 1e3, time.applyAsDouble(1) / 1e3, time.applyAsDouble(2) / 1e3,
                        time.applyAsDouble(1) / time.applyAsDouble(0), time.applyAsDouble(1) / time.applyAsDouble(2)));
    }
}
