package dev.parley.pingback;

import com.sun.net.httpserver.HttpServer;
import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.pingback.fetch.SafeFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 serving source pages, counting the requests it gets. */
public final class SourceServer implements AutoCloseable {

    private record Response(int status, String contentType, byte[] body, String location) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private SourceServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                Response response = routes.get(exchange.getRequestURI().getPath());
                if (response == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (response.location() != null) {
                    exchange.getResponseHeaders().set("Location", response.location());
                }
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
                exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1
                        : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server on an ephemeral loopback port. */
    public static SourceServer start() {
        try {
            return new SourceServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves an HTML page at a path. */
    public SourceServer html(String path, String html) {
        return page(path, 200, "text/html; charset=utf-8", html);
    }

    /** Serves a response at a path. */
    public SourceServer page(String path, int status, String contentType, String body) {
        routes.put(path, new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), null));
        return this;
    }

    /** Redirects a path to a location. */
    public SourceServer redirect(String path, String location) {
        routes.put(path, new Response(302, "text/plain", new byte[0], location));
        return this;
    }

    /** Returns the absolute URL of a path on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Returns how many requests reached the server. */
    public int requests() {
        return requests.get();
    }

    /** A fetcher with the default policy, widened for exactly this server's address and port. */
    public SafeFetcher fetcher() {
        return SafeFetcher.builder()
                .addressPolicy(AddressPolicy.publicUnicast().allowing(server.getAddress().getAddress(),
                        server.getAddress().getPort()))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
