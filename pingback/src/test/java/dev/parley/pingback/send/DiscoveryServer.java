package dev.parley.pingback.send;

import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.pingback.fetch.SafeFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 server on 127.0.0.1 that writes each response head byte for byte as the test wrote it (header
 * names in any case, repeated headers, any Content-Type or none) and records every connection and request.
 */
final class DiscoveryServer implements AutoCloseable {

    /** One response: status, header lines in order, body. */
    record Response(int status, List<String[]> headers, byte[] body) {
    }

    /** Builds a response. */
    static final class ResponseBuilder {
        private final int status;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];

        private ResponseBuilder(int status) {
            this.status = status;
        }

        ResponseBuilder header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        ResponseBuilder html(String html) {
            return header("Content-Type", "text/html; charset=utf-8").body(html);
        }

        ResponseBuilder body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Response build() {
            return new Response(status, List.copyOf(headers), body);
        }
    }

    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private DiscoveryServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        executor.execute(this::acceptLoop);
    }

    static DiscoveryServer start() {
        try {
            return new DiscoveryServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseBuilder status(int status) {
        return new ResponseBuilder(status);
    }

    static ResponseBuilder ok() {
        return new ResponseBuilder(200);
    }

    DiscoveryServer on(String pathAndQuery, ResponseBuilder response) {
        routes.put(pathAndQuery, response.build());
        return this;
    }

    DiscoveryServer html(String path, String html) {
        return on(path, ok().html(html));
    }

    DiscoveryServer redirect(String path, int status, String location) {
        return on(path, status(status).header("Location", location));
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            executor.execute(() -> serve(connection));
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            String head = readHead(connection.getInputStream());
            String requestLine = head.lines().findFirst().orElse("");
            String[] parts = requestLine.split(" ");
            if (parts.length < 2) {
                return;
            }
            requests.add(parts[0] + " " + parts[1]);
            Response response = routes.getOrDefault(parts[1], status(404).build());
            OutputStream out = connection.getOutputStream();
            StringBuilder text = new StringBuilder("HTTP/1.1 ").append(response.status()).append(" X\r\n");
            for (String[] header : response.headers()) {
                text.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            text.append("Content-Length: ").append(response.body().length).append("\r\n");
            text.append("Connection: close\r\n\r\n");
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.write(response.body());
            out.flush();
        } catch (IOException e) {
            // The client may close first; every connection is independent.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Every request received, as {@code METHOD path?query}, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many connections were accepted, requests or not. */
    int connections() {
        return connections.get();
    }

    int port() {
        return socket.getLocalPort();
    }

    String origin() {
        return "http://127.0.0.1:" + port();
    }

    URI uri(String pathAndQuery) {
        return URI.create(origin() + pathAndQuery);
    }

    /** A fetcher with the default policy, widened for exactly this server's address and port. */
    SafeFetcher fetcher() {
        return SafeFetcher.builder()
                .addressPolicy(AddressPolicy.publicUnicast().allowing(socket.getInetAddress(), port()))
                .build();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            executor.shutdownNow();
        }
    }
}
