package dev.parley.pingback.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against a real HTTP server on loopback that it is explicitly allowed to reach. */
class SafeFetcherHttpTest {

    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = LoopbackServer.start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeFetcher.Builder builder() {
        return SafeFetcher.builder().addressPolicy(server.allowance());
    }

    private FetchResult fetch(String path) {
        return builder().build().fetch(server.uri(path));
    }

    private static FetchResult.Fetched fetched(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return (FetchResult.Fetched) result;
    }

    private static FetchResult.Refused refused(FetchResult result, FetchFailure failure) {
        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(failure));
        return (FetchResult.Refused) result;
    }

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
    @DisplayName("redirects")
    class Redirects {

        @Test
        void chainOfEveryRedirectStatusWithRelativeLocationsIsFollowedToTheFinalPage() {
            String origin = "http://127.0.0.1:" + server.port();
            server.redirect("/a", 301, "b")
                    .redirect("/b", 302, "/dir/c")
                    .redirect("/dir/c", 303, "?page=2")
                    .redirect("/dir/c?page=2", 307, "//127.0.0.1:" + server.port() + "/e")
                    .redirect("/e", 308, origin + "/final")
                    .html("/final", "<p>final</p>");
            // "/dir/c?page=2" is routed by path; serve the 307 from "/dir/c" when a query is present.
            server.on("/dir/c", exchange -> {
                String location = exchange.getRequestURI().getQuery() == null
                        ? "?page=2" : "//127.0.0.1:" + server.port() + "/e";
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(exchange.getRequestURI().getQuery() == null ? 303 : 307, -1);
            });

            FetchResult.Fetched page = fetched(fetch("/a"));

            assertThat(page.body()).isEqualTo("<p>final</p>");
            assertThat(page.uri()).isEqualTo(URI.create(origin + "/final"));
            assertThat(server.requests()).extracting(LoopbackServer.Request::path)
                    .containsExactly("/a", "/b", "/dir/c", "/dir/c?page=2", "/e", "/final");
        }

        @Test
        void exactlyTheCapOfRedirectsIsFollowed() {
            chain(5);

            assertThat(fetched(fetch("/r0")).body()).isEqualTo("<p>end</p>");
        }

        @Test
        void oneRedirectOverTheCapIsRefused() {
            chain(6);

            refused(fetch("/r0"), FetchFailure.TOO_MANY_REDIRECTS);
            assertThat(server.requests()).hasSize(6);
        }

        @Test
        void zeroRedirectsAllowedRefusesTheFirstRedirect() {
            chain(1);

            refused(builder().maxRedirects(0).build().fetch(server.uri("/r0")), FetchFailure.TOO_MANY_REDIRECTS);
            assertThat(server.requests()).hasSize(1);
        }

        @Test
        void redirectLoopEndsAtTheCap() {
            server.redirect("/loop", 302, "/loop");

            refused(fetch("/loop"), FetchFailure.TOO_MANY_REDIRECTS);
            assertThat(server.requests()).hasSize(6);
        }

        @Test
        void redirectStatusWithoutLocationIsReportedAsTheStatus() {
            server.on("/nowhere", exchange -> exchange.sendResponseHeaders(302, -1));

            assertThat(refused(fetch("/nowhere"), FetchFailure.HTTP_STATUS).status()).isEqualTo(302);
        }

        private void chain(int redirects) {
            for (int i = 0; i < redirects; i++) {
                server.redirect("/r" + i, 302, "/r" + (i + 1));
            }
            server.html("/r" + redirects, "<p>end</p>");
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

    @Nested
    @DisplayName("body size, framing and content coding")
    class Bodies {

        @Test
        void chunkedBodyIsReassembled() {
            server.on("/chunked", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 50; i++) {
                        out.write(("<p>part " + i + "</p>").getBytes(UTF_8));
                        out.flush();
                    }
                }
            });

            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                expected.append("<p>part ").append(i).append("</p>");
            }

            FetchResult.Fetched page = fetched(fetch("/chunked"));

            assertThat(page.body()).isEqualTo(expected.toString());
        }

        @Test
        void bodyOfExactlyTheCapIsFetched() {
            byte[] body = "a".repeat(1000).getBytes(UTF_8);
            server.page("/p", 200, "text/plain", body);

            assertThat(fetched(builder().maxBodyBytes(1000).build().fetch(server.uri("/p"))).body()).hasSize(1000);
        }

        @Test
        void bodyOneByteOverTheCapIsRefused() {
            server.page("/p", 200, "text/plain", "a".repeat(1001).getBytes(UTF_8));

            refused(builder().maxBodyBytes(1000).build().fetch(server.uri("/p")), FetchFailure.TOO_LARGE);
        }

        @Test
        void chunkedBodyOverTheCapIsRefused() {
            server.on("/p", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(new byte[1001]);
            });

            refused(builder().maxBodyBytes(1000).build().fetch(server.uri("/p")), FetchFailure.TOO_LARGE);
        }

        @Test
        @DisplayName("an endless page is refused as too large and the fetcher stops reading")
        void endlessPageIsRefusedAndReadingStops() throws InterruptedException {
            CountDownLatch writerStopped = new CountDownLatch(1);
            server.on("/endless", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                byte[] block = "<p>spam</p>".repeat(1000).getBytes(UTF_8);
                try {
                    OutputStream out = exchange.getResponseBody();
                    while (true) {
                        out.write(block);
                    }
                } catch (IOException closedByFetcher) {
                    writerStopped.countDown();
                }
            });

            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> refused(fetch("/endless"), FetchFailure.TOO_LARGE));
            assertThat(writerStopped.await(10, TimeUnit.SECONDS)).as("server's writes failed: connection closed")
                    .isTrue();
        }

        @Test
        void declaredContentLengthOverTheCapIsRefused() {
            server.page("/big", 200, "text/html", new byte[2 * SafeFetcher.DEFAULT_MAX_BODY_BYTES]);

            refused(fetch("/big"), FetchFailure.TOO_LARGE);
        }

        @Test
        void gzipBodyIsDecoded() {
            server.on("/gz", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                LoopbackServer.respond(exchange, 200, "text/html", gzip("<p>compressed</p>".getBytes(UTF_8)));
            });

            assertThat(fetched(fetch("/gz")).body()).isEqualTo("<p>compressed</p>");
        }

        @Test
        void zlibDeflateBodyIsDecoded() {
            server.on("/deflate", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "deflate");
                LoopbackServer.respond(exchange, 200, "text/html", deflate("<p>zlib</p>".getBytes(UTF_8), false));
            });

            assertThat(fetched(fetch("/deflate")).body()).isEqualTo("<p>zlib</p>");
        }

        @Test
        void rawDeflateBodyIsDecoded() {
            server.on("/deflate", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "deflate");
                LoopbackServer.respond(exchange, 200, "text/html", deflate("<p>raw</p>".getBytes(UTF_8), true));
            });

            assertThat(fetched(fetch("/deflate")).body()).isEqualTo("<p>raw</p>");
        }

        @Test
        @DisplayName("a gzip bomb of 100 MB decoded is refused by the decoded-bytes cap")
        void gzipBombIsRefused() {
            byte[] bomb = gzip(new byte[100 * 1024 * 1024]);
            assertThat(bomb.length).isLessThan(SafeFetcher.DEFAULT_MAX_BODY_BYTES);
            server.on("/bomb", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                LoopbackServer.respond(exchange, 200, "text/html", bomb);
            });

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                FetchResult.Refused refused = refused(fetch("/bomb"), FetchFailure.TOO_LARGE);
                assertThat(refused.detail()).contains("decoded");
            });
        }

        @Test
        void corruptGzipIsAProtocolError() {
            server.on("/gz", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                LoopbackServer.respond(exchange, 200, "text/html", "<p>not gzip</p>".getBytes(UTF_8));
            });

            refused(fetch("/gz"), FetchFailure.PROTOCOL_ERROR);
        }

        @Test
        void unrequestedContentEncodingIsAProtocolError() {
            server.on("/br", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "br");
                LoopbackServer.respond(exchange, 200, "text/html", new byte[] {1, 2, 3});
            });

            refused(fetch("/br"), FetchFailure.PROTOCOL_ERROR);
        }
    }

    @Nested
    @DisplayName("charsets")
    class Charsets {

        @Test
        void iso88591FromHeaderDecodesAsWindows1252LikeBrowsers() {
            byte[] body = {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0x93, 'q', (byte) 0x94};
            server.page("/p", 200, "text/html; charset=ISO-8859-1", body);

            FetchResult.Fetched page = fetched(fetch("/p"));

            assertThat(page.body()).isEqualTo("café \u201cq\u201d");
            assertThat(page.charset()).isEqualTo(Charset.forName("windows-1252"));
        }

        @Test
        void windows1252FromHeader() {
            server.page("/p", 200, "text/html; charset=windows-1252",
                    "\u201cquoted\u201d \u20ac".getBytes(Charset.forName("windows-1252")));

            assertThat(fetched(fetch("/p")).body()).isEqualTo("\u201cquoted\u201d \u20ac");
        }

        @Test
        void shiftJisFromHeader() {
            server.page("/p", 200, "text/html; charset=Shift_JIS", "<p>日本語のページ</p>".getBytes(sjis()));

            FetchResult.Fetched page = fetched(fetch("/p"));

            assertThat(page.body()).isEqualTo("<p>日本語のページ</p>");
            assertThat(page.charset()).isEqualTo(sjis());
        }

        @Test
        void metaCharsetWhenTheHeaderHasNone() {
            String html = "<!doctype html><html><head><meta charset=\"shift_jis\"><title>題名</title></head></html>";
            server.page("/p", 200, "text/html", html.getBytes(sjis()));

            FetchResult.Fetched page = fetched(fetch("/p"));

            assertThat(page.body()).isEqualTo(html);
            assertThat(page.charset()).isEqualTo(sjis());
        }

        @Test
        void metaHttpEquivContentTypeWhenTheHeaderHasNone() {
            String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                    + "</head><body>na\u00efve \u201cquote\u201d</body></html>";
            server.page("/p", 200, "text/html", html.getBytes(Charset.forName("windows-1252")));

            assertThat(fetched(fetch("/p")).body()).isEqualTo(html);
        }

        @Test
        void headerCharsetWinsOverMeta() {
            String html = "<meta charset=\"shift_jis\"><p>caf\u00e9</p>";
            server.page("/p", 200, "text/html; charset=utf-8", html.getBytes(UTF_8));

            FetchResult.Fetched page = fetched(fetch("/p"));

            assertThat(page.charset()).isEqualTo(UTF_8);
            assertThat(page.body()).isEqualTo(html);
        }

        @Test
        void utf8WhenNothingIsDeclared() {
            server.page("/p", 200, "text/html", "<p>\u00fcber</p>".getBytes(UTF_8));

            FetchResult.Fetched page = fetched(fetch("/p"));

            assertThat(page.charset()).isEqualTo(UTF_8);
            assertThat(page.body()).isEqualTo("<p>\u00fcber</p>");
        }

        @Test
        void byteOrderMarkIsHonouredAndRemoved() {
            byte[] text = "<p>\u00e9</p>".getBytes(UTF_8);
            byte[] body = new byte[text.length + 3];
            body[0] = (byte) 0xef;
            body[1] = (byte) 0xbb;
            body[2] = (byte) 0xbf;
            System.arraycopy(text, 0, body, 3, text.length);
            server.page("/p", 200, "text/html; charset=iso-8859-1", body);

            FetchResult.Fetched page = fetched(fetch("/p"));

            assertThat(page.charset()).isEqualTo(UTF_8);
            assertThat(page.body()).isEqualTo("<p>\u00e9</p>");
        }

        @Test
        void unknownHeaderCharsetFallsBackToMeta() {
            String html = "<meta charset=windows-1252><p>\u00e9</p>";
            server.page("/p", 200, "text/html; charset=no-such-charset",
                    html.getBytes(Charset.forName("windows-1252")));

            assertThat(fetched(fetch("/p")).body()).isEqualTo(html);
        }

        private Charset sjis() {
            return Charset.forName("Shift_JIS");
        }
    }

    @Nested
    @DisplayName("time cap")
    class TimeCap {

        @Test
        @DisplayName("a server trickling one byte per 200 ms is cut off at the time cap")
        void tricklingBodyTimesOut() {
            server.on("/slow", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 1000);
                trickle(exchange.getResponseBody(), 1000);
            });
            SafeFetcher fetcher = builder().timeout(Duration.ofMillis(700)).build();

            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> refused(fetcher.fetch(server.uri("/slow")), FetchFailure.TIMEOUT));
        }

        @Test
        void serverThatNeverAnswersTimesOut() {
            CountDownLatch release = new CountDownLatch(1);
            server.on("/silent", exchange -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            SafeFetcher fetcher = builder().timeout(Duration.ofMillis(500)).build();

            try {
                assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> refused(fetcher.fetch(server.uri("/silent")), FetchFailure.TIMEOUT));
            } finally {
                release.countDown();
            }
        }

        @Test
        @DisplayName("the cap is read from the injected clock")
        void deadlineFollowsTheInjectedClock() {
            server.html("/p", "<p>x</p>");
            SteppingClock clock = new SteppingClock(Duration.ofMinutes(1));

            refused(builder().clock(clock).timeout(Duration.ofSeconds(10)).build().fetch(server.uri("/p")),
                    FetchFailure.TIMEOUT);
        }

        private void trickle(OutputStream out, int bytes) throws IOException {
            try {
                for (int i = 0; i < bytes; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return Arrays.copyOf(bytes.toByteArray(), bytes.size());
    }
}
