package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.fetch.FetchFailure;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.fetch.SafeFetcher;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Targets larger than the fetcher's byte cap: discovery reads their headers and the start of their body instead
 * of giving up, so a large PDF with a {@code Link} header or a long page with its endpoint in the head still has
 * an endpoint. The cap here is 4 KiB and the pages 64 KiB.
 */
@DisplayName("Discovery on pages larger than the byte cap")
class LargePageDiscoveryTest {

    private static final int CAP = 4_096;
    private static final String FILLER = "<p>" + "words ".repeat(10_000) + "</p>";

    private DiscoveryServer server;
    private SafeFetcher capped;

    @BeforeEach
    void start() {
        server = DiscoveryServer.start();
        capped = server.fetcher().toBuilder().maxBodyBytes(CAP).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("a large non-HTML target's Link header names the Webmention endpoint")
    void largeNonHtmlWithLinkHeader() {
        server.on("/paper.pdf", DiscoveryServer.ok().header("Content-Type", "application/pdf")
                .header("Link", "</webmention>; rel=\"webmention\"").body("%PDF-1.7 " + "x".repeat(65_536)));

        Discovery result = new EndpointDiscovery(capped).discover(server.uri("/paper.pdf"));

        assertThat(result).isInstanceOf(Discovery.Found.class);
        assertThat(((Discovery.Found) result).webmention()).hasValue(server.uri("/webmention"));
        assertThat(server.requests()).containsExactly("GET /paper.pdf");
    }

    @Test
    @DisplayName("a large HTML page's endpoint in its head is found; one past the cap is not")
    void largeHtmlPage() {
        server.html("/long", "<html><head><link rel=\"pingback\" href=\"/xmlrpc\"></head><body>" + FILLER
                + "<a rel=\"webmention\" href=\"/too-late\">late</a></body></html>");

        Discovery result = new EndpointDiscovery(capped).discover(server.uri("/long"));

        assertThat(result).isInstanceOf(Discovery.Found.class);
        Discovery.Found found = (Discovery.Found) result;
        assertThat(found.pingback()).hasValue(server.uri("/xmlrpc"));
        assertThat(found.webmention()).as("past the cap, never read").isEmpty();
    }

    @Test
    @DisplayName("the fetcher given to discovery still refuses oversized bodies when used on its own")
    void fetcherItselfStillRefuses() {
        server.html("/long", "<html><body>" + FILLER + "</body></html>");

        FetchResult result = capped.fetch(server.uri("/long"));

        assertThat(result).isInstanceOf(FetchResult.Refused.class);
        assertThat(((FetchResult.Refused) result).failure()).isEqualTo(FetchFailure.TOO_LARGE);
    }

    @Test
    @DisplayName("a truncating fetcher keeps exactly the first bytes up to the cap")
    void truncatingFetcherKeepsTheCap() {
        server.on("/text", DiscoveryServer.ok().header("Content-Type", "text/plain; charset=utf-8")
                .body("a".repeat(CAP) + "b".repeat(10_000)));

        FetchResult result = capped.toBuilder().truncateOversizedBodies(true).build().fetch(server.uri("/text"));

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) result).body()).isEqualTo("a".repeat(CAP));
    }
}
