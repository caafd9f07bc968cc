package dev.parley.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts comments to the demo's JSON API, each from a loopback address of its own ({@code 127.x.y.z}: Linux
 * routes all of {@code 127.0.0.0/8} to the loopback interface), so the engine's per-address flood rule sees
 * distinct readers, as on a real site, and stays on. The demo trusts no forwarding header, so the socket's source
 * address is the only way to be another reader. {@code java.net.http.HttpClient} cannot bind a source address
 * on Java 17, hence this small HTTP/1.1 client.
 *
 * <p>Thread-safe: each post opens its own connection.
 */
final class LoopbackPoster {

    private final URI baseUrl;
    private final String slug;
    private final AtomicInteger nextAddress;

    LoopbackPoster(URI baseUrl, String slug, AtomicInteger addressCounter) {
        this.baseUrl = baseUrl;
        this.slug = slug;
        this.nextAddress = addressCounter;
    }

    /**
     * Posts one comment and returns the id the demo acknowledged with 201, read from its {@code Location}
     * header once the whole response has arrived; empty for any other answer.
     *
     * @throws IOException when the connection fails (the demo was killed, say): not an acknowledgement
     */
    Optional<String> post(String text) throws IOException {
        String json = "{\"name\":\"Crash tester\",\"text\":\"" + text + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/threads/" + slug + "/comments HTTP/1.1\r\n"
                + "Host: " + baseUrl.getHost() + ":" + baseUrl.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(nextSourceAddress(), 0));
            socket.connect(new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            // Connection: close, so the response ends where the stream ends; a killed server gives a reset or a
            // short read, never a whole 201.
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.1 201 ") || headEnd < 0 || !complete(response, headEnd)) {
                return Optional.empty();
            }
            for (String line : response.substring(0, headEnd).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("location:")) {
                    String location = line.substring("location:".length()).strip();
                    return Optional.of(location.substring(location.lastIndexOf('/') + 1));
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the body arrived whole: its Content-Length, or the last chunk of a chunked body. */
    private static boolean complete(String response, int headEnd) {
        String head = response.substring(0, headEnd).toLowerCase(Locale.ROOT);
        String body = response.substring(headEnd + 4);
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int end = head.indexOf("\r\n", length);
            String value = head.substring(length + "content-length:".length(), end < 0 ? head.length() : end).strip();
            return body.getBytes(StandardCharsets.UTF_8).length == Integer.parseInt(value);
        }
        return head.contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }

    private InetAddress nextSourceAddress() throws IOException {
        // 127.1.0.1 upwards, skipping .0 and .255 last octets: about 16 million distinct readers.
        int n = nextAddress.getAndIncrement();
        int low = n % 254 + 1;
        int mid = (n / 254) % 256;
        int high = 1 + n / (254 * 256);
        return InetAddress.getByAddress(new byte[] {127, (byte) high, (byte) mid, (byte) low});
    }
}
