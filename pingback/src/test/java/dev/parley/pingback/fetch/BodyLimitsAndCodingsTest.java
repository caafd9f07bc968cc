package dev.parley.pingback.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bodies are de-chunked, decoded and capped on the wire and after decoding")
class BodyLimitsAndCodingsTest extends AllowedServerTest {

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
