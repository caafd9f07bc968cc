package dev.parley.pingback.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on one loopback address that records every request it receives. */
final class LoopbackServer implements AutoCloseable {

    /** What the server saw of one request. */
    record Request(String method, String path, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LoopbackServer(InetAddress address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    static LoopbackServer start(String address) {
        return start(address, 0);
    }

    static LoopbackServer start(String address, int port) {
        try {
            return new LoopbackServer(InetAddress.getByName(address), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders()));
        HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
        try (exchange) {
            if (handler == null) {
                exchange.sendResponseHeaders(599, -1);
            } else {
                handler.handle(exchange);
            }
        }
    }

    LoopbackServer on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    LoopbackServer page(String path, int status, String contentType, byte[] body) {
        return on(path, exchange -> respond(exchange, status, contentType, body));
    }

    LoopbackServer html(String path, String html) {
        return page(path, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    LoopbackServer redirect(String path, int status, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    void forgetRequests() {
        requests.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    InetAddress address() {
        return server.getAddress().getAddress();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a path on this server, with the address as an IP literal. */
    URI uri(String path) {
        String host = address().getHostAddress();
        return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port() + path);
    }

    /** The default policy widened for exactly this server's address and port. */
    AddressPolicy allowance() {
        return AddressPolicy.publicUnicast().allowing(address(), port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
