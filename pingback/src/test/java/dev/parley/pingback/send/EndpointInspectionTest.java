package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.parley.pingback.fetch.FetchResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The static, network-free half of discovery: endpoints of an already fetched page. */
@DisplayName("EndpointDiscovery inspects a fetched page without network")
class EndpointInspectionTest {

    private static final URI PAGE = URI.create("https://blog.example/posts/1");

    private static FetchResult.Fetched page(String mediaType, String body, Map<String, List<String>> headers) {
        return new FetchResult.Fetched(PAGE, 200, mediaType, StandardCharsets.UTF_8, body, headers);
    }

    @Test
    @DisplayName("a rel split by a newline inside a Link header value still matches")
    void newlineInLinkHeaderRel() {
        FetchResult.Fetched page = page("text/html", "", Map.of("Link",
                List.of("</wm>; rel=\"me\nwebmention\"")));

        assertThat(EndpointDiscovery.webmention(page)).contains(URI.create("https://blog.example/wm"));
    }

    @Test
    @DisplayName("an unusable Link header target is passed over for the next link-value, then the body")
    void unusableHeaderTarget() {
        FetchResult.Fetched page = page("text/html", "<link rel=webmention href=/body>",
                Map.of("link", List.of("<mailto:x@y.example>; rel=webmention", "<javascript:1>; rel=webmention")));

        assertThat(EndpointDiscovery.webmention(page)).contains(URI.create("https://blog.example/body"));
    }

    @Test
    @DisplayName("inspect gives all three and the page URL; the target decides the TrackBack block")
    void inspectAllThree() {
        String rdf = "<!-- <rdf:RDF><rdf:Description dc:identifier=\"https://blog.example/posts/1\" "
                + "trackback:ping=\"/tb/1\"/></rdf:RDF> -->";
        FetchResult.Fetched page = page("text/html", "<link rel=pingback href=/xmlrpc>" + rdf,
                Map.of("Link", List.of("</wm>; rel=webmention")));

        Discovery.Found found = EndpointDiscovery.inspect(URI.create("http://BLOG.example:80/posts/1#x"), page);

        assertThat(found.page()).isEqualTo(PAGE);
        assertThat(found.endpoints()).containsExactly(
                new Endpoint(LinkbackProtocol.WEBMENTION, URI.create("https://blog.example/wm")),
                new Endpoint(LinkbackProtocol.PINGBACK, URI.create("https://blog.example/xmlrpc")),
                new Endpoint(LinkbackProtocol.TRACKBACK, URI.create("https://blog.example/tb/1")));
        // The block names the page the target redirected to: accepted too.
        assertThat(EndpointDiscovery.trackback(URI.create("https://blog.example/short/2"), page))
                .contains(URI.create("https://blog.example/tb/1"));
        FetchResult.Fetched elsewhere = new FetchResult.Fetched(URI.create("https://blog.example/posts/9"), 200,
                "text/html", StandardCharsets.UTF_8, rdf, Map.of());
        assertThat(EndpointDiscovery.trackback(URI.create("https://blog.example/posts/2"), elsewhere)).isEmpty();
    }

    @Test
    @DisplayName("a non-HTML page is searched in its headers only")
    void nonHtmlHeadersOnly() {
        String body = "<link rel=webmention href=/a><link rel=pingback href=/b>"
                + "<rdf:RDF><rdf:Description dc:identifier=\"https://blog.example/posts/1\" trackback:ping=\"/c\"/>"
                + "</rdf:RDF>";
        FetchResult.Fetched page = page("application/octet-stream", body, Map.of());

        Discovery.Found found = EndpointDiscovery.inspect(PAGE, page);

        assertThat(found.endpoints()).isEmpty();
    }

    @Test
    @DisplayName("a null argument is misuse")
    void nulls() {
        FetchResult.Fetched page = page("text/html", "", Map.of());

        assertThatNullPointerException().isThrownBy(() -> EndpointDiscovery.inspect(null, page));
        assertThatNullPointerException().isThrownBy(() -> EndpointDiscovery.inspect(PAGE, null));
        assertThatNullPointerException().isThrownBy(() -> EndpointDiscovery.webmention(null));
        assertThatNullPointerException().isThrownBy(() -> EndpointDiscovery.pingback(null));
        assertThatNullPointerException().isThrownBy(() -> EndpointDiscovery.trackback(null, page));
        assertThatNullPointerException().isThrownBy(() -> new EndpointDiscovery(null));
    }
}
