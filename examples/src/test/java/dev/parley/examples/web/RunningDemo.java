package dev.parley.examples.web;

import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.examples.Post;
import dev.parley.pingback.fetch.AddressPolicy;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The demo server on a free loopback port with the in-memory store, for tests: seeded as the real demo is,
 * with the flood interval off so a test may post several comments in a row.
 */
final class RunningDemo implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    final DemoServer server;
    final BlockingQueue<LinkbackRecorder.Outcome> linkbacks = new LinkedBlockingQueue<>();

    private RunningDemo(UnaryOperator<DemoServer.Builder> customizer) throws Exception {
        DemoServer.Builder builder = DemoServer.builder()
                .config(DemoConfig.inMemory(PASSWORD))
                .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).linkLimit(2)
                        .floodInterval(Duration.ZERO).build())
                .linkbackListener(linkbacks::add);
        server = customizer.apply(builder).build();
        server.start();
    }

    static RunningDemo start() throws Exception {
        return new RunningDemo(UnaryOperator.identity());
    }

    static RunningDemo start(UnaryOperator<DemoServer.Builder> customizer) throws Exception {
        return new RunningDemo(customizer);
    }

    String base() {
        return server.baseUrl();
    }

    Post post() {
        return server.blog().posts().get(0);
    }

    String postUrl() {
        return base() + post().path();
    }

    /** An HTTP client that keeps cookies, like a browser, and never follows redirects by itself. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(HttpClient client, String url, Map<String, String> fields)
            throws IOException, InterruptedException {
        return send(client, url, "POST", "application/x-www-form-urlencoded", form(fields));
    }

    static HttpResponse<String> send(HttpClient client, String url, String method, String contentType, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a request to the JSON API with a fresh client: the body, when there is one, as JSON, and the
     * comment's edit token when one is given.
     */
    static HttpResponse<String> api(String method, String url, @Nullable String json, @Nullable String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header(CommentApiServlet.TOKEN_HEADER, token);
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static AddressPolicy allowing(java.net.InetSocketAddress address) {
        return AddressPolicy.publicUnicast().allowing(address.getAddress(), address.getPort());
    }

    @Override
    public void close() {
        server.close();
    }
}
