package dev.parley.pingback.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against a real HTTP server on loopback that it is explicitly allowed to reach. */
class SafeFetcherHttpTest extends AllowedServerTest {

    @Nested
    @DisplayName("a plain page")
    class PlainPage {

        @Test
        void isFetchedWithStatusTypeCharsetBodyAndDiscoveryHeaders() {
            server.on("/post", exchange -> {
                exchange.getResponseHeaders().add("Link", "<https://example.org/webmention>; rel=\"webmention\"");
                exchange.getResponseHeaders().add("X-Pingback", "https://example.org/xmlrpc");
                LoopbackServer.respond(exchange, 200, "text/html; charset=UTF-8", "<p>héllo</p>".getBytes(UTF_8));
            });

            FetchResult.Fetched page = fetched(fetch("/post"));

            assertThat(page.uri()).isEqualTo(server.uri("/post"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.mediaType()).isEqualTo("text/html");
            assertThat(page.charset()).isEqualTo(UTF_8);
            assertThat(page.body()).isEqualTo("<p>héllo</p>");
            assertThat(page.header("LINK")).contains("<https://example.org/webmention>; rel=\"webmention\"");
            assertThat(page.header("x-pingback")).contains("https://example.org/xmlrpc");
            assertThat(page.headerValues("missing")).isEmpty();
        }

        @Test
        void sendsOneGetWithHostUserAgentAcceptAndConnectionClose() {
            server.html("/p", "<p>x</p>");

            fetched(builder().userAgent("TestAgent/1.0").build().fetch(server.uri("/p?q=1")));

            LoopbackServer.Request request = server.requests().get(0);
            assertThat(server.requests()).hasSize(1);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/p?q=1");
            assertThat(request.headers().getFirst("Host")).isEqualTo("127.0.0.1:" + server.port());
            assertThat(request.headers().getFirst("User-Agent")).isEqualTo("TestAgent/1.0");
            assertThat(request.headers().getFirst("Accept"))
                    .isEqualTo("text/html, application/xhtml+xml, text/plain");
            assertThat(request.headers().getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
            assertThat(request.headers().getFirst("Connection")).isEqualTo("close");
        }

        @Test
        void sendsTheDefaultUserAgent() {
            server.html("/p", "<p>x</p>");

            fetched(fetch("/p"));

            assertThat(server.requests().get(0).headers().getFirst("User-Agent"))
                    .isEqualTo(SafeFetcher.DEFAULT_USER_AGENT);
        }

        @Test
        void fragmentIsNotSentAndNotPartOfTheFinalUri() {
            server.html("/p", "<p>x</p>");

            FetchResult.Fetched page = fetched(builder().build().fetch(server.uri("/p") + "#section"));

            assertThat(server.requests().get(0).path()).isEqualTo("/p");
            assertThat(page.uri()).isEqualTo(server.uri("/p"));
        }

        @Test
        void emptyPathIsRequestedAsSlash() {
            server.html("/", "<p>root</p>");

            FetchResult.Fetched page = fetched(builder().build().fetch("http://127.0.0.1:" + server.port()));

            assertThat(page.body()).isEqualTo("<p>root</p>");
            assertThat(server.requests().get(0).path()).isEqualTo("/");
        }
    }

    @Nested
    @DisplayName("statuses and content types")
    class StatusesAndTypes {

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {404, 410, 500, 503, 400, 304})
        void nonSuccessStatusIsRefusedWithTheCode(int status) {
            server.page("/p", status, "text/html", "<p>error page</p>".getBytes(UTF_8));

            FetchResult.Refused refused = refused(fetch("/p"), FetchFailure.HTTP_STATUS);

            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.httpStatus()).hasValue(status);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"image/png", "application/json", "application/octet-stream", "text/htmlx",
            "text/xml", "html"})
        void unacceptedContentTypeIsRefusedWithoutReadingTheBody(String type) {
            server.page("/p", 200, type, new byte[] {1, 2, 3});

            refused(fetch("/p"), FetchFailure.UNSUPPORTED_CONTENT_TYPE);
        }

        @Test
        void missingContentTypeIsRefused() {
            server.on("/p", exchange -> {
                exchange.sendResponseHeaders(200, 3);
                exchange.getResponseBody().write("abc".getBytes(UTF_8));
            });

            refused(fetch("/p"), FetchFailure.UNSUPPORTED_CONTENT_TYPE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"text/html", "TEXT/HTML; charset=utf-8", "application/xhtml+xml", "text/plain",
            "text/html;charset=\"utf-8\""})
        void defaultAcceptedTypesAreFetched(String type) {
            server.page("/p", 200, type, "<p>x</p>".getBytes(UTF_8));

            assertThat(fetched(fetch("/p")).body()).isEqualTo("<p>x</p>");
        }

        @Test
        void acceptedTypesAreConfigurable() {
            server.page("/p", 200, "application/json", "{}".getBytes(UTF_8))
                    .page("/h", 200, "text/html", "<p>x</p>".getBytes(UTF_8));
            SafeFetcher json = builder().acceptedMediaTypes(Set.of("Application/JSON")).build();

            assertThat(fetched(json.fetch(server.uri("/p"))).mediaType()).isEqualTo("application/json");
            refused(json.fetch(server.uri("/h")), FetchFailure.UNSUPPORTED_CONTENT_TYPE);
        }
    }

    @Test
    @DisplayName("one fetcher serves many threads at once, each getting its own page")
    void oneFetcherIsSafeToShareBetweenThreads() throws Exception {
        for (int i = 0; i < 8; i++) {
            server.html("/page" + i, "<p>page " + i + "</p>");
        }
        SafeFetcher fetcher = builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = "/page" + (i % 8);
                bodies.add(pool.submit(() -> fetched(fetcher.fetch(server.uri(path))).body()));
            }
            for (int i = 0; i < 40; i++) {
                assertThat(bodies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("<p>page " + (i % 8) + "</p>");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownHostIsReported() {
        SafeFetcher fetcher = builder().resolver(new MapResolver()).build();

        refused(fetcher.fetch("http://nowhere.example/"), FetchFailure.UNKNOWN_HOST);
    }

    @Test
    void resolverWithNoAddressesMeansUnknownHost() {
        SafeFetcher fetcher = builder().resolver(host -> List.of()).build();

        refused(fetcher.fetch("http://empty.example/"), FetchFailure.UNKNOWN_HOST);
    }

    @Test
    void closedPortIsAConnectFailure() {
        int port = server.port();
        server.close();
        SafeFetcher fetcher = SafeFetcher.builder()
                .addressPolicy(AddressPolicy.publicUnicast().allowing(server.address(), port)).build();

        refused(fetcher.fetch("http://127.0.0.1:" + port + "/"), FetchFailure.CONNECT_FAILED);
    }
}
