package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Webmention endpoint discovery over real HTTP, modelled on the discovery tests of webmention.rocks (1 to 23) and
 * the rules of the W3C Recommendation's section 3.1.2. Each case serves pages from a loopback server, discovers
 * the target's endpoints, and checks the exact endpoint and that the target page (and its redirect hops) were the
 * only requests made: the endpoint itself is never contacted.
 */
@DisplayName("Webmention discovery finds exactly the endpoint the W3C Recommendation names")
class WebmentionDiscoveryTest {

    private DiscoveryServer server;

    @BeforeEach
    void start() {
        server = DiscoveryServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<DiscoveryCase> cases() {
        return Stream.of(
                // webmention.rocks 1-23
                DiscoveryCase.webmention("1: Link header, unquoted rel, relative URL", "{o}/test/1/webmention?head=true",
                        Route.html("/test/1", "<p>no endpoint here</p>")
                                .header("Link", "</test/1/webmention?head=true>; rel=webmention")),
                DiscoveryCase.webmention("2: Link header, unquoted rel, absolute URL", "{o}/test/2/webmention?head=true",
                        Route.html("/test/2", "<p>no endpoint here</p>")
                                .header("Link", "<{o}/test/2/webmention?head=true>; rel=webmention")),
                DiscoveryCase.webmention("3: <link> element, relative URL", "{o}/test/3/webmention",
                        Route.html("/test/3", "<html><head><link rel=\"webmention\" href=\"/test/3/webmention\">"
                                + "</head><body></body></html>")),
                DiscoveryCase.webmention("4: <link> element, absolute URL", "{o}/test/4/webmention",
                        Route.html("/test/4", "<link rel=\"webmention\" href=\"{o}/test/4/webmention\">")),
                DiscoveryCase.webmention("5: <a> element, relative URL", "{o}/test/5/webmention",
                        Route.html("/test/5", "<p>This post has its endpoint in an "
                                + "<a href=\"/test/5/webmention\" rel=\"webmention\">a tag</a>.</p>")),
                DiscoveryCase.webmention("6: <a> element, absolute URL", "{o}/test/6/webmention",
                        Route.html("/test/6", "<a rel=\"webmention\" href=\"{o}/test/6/webmention\">endpoint</a>")),
                DiscoveryCase.webmention("7: Link header name in strange casing", "{o}/test/7/webmention?head=true",
                        Route.html("/test/7", "<p></p>")
                                .header("LinK", "<{o}/test/7/webmention?head=true>; rel=webmention")),
                DiscoveryCase.webmention("8: Link header, quoted rel", "{o}/test/8/webmention?head=true",
                        Route.html("/test/8", "<p></p>")
                                .header("Link", "<{o}/test/8/webmention?head=true>; rel=\"webmention\"")),
                DiscoveryCase.webmention("9: several rel values on a <link>", "{o}/test/9/webmention",
                        Route.html("/test/9", "<link rel=\"webmention somethingelse\" href=\"/test/9/webmention\">")),
                DiscoveryCase.webmention("10: several rel values on a Link header", "{o}/test/10/webmention?head=true",
                        Route.html("/test/10", "<p></p>")
                                .header("Link", "</test/10/webmention?head=true>; rel=\"webmention somethingelse\"")),
                DiscoveryCase.webmention("11: Link header, <link> and <a>: the header wins",
                        "{o}/test/11/webmention",
                        Route.html("/test/11", "<link rel=\"webmention\" href=\"/test/11/error\">"
                                        + "<a rel=\"webmention\" href=\"/test/11/error\">x</a>")
                                .header("Link", "</test/11/webmention>; rel=\"webmention\"")),
                DiscoveryCase.webmention("12: rel=not-webmention is no match", "{o}/test/12/webmention",
                        Route.html("/test/12", "<link rel=\"not-webmention\" href=\"/test/12/error\">"
                                + "<link rel=\"webmention\" href=\"/test/12/webmention\">")),
                DiscoveryCase.webmention("13: an endpoint inside an HTML comment does not count",
                        "{o}/test/13/webmention",
                        Route.html("/test/13", "<!-- <link rel=\"webmention\" href=\"/test/13/error\"> -->"
                                + "<link rel=\"webmention\" href=\"/test/13/webmention\">")),
                DiscoveryCase.webmention("14: an endpoint in escaped HTML does not count", "{o}/test/14/webmention",
                        Route.html("/test/14", "<code>&lt;a href=\"/test/14/error\" rel=\"webmention\"&gt;&lt;/a&gt;"
                                + "</code><a href=\"/test/14/webmention\" rel=\"webmention\">real</a>")),
                DiscoveryCase.webmention("15: href=\"\" is the page itself", "{o}/test/15",
                        Route.html("/test/15", "<link rel=\"webmention\" href=\"\">")),
                DiscoveryCase.webmention("16: <a> before <link>: the first in document order wins",
                        "{o}/test/16/webmention",
                        Route.html("/test/16", "<body><a rel=\"webmention\" href=\"/test/16/webmention\">a</a>"
                                + "<link rel=\"webmention\" href=\"/test/16/error\"></body>")),
                DiscoveryCase.webmention("17: <link> before <a>: the first in document order wins",
                        "{o}/test/17/webmention",
                        Route.html("/test/17", "<link rel=\"webmention\" href=\"/test/17/webmention\">"
                                + "<a rel=\"webmention\" href=\"/test/17/error\">a</a>")),
                DiscoveryCase.webmention("18: several Link headers", "{o}/test/18/webmention?head=true",
                        Route.html("/test/18", "<p></p>")
                                .header("Link", "<{o}/test/18/error>; rel=\"other\"")
                                .header("Link", "<{o}/test/18/webmention?head=true>; rel=\"webmention\"")),
                DiscoveryCase.webmention("19: one Link header with several link-values",
                        "{o}/test/19/webmention?head=true",
                        Route.html("/test/19", "<p></p>")
                                .header("Link", "<{o}/test/19/error>; rel=\"other\", "
                                        + "<{o}/test/19/webmention?head=true>; rel=\"webmention\"")),
                DiscoveryCase.webmention("20: a <link> without href is passed over", "{o}/test/20/webmention",
                        Route.html("/test/20", "<link rel=\"webmention\">"
                                + "<a rel=\"webmention\" href=\"/test/20/webmention\">a</a>")),
                DiscoveryCase.webmention("21: the endpoint's query string is kept",
                        "{o}/test/21/webmention?query=yes&two=2",
                        Route.html("/test/21", "<link rel=\"webmention\" href=\"/test/21/webmention?query=yes&amp;two=2\">")),
                DiscoveryCase.webmention("22: a path-relative endpoint", "{o}/test/22/webmention",
                        Route.html("/test/22", "<link rel=\"webmention\" href=\"22/webmention\">")),
                new DiscoveryCase("23: a redirected target: the relative endpoint resolves against the final URL",
                        "/test/23/page", "{o}/test/23/page/webmention-endpoint/ABC", null, null,
                        List.of("GET /test/23/page", "GET /test/23/page/ABC"), List.of(
                        Route.redirect("/test/23/page", 302, "/test/23/page/ABC"),
                        Route.html("/test/23/page/ABC", "<p></p>")
                                .header("Link", "<webmention-endpoint/ABC>; rel=\"webmention\""))),
                // Link header grammar (RFC 8288)
                DiscoveryCase.webmention("Link header name in lower case", "{o}/wm",
                        Route.html("/p", "<p></p>").header("link", "</wm>; rel=webmention")),
                DiscoveryCase.webmention("Link header name in upper case", "{o}/wm",
                        Route.html("/p", "<p></p>").header("LINK", "</wm>; rel=webmention")),
                DiscoveryCase.webmention("rel value in upper case in a Link header", "{o}/wm",
                        Route.html("/p", "<p></p>").header("Link", "</wm>; rel=\"WebMention\"")),
                DiscoveryCase.webmention("rel parameter name in upper case", "{o}/wm",
                        Route.html("/p", "<p></p>").header("Link", "</wm>; REL=webmention")),
                DiscoveryCase.webmention("rel tokens separated by a tab in a Link header", "{o}/wm",
                        Route.html("/p", "<p></p>").header("Link", "</wm>; rel=\"other\twebmention\"")),
                DiscoveryCase.webmention("an endpoint URL holding a comma and a semicolon", "{o}/wm;v=1?a=1,2",
                        Route.html("/p", "<p></p>")
                                .header("Link", "</x,y;z>; rel=\"preload\", </wm;v=1?a=1,2>; rel=\"webmention\"")),
                DiscoveryCase.webmention("a quoted rel holding a comma does not split the link-value", "{o}/wm",
                        Route.html("/p", "<p></p>")
                                .header("Link", "</not>; title=\"a, <b>; rel=webmention\"; rel=next, </wm>; rel=webmention")),
                DiscoveryCase.webmention("only the first rel parameter of a link-value counts", "{o}/wm",
                        Route.html("/p", "<p></p>")
                                .header("Link", "</wrong>; rel=\"other\"; rel=\"webmention\", </wm>; rel=webmention")),
                DiscoveryCase.webmention("a malformed link-value is skipped, the next one still counts", "{o}/wm",
                        Route.html("/p", "<p></p>")
                                .header("Link", "garbage; rel=webmention, </wm>; rel=webmention")),
                DiscoveryCase.webmention("a Link header without webmention leaves the body to decide", "{o}/body",
                        Route.html("/p", "<link rel=\"webmention\" href=\"/body\">")
                                .header("Link", "</style.css>; rel=stylesheet")),
                DiscoveryCase.webmention("an empty Link target is the page itself", "{o}/p",
                        Route.html("/p", "<p></p>").header("Link", "<>; rel=webmention")),
                DiscoveryCase.webmention("a Link header endpoint on another host is taken as it is, not contacted",
                        "https://webmention.example/endpoint?site=1",
                        Route.html("/p", "<p></p>")
                                .header("Link", "<https://webmention.example/endpoint?site=1>; rel=webmention")),
                // HTML rules
                DiscoveryCase.webmention("rel in mixed case on a <link>", "{o}/wm",
                        Route.html("/p", "<link rel=\"WebMention\" href=\"/wm\">")),
                DiscoveryCase.webmention("rel tokens separated by a tab and a newline", "{o}/wm",
                        Route.html("/p", "<link rel=\"me\tshortlink\nwebmention\" href=\"/wm\">")),
                DiscoveryCase.webmention("unquoted attributes in reverse order", "{o}/wm",
                        Route.html("/p", "<link href=/wm rel=webmention>")),
                DiscoveryCase.webmention("an endpoint inside <script> text does not count", "{o}/wm",
                        Route.html("/p", "<script>document.write('<link rel=\"webmention\" href=\"/error\">')"
                                + "</script><a rel=\"webmention\" href=\"/wm\">real</a>")),
                DiscoveryCase.webmention("an endpoint inside <textarea> text does not count", "{o}/wm",
                        Route.html("/p", "<textarea><a rel=\"webmention\" href=\"/error\">x</a></textarea>"
                                + "<link rel=\"webmention\" href=\"/wm\">")),
                DiscoveryCase.webmention("an endpoint in inert <template> content does not count", "{o}/wm",
                        Route.html("/p", "<template><link rel=\"webmention\" href=\"/error\"></template>"
                                + "<link rel=\"webmention\" href=\"/wm\">")),
                DiscoveryCase.webmention("rel=webmention on <area> does not count", null,
                        Route.html("/p", "<map><area rel=\"webmention\" href=\"/error\"></map>")),
                DiscoveryCase.webmention("a javascript: endpoint is passed over for the next", "{o}/wm",
                        Route.html("/p", "<link rel=\"webmention\" href=\"javascript:alert(1)\">"
                                + "<a rel=\"webmention\" href=\"/wm\">x</a>")),
                DiscoveryCase.webmention("the endpoint's fragment is dropped", "{o}/wm",
                        Route.html("/p", "<link rel=\"webmention\" href=\"/wm#here\">")),
                DiscoveryCase.webmention("dot segments are resolved", "{o}/a/wm",
                        Route.html("/a/b/c", "<link rel=\"webmention\" href=\"../wm\">")),
                DiscoveryCase.webmention("a protocol-relative endpoint", "http://hooks.example/wm",
                        Route.html("/p", "<link rel=\"webmention\" href=\"//hooks.example/wm\">")),
                DiscoveryCase.webmention("scheme and host are normalized to lower case", "https://hooks.example/WM",
                        Route.html("/p", "<link rel=\"webmention\" href=\"HTTPS://Hooks.Example:443/WM\">")),
                DiscoveryCase.webmention("an endpoint on a private address is reported, never contacted",
                        "http://10.0.0.1/wm", Route.html("/p", "<link rel=\"webmention\" href=\"http://10.0.0.1/wm\">")),
                DiscoveryCase.webmention("a page without any endpoint", null,
                        Route.html("/p", "<html><head><title>t</title></head><body><a href=\"/x\">x</a></body>")),
                DiscoveryCase.webmention("a <link> in the body still counts in document order", "{o}/wm",
                        Route.html("/p", "<body><p>text</p><link rel=\"webmention\" href=\"/wm\"></body>")),
                DiscoveryCase.webmention("an <a> with rel=webmention but no href is passed over", "{o}/wm",
                        Route.html("/p", "<a rel=\"webmention\">no href</a><link rel=\"webmention\" href=\"/wm\">")),
                new DiscoveryCase("a 301 then the element: resolved against the final URL", "/old",
                        "{o}/new/wm", null, null, List.of("GET /old", "GET /new/post"), List.of(
                        Route.redirect("/old", 301, "{o}/new/post"),
                        Route.html("/new/post", "<link rel=\"webmention\" href=\"wm\">"))),
                // media types
                DiscoveryCase.webmention("a non-HTML page's Link header counts", "{o}/wm",
                        Route.raw("/photo.png", 200, "image/png", "\u0089PNG not really")
                                .header("Link", "</wm>; rel=\"webmention\"")),
                DiscoveryCase.webmention("a response without Content-Type: its Link header counts", "{o}/wm",
                        Route.raw("/blob", 200, null, "bytes").header("Link", "</wm>; rel=webmention")),
                DiscoveryCase.webmention("a text/plain body is never searched", null,
                        Route.raw("/p.txt", 200, "text/plain; charset=utf-8",
                                "<link rel=\"webmention\" href=\"/error\">")),
                DiscoveryCase.webmention("a JSON body is never searched", null,
                        Route.raw("/p.json", 200, "application/json",
                                "{\"html\": \"<a rel=\\\"webmention\\\" href=\\\"/error\\\">\"}")),
                DiscoveryCase.webmention("an XHTML body is searched", "{o}/wm",
                        Route.raw("/p.xhtml", 200, "application/xhtml+xml",
                                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                                        + "<link rel=\"webmention\" href=\"/wm\"/></head><body/></html>")),
                DiscoveryCase.webmention("a 203 answer counts as a page", "{o}/wm",
                        Route.raw("/p", 203, "text/html", "<link rel=\"webmention\" href=\"/wm\">")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("finds the exact endpoint and requests only the target page")
    void discovers(DiscoveryCase discoveryCase) {
        discoveryCase.check(server);
    }
}
