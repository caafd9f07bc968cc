package dev.parley.benchmarks.send;

import dev.parley.benchmarks.Interleaved;
import dev.parley.benchmarks.send.DiscoveryBenchmark.Placement;
import dev.parley.benchmarks.verify.BlogPage;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.send.EndpointDiscovery;
import java.net.URI;
import org.jsoup.Jsoup;

/**
 * A cross-check of {@link DiscoveryBenchmark} for a shared, busy machine: the parse of each page and the
 * discoveries on it, {@link Interleaved interleaved} one run each per round. Each ratio printed is a cost: the
 * discovery's time over a bare {@code Jsoup.parse} of the same body. The {@code Link} header page has the head
 * page's body, so both share that floor.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.send.DiscoveryRatio
 * [rounds]}.
 */
public final class DiscoveryRatio {

    private DiscoveryRatio() {
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args optionally the number of measured rounds (default 2000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        FetchResult.Fetched head = DiscoveryBenchmark.page(Placement.HTML_HEAD);
        FetchResult.Fetched bodyEnd = DiscoveryBenchmark.page(Placement.HTML_BODY_END);
        FetchResult.Fetched header = DiscoveryBenchmark.page(Placement.LINK_HEADER);
        URI target = URI.create(BlogPage.URL);
        Interleaved times = Interleaved.measure(rounds, 1,
                () -> Jsoup.parse(head.body(), BlogPage.URL).childNodeSize(),
                () -> EndpointDiscovery.webmention(head).orElseThrow().toString().length(),
                () -> Jsoup.parse(bodyEnd.body(), BlogPage.URL).childNodeSize(),
                () -> EndpointDiscovery.webmention(bodyEnd).orElseThrow().toString().length(),
                () -> EndpointDiscovery.webmention(header).orElseThrow().toString().length(),
                () -> EndpointDiscovery.inspect(target, head).endpoints().size());
        times.print(String.format("page %d chars, %d rounds", head.body().length(), rounds),
                (statistic, time) -> String.format("%-6s parse %.0f us; webmention in head %.0f us (%.3f), "
                                + "at body end %.0f us (%.3f, its parse %.0f us), in Link header %.1f us (%.4f); "
                                + "inspect, head %.0f us (%.3f)", statistic,
                        time.applyAsDouble(0) / 1e3,
                        time.applyAsDouble(1) / 1e3, time.applyAsDouble(1) / time.applyAsDouble(0),
                        time.applyAsDouble(3) / 1e3, time.applyAsDouble(3) / time.applyAsDouble(2),
                        time.applyAsDouble(2) / 1e3,
                        time.applyAsDouble(4) / 1e3, time.applyAsDouble(4) / time.applyAsDouble(0),
                        time.applyAsDouble(5) / 1e3, time.applyAsDouble(5) / time.applyAsDouble(0)));
    }
}
