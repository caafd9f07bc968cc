package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real demo with SIGKILL after its admin published a post but before the outbox delivered the post's
 * linkback (the demo holds sends back for a few seconds, {@code parley.outbox.delay}), restarts it on the same
 * SQLite file, and requires the receiver to get the Webmention exactly once.
 */
@DisplayName("A queued linkback survives a killed demo and is sent exactly once after the restart")
class SendingSurvivesKillTest {

    private static final String PASSWORD = "kill-test-password";

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/article", exchange -> {
            byte[] page = "<!doctype html><title>An article</title><link rel=\"webmention\" href=\"/webmention\">"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        receiver.createContext("/webmention", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if ("POST".equals(exchange.getRequestMethod())) {
                received.add(body);
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    @DisplayName("killed between enqueue and delivery, restarted: the receiver gets the webmention once")
    void sendHappensExactlyOnce(@TempDir Path dir) throws Exception {
        int port = freePort();
        String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/article";
        Map<String, String> properties = Map.of(
                "parley.store", "sqlite",
                "parley.sqlite.file", dir.resolve("parley-demo.db").toString(),
                "parley.port", Integer.toString(port),
                "parley.admin.password", PASSWORD,
                "parley.outbox.delay", "4",
                "parley.fetch.allow", "127.0.0.1:" + receiver.getAddress().getPort());
        String source;
        try (DemoProcess first = DemoProcess.start(properties)) {
            HttpClient admin = admin(first.baseUrl());
            source = first.baseUrl().resolve("/posts/linking-out").toString();
            HttpResponse<String> created = postForm(admin, first.baseUrl().resolve("/admin/posts/new").toString(), Map.of(
                    "csrf", csrf(admin, first.baseUrl()), "slug", "linking-out", "title", "Linking out",
                    "body", "Read [this article](" + target + ")."));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            first.kill();
        }
        assertThat(received).as("nothing was sent before the kill: the send was still held back").isEmpty();

        try (DemoProcess second = DemoProcess.start(properties)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(received).as("the restarted demo sent the queued webmention").isNotEmpty();
            // The outbox records the result before it finishes the job; once the admin page shows it sent, the
            // send is done and nothing more may come.
            HttpClient admin = admin(second.baseUrl());
            awaitSent(admin, second.baseUrl());
        }
        assertThat(received).containsExactly("source=" + URLEncoder.encode(source, StandardCharsets.UTF_8)
                + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private static void awaitSent(HttpClient admin, URI base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String table = "";
        while (System.nanoTime() < deadline) {
            table = Jsoup.parse(get(admin, base.resolve("/admin/posts/linking-out/linkbacks").toString()).body())
                    .select("table.linkbacks-sent tbody tr").toString();
            if (table.contains("status-sent")) {
                org.jsoup.nodes.Element row = Jsoup.parse("<table>" + table + "</table>")
                        .selectFirst("tr.status-sent");
                assertThat(row.text()).contains("Sent", "WEBMENTION");
                assertThat(row.select("td").get(3).text()).as("attempts: claimed and delivered once").isEqualTo("1");
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the send never showed as sent: " + table);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpClient admin(URI base) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(postForm(client, base.resolve("/admin/login").toString(), Map.of("password", PASSWORD)).statusCode()).isEqualTo(303);
        return client;
    }

    private static String csrf(HttpClient admin, URI base) throws Exception {
        return Jsoup.parse(get(admin, base.resolve("/admin/posts/new").toString()).body())
                .selectFirst("form.post-form input[name=csrf]").attr("value");
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(HttpClient client, String url, Map<String, String> fields)
            throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
