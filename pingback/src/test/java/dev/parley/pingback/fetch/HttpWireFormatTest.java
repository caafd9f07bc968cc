package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP/1.1 client against hand-written responses: what it accepts, and what it refuses as protocol errors. */
@DisplayName("The fetcher's HTTP/1.1 reader")
class HttpWireFormatTest {

    private static FetchResult fetch(RawServer server) {
        return SafeFetcher.builder().addressPolicy(server.allowance()).timeout(Duration.ofSeconds(5)).build()
                .fetch(server.uri("/page"));
    }

    private static FetchResult fetchFrom(String response) {
        try (RawServer server = RawServer.answering(response)) {
            return fetch(server);
        }
    }

    private static void assertRefused(FetchResult result, FetchFailure failure) {
        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(failure));
    }

    private static String body(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).body();
    }

    @Test
    void bodyReadUntilCloseWhenNoLengthIsGiven() {
        assertThat(body(fetchFrom("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>until close</p>")))
                .isEqualTo("<p>until close</p>");
    }

    @Test
    void http10ResponseWithoutReasonPhraseAndBareLineFeedsIsAccepted() {
        assertThat(body(fetchFrom("HTTP/1.0 200\nContent-Type: text/plain\nContent-Length: 2\n\nok")))
                .isEqualTo("ok");
    }

    @Test
    void interimContinueResponseIsSkipped() {
        assertThat(body(fetchFrom("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Length: 4\r\n\r\nbody"))).isEqualTo("body");
    }

    @Test
    void chunkExtensionsAndTrailersAreHandled() {
        assertThat(body(fetchFrom("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1A\r\n abcdefghijklmnopqrstuvwxy\r\n0\r\nX-Trailer: 1\r\n\r\n")))
                .isEqualTo("hello abcdefghijklmnopqrstuvwxy");
    }

    @Test
    void equalRepeatedContentLengthsAreAccepted() {
        assertThat(body(fetchFrom("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 3, 3\r\n"
                + "Content-Length: 3\r\n\r\nabc"))).isEqualTo("abc");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "HTTP/2 200 OK\r\nContent-Type: text/html\r\n\r\nx",
        "ICY 200 OK\r\nContent-Type: text/html\r\n\r\nx",
        "HTTP/1.1 2000 OK\r\nContent-Type: text/html\r\n\r\nx",
        "HTTP/1.1 abc OK\r\nContent-Type: text/html\r\n\r\nx",
        "HTTP/1.1 099 Low\r\nContent-Type: text/html\r\n\r\nx",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n folded: continuation\r\n\r\nx",
        "HTTP/1.1 200 OK\r\nContent-Type : text/html\r\n\r\nx",
        "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\nx",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: -1\r\n\r\nabcd",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n\r\nshort",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip, gzip\r\n\r\nx",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
        ""})
    void malformedResponseIsAProtocolError(String response) {
        assertRefused(fetchFrom(response), FetchFailure.PROTOCOL_ERROR);
    }

    @Test
    void headerLineOverTheLimitIsAProtocolError() {
        assertRefused(fetchFrom("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(9_000) + "\r\n\r\n"),
                FetchFailure.PROTOCOL_ERROR);
    }

    @Test
    void tooManyHeaderFieldsIsAProtocolError() {
        assertRefused(fetchFrom("HTTP/1.1 200 OK\r\n" + "X-A: 1\r\n".repeat(101) + "\r\n"),
                FetchFailure.PROTOCOL_ERROR);
    }

    @Test
    void headSectionOverTheTotalLimitIsAProtocolError() {
        String line = "X-Fill: " + "b".repeat(1_000) + "\r\n";
        assertRefused(fetchFrom("HTTP/1.1 200 OK\r\n" + line.repeat(70) + "\r\n"), FetchFailure.PROTOCOL_ERROR);
    }

    @Test
    void endlessHeaderIsCutOffByTheLimits() {
        try (RawServer server = RawServer.answering(out -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] field = "X-Endless: yes\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(field);
            }
        })) {
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertRefused(fetch(server), FetchFailure.PROTOCOL_ERROR));
        }
    }

    @Test
    @DisplayName("a status line trickled one byte per 200 ms is cut off at the time cap")
    void tricklingStatusLineTimesOut() {
        try (RawServer server = RawServer.answering(out -> {
            for (byte b : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nx".getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(200);
            }
        })) {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(server.allowance())
                    .timeout(Duration.ofMillis(800)).build();

            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertRefused(fetcher.fetch(server.uri("/")), FetchFailure.TIMEOUT));
        }
    }

    @Test
    @DisplayName("a TLS handshake trickled one byte per 200 ms is cut off at the time cap")
    void tricklingTlsHandshakeTimesOut() {
        // A TLS handshake record header announcing 16 KiB, then its body one byte at a time: every read returns
        // data before any socket timeout, so only the fetch-wide watchdog can end it.
        try (RawServer server = RawServer.answeringAtOnce(out -> {
            out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
            for (int i = 0; i < 16_384; i++) {
                out.write(0x02);
                out.flush();
                Thread.sleep(200);
            }
        })) {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(server.allowance())
                    .resolver(new MapResolver().map("slow.test", "127.0.0.1"))
                    .timeout(Duration.ofMillis(800)).build();
            String url = server.uri("/").toString().replace("http://127.0.0.1", "https://slow.test");

            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertRefused(fetcher.fetch(url), FetchFailure.TIMEOUT));
        }
    }

    @Test
    void requestIsAMinimalHttp11Get() {
        try (RawServer server = RawServer.answering("HTTP/1.1 204 No Content\r\n\r\n")) {
            fetch(server);

            assertThat(server.requests()).singleElement().satisfies(request -> assertThat(request)
                    .startsWith("GET /page HTTP/1.1\r\nHost: 127.0.0.1:")
                    .contains("\r\nConnection: close\r\n")
                    .endsWith("\r\n\r\n")
                    .doesNotContain("Cookie", "Authorization"));
        }
    }
}
