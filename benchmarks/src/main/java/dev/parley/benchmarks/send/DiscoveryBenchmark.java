package dev.parley.benchmarks.send;

import dev.parley.benchmarks.verify.BlogPage;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.send.Discovery;
import dev.parley.pingback.send.EndpointDiscovery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Average time to discover the Webmention endpoint of a 100 KB target page, against the floor of a bare
 * {@code Jsoup.parse} of the same page in the same run.
 *
 * <ul>
 *   <li>{@code jsoupParse}: the floor, {@code Jsoup.parse(body, url)} and nothing else.</li>
 *   <li>{@code webmention}: {@link EndpointDiscovery#webmention(FetchResult.Fetched)} on the fetched page:
 *       the {@code Link} headers, then the body parsed once and searched in document order.</li>
 *   <li>{@code inspect}: {@link EndpointDiscovery#inspect(URI, FetchResult.Fetched)}, all three protocols
 *       (the page advertises no Pingback server and no TrackBack block, so both are searched for in vain).</li>
 * </ul>
 *
 * <p>The {@code placement} parameter says where the page advertises its endpoint: {@code HTML_HEAD} (a
 * {@code <link>} in the head), {@code HTML_BODY_END} (an {@code <a>} as the body's last element) or
 * {@code LINK_HEADER} (an HTTP {@code Link} header, the body being the {@code HTML_HEAD} one). The targets are
 * {@code webmention / jsoupParse <= 1.1} for the two HTML placements and {@code <= 0.1} for the header.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiscoveryBenchmark {

    /** The target page's size. */
    static final int PAGE_BYTES = 100_000;
    /** The endpoint the {@code Link} header names, distinct from the HTML's so the setup sees which was used. */
    static final String HEADER_ENDPOINT = "https://jane.example/webmention?via=header";

    /** Where the target page advertises its Webmention endpoint. */
    public enum Placement {
        /** A {@code <link rel="webmention">} in the head. */
        HTML_HEAD,
        /** An {@code <a rel="webmention">} as the body's last element. */
        HTML_BODY_END,
        /** A {@code Link} header; the body has the head's {@code <link>} too. */
        LINK_HEADER,
    }

    /** Where the endpoint is. */
    @Param
    public Placement placement;

    private FetchResult.Fetched page;
    private URI target;

    /** Builds the fetched page once and checks that discovery finds the endpoint expected. */
    @Setup
    public void setUp() {
        page = page(placement);
        target = URI.create(BlogPage.URL);
        String expected = placement == Placement.LINK_HEADER ? HEADER_ENDPOINT : BlogPage.WEBMENTION;
        Optional<URI> found = EndpointDiscovery.webmention(page);
        if (!found.equals(Optional.of(URI.create(expected)))) {
            throw new IllegalStateException(placement + ": expected " + expected + ", found " + found);
        }
    }

    /**
     * The fetched target page for a placement, as {@code SafeFetcher} would return it: a 200 UTF-8 HTML page of
     * about 100 KB with a few ordinary response headers.
     *
     * @param placement where the endpoint is
     * @return the page
     */
    static FetchResult.Fetched page(Placement placement) {
        String body = BlogPage.build(PAGE_BYTES,
                placement == Placement.HTML_BODY_END ? BlogPage.Endpoint.BODY_END : BlogPage.Endpoint.HEAD);
        Map<String, List<String>> headers = placement == Placement.LINK_HEADER
                ? Map.of("content-type", List.of("text/html; charset=utf-8"),
                        "cache-control", List.of("max-age=600"),
                        "link", List.of("<https://jane.example/feed.xml>; rel=\"alternate\"; "
                                + "type=\"application/atom+xml\", <" + HEADER_ENDPOINT + ">; rel=\"webmention\""))
                : Map.of("content-type", List.of("text/html; charset=utf-8"),
                        "cache-control", List.of("max-age=600"));
        return new FetchResult.Fetched(URI.create(BlogPage.URL), 200, "text/html", StandardCharsets.UTF_8, body,
                headers);
    }

    /**
     * The floor: parsing alone.
     *
     * @return the document, so the work is not eliminated
     */
    @Benchmark
    public Document jsoupParse() {
        return Jsoup.parse(page.body(), BlogPage.URL);
    }

    /**
     * Discovering the Webmention endpoint.
     *
     * @return the endpoint, so the work is not eliminated
     */
    @Benchmark
    public Optional<URI> webmention() {
        return EndpointDiscovery.webmention(page);
    }

    /**
     * Discovering all three endpoints.
     *
     * @return the endpoints, so the work is not eliminated
     */
    @Benchmark
    public Discovery.Found inspect() {
        return EndpointDiscovery.inspect(target, page);
    }
}
