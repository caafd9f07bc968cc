package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pingback 1.0 and TrackBack 1.2 auto-discovery over real HTTP, and all three protocols on one page. Each case
 * checks the exact endpoint, that the target page was the only request, and that a second loopback server named
 * in the page (as an endpoint or an XML entity) was never connected to.
 */
@DisplayName("Pingback and TrackBack discovery follow their specifications")
class PingbackAndTrackbackDiscoveryTest {

    private DiscoveryServer server;
    private DiscoveryServer other;

    @BeforeEach
    void start() {
        server = DiscoveryServer.start();
        other = DiscoveryServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    private static String rdf(String identifier, String ping) {
        return "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
                + "         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "         xmlns:trackback=\"http://madskills.com/public/xml/rss/module/trackback/\">\n"
                + "<rdf:Description\n"
                + "    rdf:about=\"" + identifier + "\"\n"
                + "    dc:identifier=\"" + identifier + "\"\n"
                + "    dc:title=\"A post &amp; its title\"\n"
                + "    trackback:ping=\"" + ping + "\" />\n"
                + "</rdf:RDF>";
    }

    private static String inComment(String rdf) {
        return "<html><body><p>post</p>\n<!--\n" + rdf + "\n-->\n</body></html>";
    }

    static Stream<DiscoveryCase> pingbackCases() {
        return Stream.of(
                DiscoveryCase.pingback("X-Pingback header", "{o}/xmlrpc.php",
                        Route.html("/p", "<p></p>").header("X-Pingback", "{o}/xmlrpc.php")),
                DiscoveryCase.pingback("X-Pingback header name in lower case", "{o}/xmlrpc.php",
                        Route.html("/p", "<p></p>").header("x-pingback", "{o}/xmlrpc.php")),
                DiscoveryCase.pingback("X-Pingback header name in upper case", "https://blog.example/xmlrpc.php",
                        Route.html("/p", "<p></p>").header("X-PINGBACK", "https://blog.example/xmlrpc.php")),
                DiscoveryCase.pingback("the first of several X-Pingback headers", "{o}/first",
                        Route.html("/p", "<p></p>").header("X-Pingback", "{o}/first")
                                .header("X-Pingback", "{o}/second")),
                DiscoveryCase.pingback("<link rel=\"pingback\"> element", "{o}/xmlrpc.php",
                        Route.html("/p", "<html><head><link rel=\"pingback\" href=\"{o}/xmlrpc.php\" />"
                                + "</head></html>")),
                DiscoveryCase.pingback("the X-Pingback header wins over the element", "{o}/header",
                        Route.html("/p", "<link rel=\"pingback\" href=\"{o}/element\">")
                                .header("X-Pingback", "{o}/header")),
                DiscoveryCase.pingback("&amp; in the href is expanded", "{o}/xmlrpc?blog=1&id=2",
                        Route.html("/p", "<link rel=\"pingback\" href=\"{o}/xmlrpc?blog=1&amp;id=2\">")),
                DiscoveryCase.pingback("&lt; &gt; &quot; are expanded (then percent-encoded in the URL)",
                        "{o}/xmlrpc?q=%3Ca%3E%22",
                        Route.html("/p", "<link rel=\"pingback\" href=\"{o}/xmlrpc?q=&lt;a&gt;&quot;\">")),
                DiscoveryCase.pingback("a relative href resolves against the page", "{o}/blog/xmlrpc.php",
                        Route.html("/blog/post", "<link rel=\"pingback\" href=\"xmlrpc.php\">")),
                DiscoveryCase.pingback("rel token in mixed case among others", "{o}/xmlrpc.php",
                        Route.html("/p", "<link rel=\"alternate PingBack\" href=\"/xmlrpc.php\">")),
                DiscoveryCase.pingback("an <a rel=\"pingback\"> does not count", null,
                        Route.html("/p", "<a rel=\"pingback\" href=\"/xmlrpc.php\">x</a>")),
                DiscoveryCase.pingback("a <link rel=\"pingback\"> in a comment does not count", null,
                        Route.html("/p", "<!-- <link rel=\"pingback\" href=\"/xmlrpc.php\"> -->")),
                DiscoveryCase.pingback("the first of several elements", "{o}/one",
                        Route.html("/p", "<link rel=\"pingback\" href=\"/one\"><link rel=\"pingback\" href=\"/two\">")),
                DiscoveryCase.pingback("a non-HTML body is not searched", null,
                        Route.raw("/p", 200, "text/plain", "<link rel=\"pingback\" href=\"/xmlrpc.php\">")),
                DiscoveryCase.pingback("a non-HTML page's X-Pingback header counts", "{o}/xmlrpc.php",
                        Route.raw("/doc.pdf", 200, "application/pdf", "%PDF-1.4")
                                .header("X-Pingback", "/xmlrpc.php")),
                DiscoveryCase.pingback("an unusable X-Pingback header leaves the element to decide", "{o}/xmlrpc.php",
                        Route.html("/p", "<link rel=\"pingback\" href=\"/xmlrpc.php\">")
                                .header("X-Pingback", "mailto:admin@blog.example")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pingbackCases")
    @DisplayName("Pingback: finds the exact server and requests only the target page")
    void discoversPingback(DiscoveryCase discoveryCase) {
        discoveryCase.check(server, other.origin());
        assertThat(other.connections()).isZero();
    }

    static Stream<DiscoveryCase> trackbackCases() {
        return Stream.of(
                DiscoveryCase.trackback("an RDF block in an HTML comment naming the target", "{o}/tb.cgi/5",
                        Route.html("/archive.html", inComment(rdf("{o}/archive.html", "{o}/tb.cgi/5")))),
                DiscoveryCase.trackback("an RDF block naming another page does not count", null,
                        Route.html("/archive.html", inComment(rdf("{o}/other.html", "{o}/tb.cgi/5")))),
                DiscoveryCase.trackback("several blocks: the one naming the target", "{o}/tb/2",
                        Route.html("/2", "<!--" + rdf("{o}/1", "{o}/tb/1") + "-->\n<!--"
                                + rdf("{o}/2", "{o}/tb/2") + "-->\n<!--" + rdf("{o}/3", "{o}/tb/3") + "-->")),
                DiscoveryCase.trackback("identifiers compare normalized (scheme, host, default port, path)",
                        "{o}/tb/x",
                        Route.html("/", inComment(rdf("{o}", "{o}/tb/x")).replace("http://", "HTTP://"))),
                DiscoveryCase.trackback("the ping URL's &amp; is expanded", "{o}/mt-tb.cgi?id=5&x=1",
                        Route.html("/e", inComment(rdf("{o}/e", "{o}/mt-tb.cgi?id=5&amp;x=1")))),
                DiscoveryCase.trackback("a relative ping URL resolves against the page", "{o}/blog/trackback/7",
                        Route.html("/blog/post", inComment(rdf("{o}/blog/post", "trackback/7")))),
                DiscoveryCase.trackback("a block without namespace declarations still counts", "{o}/tb",
                        Route.html("/e", "<!-- <rdf:RDF><rdf:Description dc:identifier=\"{o}/e\" "
                                + "trackback:ping=\"{o}/tb\"/></rdf:RDF> -->")),
                DiscoveryCase.trackback("a block outside a comment counts too", "{o}/tb",
                        Route.html("/e", "<body>" + rdf("{o}/e", "{o}/tb") + "</body>")),
                DiscoveryCase.trackback("a description without ping is passed over for the next", "{o}/tb/b",
                        Route.html("/e", "<!-- <rdf:RDF><rdf:Description dc:identifier=\"{o}/e\"/></rdf:RDF> -->"
                                + inComment(rdf("{o}/e", "{o}/tb/b")))),
                DiscoveryCase.trackback("a block with an undeclared entity is skipped, nothing fetched", null,
                        Route.html("/e", "<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"{other}/xxe\">]>\n<!--"
                                + rdf("{o}/e", "&xxe;") + "-->")),
                DiscoveryCase.trackback("a block holding a DTD with an external entity is refused", null,
                        Route.html("/e", "<!-- <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                                + "<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"{other}/xxe\">]>"
                                + "<rdf:Description dc:identifier=\"{o}/e\" trackback:ping=\"{other}/&xxe;\"/>"
                                + "</rdf:RDF> -->")),
                DiscoveryCase.trackback("an entity-expansion bomb is refused", null,
                        Route.html("/e", "<!-- <rdf:RDF><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                                + "<rdf:Description dc:identifier=\"{o}/e\" trackback:ping=\"{o}/&b;\"/>"
                                + "</rdf:RDF> -->")),
                DiscoveryCase.trackback("at most 32 blocks are read", null,
                        Route.html("/e", ("<!--" + rdf("{o}/not-this", "{o}/tb/no") + "-->\n").repeat(32)
                                + inComment(rdf("{o}/e", "{o}/tb/late")))),
                DiscoveryCase.trackback("the 32nd block is still read", "{o}/tb/last",
                        Route.html("/e", ("<!--" + rdf("{o}/not-this", "{o}/tb/no") + "-->\n").repeat(31)
                                + inComment(rdf("{o}/e", "{o}/tb/last")))),
                DiscoveryCase.trackback("a non-HTML body is not searched", null,
                        Route.raw("/e", 200, "text/plain", rdf("{o}/e", "{o}/tb"))),
                DiscoveryCase.trackback("a javascript: ping URL does not count", null,
                        Route.html("/e", inComment(rdf("{o}/e", "javascript:alert(1)")))),
                new DiscoveryCase("an identifier equal to the final URL after a redirect counts", "/short",
                        null, null, "{o}/tb/final", List.of("GET /short", "GET /2024/final-post"), List.of(
                        Route.redirect("/short", 301, "/2024/final-post"),
                        Route.html("/2024/final-post", inComment(rdf("{o}/2024/final-post", "{o}/tb/final"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trackbackCases")
    @DisplayName("TrackBack: finds the exact ping URL and requests only the target page")
    void discoversTrackback(DiscoveryCase discoveryCase) {
        discoveryCase.check(server, other.origin());
        assertThat(other.connections()).isZero();
    }

    @Test
    @DisplayName("a target URL with a fragment matches the RDF identifier without it")
    void targetFragmentIsIgnoredForTheIdentifier() {
        server.html("/e", inComment(rdf(server.origin() + "/e", server.origin() + "/tb")));

        Discovery discovery = new EndpointDiscovery(server.fetcher()).discover(server.uri("/e#comments"));

        assertThat(discovery).isInstanceOfSatisfying(Discovery.Found.class, found ->
                assertThat(found.trackback()).contains(server.uri("/tb")));
        assertThat(server.requests()).containsExactly("GET /e");
    }

    @Test
    @DisplayName("a page advertising all three gives them in fallback order, none contacted")
    void allThreeInFallbackOrder() {
        DiscoveryCase all = new DiscoveryCase("all three", "/post", "{o}/webmention", "{o}/xmlrpc.php",
                "{o}/wp-trackback.php?p=1", List.of("GET /post"), List.of(
                Route.html("/post", "<html><head><link rel=\"pingback\" href=\"{o}/xmlrpc.php\">"
                                + "<link rel=\"webmention\" href=\"/webmention\"></head><body>"
                                + inComment(rdf("{o}/post", "{o}/wp-trackback.php?p=1")) + "</body></html>")));

        Discovery.Found found = all.check(server);

        assertThat(found.endpoints()).extracting(Endpoint::protocol).containsExactly(LinkbackProtocol.WEBMENTION,
                LinkbackProtocol.PINGBACK, LinkbackProtocol.TRACKBACK);
        assertThat(found.page()).isEqualTo(server.uri("/post"));
    }

    @Test
    @DisplayName("endpoints on a second loopback server are reported but never connected to")
    void endpointsElsewhereAreNotContacted() {
        DiscoveryCase elsewhere = new DiscoveryCase("elsewhere", "/post", "{other}/wm", "{other}/xmlrpc",
                "{other}/tb", List.of("GET /post"), List.of(
                Route.html("/post", "<link rel=\"webmention\" href=\"{other}/wm\">"
                                + inComment(rdf("{o}/post", "{other}/tb")))
                        .header("X-Pingback", "{other}/xmlrpc")));

        elsewhere.check(server, other.origin());

        assertThat(other.connections()).isZero();
    }
}
