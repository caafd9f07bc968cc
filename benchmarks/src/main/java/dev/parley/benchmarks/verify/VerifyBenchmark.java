package dev.parley.benchmarks.verify;

import dev.parley.pingback.verify.LinkVerifier;
import dev.parley.pingback.verify.SourceReport;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Average time to verify and extract from a 100 KB source page, against the floor of a bare
 * {@code Jsoup.parse} of the same page in the same run.
 *
 * <ul>
 *   <li>{@code jsoupParse}: the floor, {@code Jsoup.parse(html, url)} and nothing else.</li>
 *   <li>{@code verifyAndExtract}: {@link LinkVerifier#verifyHtml(String, String, String)}: the same parse,
 *       the link search over every element, and the title, excerpt, author, post type and date
 *       extraction.</li>
 * </ul>
 *
 * <p>The target is {@code verifyAndExtract / jsoupParse <= 1.3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {

    private String html;
    private LinkVerifier verifier;

    /** Builds the page and the verifier once. */
    @Setup
    public void setUp() {
        html = BlogPage.build(100_000);
        verifier = LinkVerifier.builder().build();
        SourceReport report = verifier.verifyHtml(html, BlogPage.URL, BlogPage.TARGET);
        if (!report.linksToTarget() || report.author() == null) {
            throw new IllegalStateException("the benchmark page must link to the target: " + report);
        }
    }

    /**
     * The floor: parsing alone.
     *
     * @return the document, so the work is not eliminated
     */
    @Benchmark
    public Document jsoupParse() {
        return Jsoup.parse(html, BlogPage.URL);
    }

    /**
     * Parsing, verifying and extracting.
     *
     * @return the report, so the work is not eliminated
     */
    @Benchmark
    public SourceReport verifyAndExtract() {
        return verifier.verifyHtml(html, BlogPage.URL, BlogPage.TARGET);
    }
}
