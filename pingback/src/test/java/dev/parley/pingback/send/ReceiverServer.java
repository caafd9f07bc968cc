package dev.parley.pingback.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.pingback.fetch.SafeFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real linkback receiver on 127.0.0.1 (the JDK's HTTP server): serves target pages and answers at endpoints
 * as each test scripts it, and records every request with its body, so tests assert exactly what was sent.
 */
final class ReceiverServer implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String path, String contentType, String userAgent, String body) {
    }

    /** One scripted answer, its body encoded in {@code encoding} (UTF-8 unless a test needs other bytes). */
    record Reply(int status, Map<String, String> headers, String body, Charset encoding) {

        Reply(int status, Map<String, String> headers, String body) {
            this(status, headers, body, StandardCharsets.UTF_8);
        }

        /** An XML answer whose body is written in the given encoding, a byte order mark included if it starts one. */
        static Reply xml(String body, Charset encoding) {
            return new Reply(200, Map.of("Content-Type", "text/xml"), body, encoding);
        }

        static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }

        static Reply text(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
        }

        static Reply xml(String body) {
            return new Reply(200, Map.of("Content-Type", "text/xml"), body);
        }

        static Reply html(String html) {
            return new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"), html);
        }

        Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, encoding);
        }
    }

    /** Makes the answer to a request; {@link #SILENT} never answers. */
    @FunctionalInterface
    interface Script {
        Reply answer(Received request);
    }

    /** A script that holds the request open until the server closes, so the sender's time cap must end it. */
    static final Script SILENT = request -> null;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Script> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private ReceiverServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    static ReceiverServer start() {
        try {
            return new ReceiverServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ReceiverServer on(String path, Script script) {
        routes.put(path, script);
        return this;
    }

    ReceiverServer reply(String path, Reply reply) {
        return on(path, request -> reply);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            Script script = routes.get(exchange.getRequestURI().getPath());
            Reply reply = script == null ? Reply.text(404, "not here") : script.answer(request);
            if (reply == null) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(reply.encoding());
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every request, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The paths of every request, in arrival order, as {@code METHOD path}. */
    List<String> requests() {
        List<String> lines = new ArrayList<>();
        for (Received request : received) {
            lines.add(request.method() + " " + request.path());
        }
        return lines;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The default policy widened for exactly this server's address and port. */
    AddressPolicy allowance() {
        return AddressPolicy.publicUnicast().allowing(server.getAddress().getAddress(), port());
    }

    SafeFetcher.Builder fetcherBuilder() {
        return SafeFetcher.builder().addressPolicy(allowance());
    }

    LinkbackSender sender() {
        return LinkbackSender.builder().fetcher(fetcherBuilder().build()).build();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
