package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.pingback.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Pingback, TrackBack and Webmention requests to the running servlets, with the linking blogs' pages
 * served by a JDK HTTP server on loopback that the demo's fetcher is explicitly allowed to reach.
 */
@DisplayName("The linkback endpoints")
class LinkbackEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer sources;
    private RunningDemo demo;
    private final CountDownLatch slowSource = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        sources = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sources.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        sources.start();
        InetSocketAddress address = sources.getAddress();
        demo = RunningDemo.start(builder -> builder.addressPolicy(RunningDemo.allowing(address)).webmentionQueue(1, 2));
    }

    @AfterEach
    void stop() {
        slowSource.countDown();
        demo.close();
        sources.stop(0);
    }

    private String source(String path, String title, String body) {
        byte[] html = ("<!doctype html><html><head><title>" + title + "</title></head><body><article class=\"h-entry\">"
                + body + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        sources.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        return "http://" + sources.getAddress().getAddress().getHostAddress() + ":" + sources.getAddress().getPort() + path;
    }

    private String linkingPage(String path, String title, String sentence) {
        return source(path, title, "<p>" + sentence + " <a href=\"" + demo.postUrl() + "\">Mara's question</a>"
                + " and my answer is below.</p>");
    }

    private static String pingbackCall(String source, String target) {
        return "<?xml version=\"1.0\"?><methodCall><methodName>pingback.ping</methodName><params>"
                + "<param><value><string>" + source + "</string></value></param>"
                + "<param><value><string>" + target + "</string></value></param></params></methodCall>";
    }

    private List<JsonNode> linkbacksInApi() throws Exception {
        List<JsonNode> found = new ArrayList<>();
        String url = demo.base() + "/api/threads/" + demo.post().slug() + "/comments?limit=100";
        for (JsonNode comment : JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body()).get("comments")) {
            if (!comment.get("kind").asString().equals("comment")) {
                found.add(comment);
            }
        }
        return found;
    }

    private Document pageWithAllRoots() throws Exception {
        return Jsoup.parse(RunningDemo.get(RunningDemo.client(),
                demo.base() + "/api/threads/" + demo.post().slug() + "/comments").body());
    }

    @Test
    @DisplayName("a verified pingback is recorded and read back from the thread, JSON and page")
    void pingback() throws Exception {
        String source = linkingPage("/pingback-post", "Loopback blog: why I comment",
                "I keep commenting because of threads like");

        HttpResponse<String> answer = RunningDemo.send(RunningDemo.client(), demo.base() + "/pingback", "POST",
                "text/xml", pingbackCall(source, demo.postUrl()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<methodResponse><params>").doesNotContain("<fault>");
        assertThat(linkbacksInApi()).anySatisfy(linkback -> {
            assertThat(linkback.get("kind").asString()).isEqualTo("pingback");
            assertThat(linkback.get("source").get("url").asString()).isEqualTo(source);
            assertThat(linkback.get("source").get("title").asString()).isEqualTo("Loopback blog: why I comment");
            assertThat(linkback.get("html").asString()).contains("I keep commenting because of threads like");
        });

        HttpResponse<String> again = RunningDemo.send(RunningDemo.client(), demo.base() + "/pingback", "POST",
                "text/xml", pingbackCall(source, demo.postUrl()));
        assertThat(again.body()).contains("<int>48</int>");
    }

    @Test
    @DisplayName("a pingback from a page that does not link to the post gets fault 17 and records nothing")
    void pingbackWithoutLink() throws Exception {
        String source = source("/no-link", "Unrelated", "<p>Nothing to see here.</p>");
        int before = linkbacksInApi().size();

        HttpResponse<String> answer = RunningDemo.send(RunningDemo.client(), demo.base() + "/pingback", "POST",
                "text/xml", pingbackCall(source, demo.postUrl()));

        assertThat(answer.body()).contains("<name>faultCode</name><value><int>17</int>");
        assertThat(linkbacksInApi()).hasSize(before);
    }

    @Test
    @DisplayName("a pingback to a page that is not a post gets fault 32")
    void pingbackToUnknownTarget() throws Exception {
        String source = linkingPage("/wrong-target", "Somewhere", "Linking");

        HttpResponse<String> answer = RunningDemo.send(RunningDemo.client(), demo.base() + "/pingback", "POST",
                "text/xml", pingbackCall(source, demo.base() + "/posts/no-such-post"));

        assertThat(answer.body()).contains("<int>32</int>");
    }

    @Test
    @DisplayName("a trackback with title, excerpt and blog name is recorded once the page is verified")
    void trackback() throws Exception {
        String source = linkingPage("/trackback-post", "Page title", "Trackbacks are old but");

        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(),
                demo.base() + "/trackback/" + demo.post().slug(), Map.of("url", source,
                        "title", "Trackbacks <still> work", "excerpt", "An excerpt sent with the ping",
                        "blog_name", "Loopback Journal"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<error>0</error>");
        assertThat(linkbacksInApi()).anySatisfy(linkback -> {
            assertThat(linkback.get("kind").asString()).isEqualTo("trackback");
            // The ping's fields are plain text once parsed: the unknown <still> tag is markup, and goes.
            assertThat(linkback.get("source").get("title").asString()).isEqualTo("Trackbacks work");
            assertThat(linkback.get("author").get("name").asString()).isEqualTo("Loopback Journal");
            assertThat(linkback.get("html").asString()).contains("An excerpt sent with the ping");
        });
        String page = RunningDemo.get(RunningDemo.client(), demo.postUrl() + "?after=").body();
        assertThat(page).doesNotContain("Trackbacks <still> work");
    }

    @Test
    @DisplayName("a webmention is accepted with 202, verified in the background, and shows on the page")
    void webmention() throws Exception {
        String source = linkingPage("/webmention-post", "A mention from loopback", "Webmentions are the modern");

        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention",
                Map.of("source", source, "target", demo.postUrl()));

        assertThat(answer.statusCode()).isEqualTo(202);
        LinkbackRecorder.Outcome outcome = demo.linkbacks.poll(30, TimeUnit.SECONDS);
        assertThat(outcome).as("the background verification finished").isNotNull();
        assertThat(outcome.protocol()).isEqualTo(Protocol.WEBMENTION);
        assertThat(outcome.accepted()).as(outcome.message()).isTrue();
        assertThat(linkbacksInApi()).anySatisfy(linkback -> {
            assertThat(linkback.get("kind").asString()).isEqualTo("webmention");
            assertThat(linkback.get("source").get("url").asString()).isEqualTo(source);
        });
        String id = outcome.recorded().id().value();
        HttpResponse<String> permalink = RunningDemo.get(RunningDemo.client(),
                demo.base() + demo.post().path() + "/comments/" + id);
        Document page = Jsoup.parse(RunningDemo.get(RunningDemo.client(),
                demo.base() + permalink.headers().firstValue("Location").orElseThrow()).body());
        assertThat(page.getElementById("c-" + id).text()).contains("Mention from").contains("A mention from loopback");
    }

    @Test
    @DisplayName("a webmention sent again updates the mention, and removes it once the source is gone (410)")
    void webmentionUpdatedThenDeleted() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> title =
                new java.util.concurrent.atomic.AtomicReference<>("First title");
        sources.createContext("/ephemeral", exchange -> {
            if (gone.get()) {
                exchange.sendResponseHeaders(410, -1);
            } else {
                byte[] html = ("<html><head><title>" + title.get() + "</title></head><body><p>Linking to <a href=\""
                        + demo.postUrl() + "\">the post</a>.</p></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
            }
            exchange.close();
        });
        String source = "http://" + sources.getAddress().getAddress().getHostAddress() + ":"
                + sources.getAddress().getPort() + "/ephemeral";
        Map<String, String> mention = Map.of("source", source, "target", demo.postUrl());

        assertThat(RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention", mention).statusCode())
                .isEqualTo(202);
        assertThat(demo.linkbacks.poll(30, TimeUnit.SECONDS).accepted()).isTrue();
        assertThat(linkbacksInApi()).anySatisfy(
                linkback -> assertThat(linkback.get("source").get("title").asString()).isEqualTo("First title"));

        title.set("Second title");
        assertThat(RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention", mention).statusCode())
                .isEqualTo(202);
        assertThat(demo.linkbacks.poll(30, TimeUnit.SECONDS).message()).contains("updated");
        assertThat(linkbacksInApi()).anySatisfy(
                linkback -> assertThat(linkback.get("source").get("title").asString()).isEqualTo("Second title"));

        gone.set(true);
        assertThat(RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention", mention).statusCode())
                .isEqualTo(202);
        LinkbackRecorder.Outcome removed = demo.linkbacks.poll(30, TimeUnit.SECONDS);
        assertThat(removed.message()).contains("removed");
        assertThat(linkbacksInApi()).noneSatisfy(linkback -> assertThat(linkback.path("source").path("url")
                .asString("")).isEqualTo(source));
    }

    /**
     * Serves a source at {@code path} that, once asked, holds its answer (a 410) until {@code slowSource}
     * opens, and returns its URL.
     */
    private String heldSource(String path, Runnable onRequest) {
        sources.createContext(path, exchange -> {
            onRequest.run();
            try {
                slowSource.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        return "http://" + sources.getAddress().getAddress().getHostAddress() + ":" + sources.getAddress().getPort()
                + path;
    }

    @Test
    @DisplayName("pingbacks beyond the bound on concurrent verifications get a generic fault at once")
    void pingbackFlood() throws Exception {
        CountDownLatch fetching = new CountDownLatch(LinkbackRecorder.MAX_SYNCHRONOUS_FETCHES);
        String held = heldSource("/held", fetching::countDown);
        java.util.concurrent.ExecutorService senders =
                java.util.concurrent.Executors.newFixedThreadPool(LinkbackRecorder.MAX_SYNCHRONOUS_FETCHES);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> running = new ArrayList<>();
            for (int i = 0; i < LinkbackRecorder.MAX_SYNCHRONOUS_FETCHES; i++) {
                String source = held + "?n=" + i;
                running.add(senders.submit(() -> RunningDemo.send(RunningDemo.client(), demo.base() + "/pingback",
                        "POST", "text/xml", pingbackCall(source, demo.postUrl()))));
            }
            assertThat(fetching.await(20, TimeUnit.SECONDS)).as("every allowed verification is fetching").isTrue();

            HttpResponse<String> refused = RunningDemo.send(RunningDemo.client(), demo.base() + "/pingback", "POST",
                    "text/xml", pingbackCall(held + "?n=extra", demo.postUrl()));

            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("<int>0</int>").contains("too many linkbacks");
            slowSource.countDown();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : running) {
                assertThat(answer.get(20, TimeUnit.SECONDS).body()).contains("<fault>")
                        .doesNotContain("too many linkbacks");
            }
        } finally {
            slowSource.countDown();
            senders.shutdownNow();
        }
    }

    @Test
    @DisplayName("webmentions beyond the bounded queue get 503 with Retry-After")
    void webmentionQueueFull() throws Exception {
        String slow = heldSource("/slow", () -> { });
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> rejected = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention",
                    Map.of("source", slow + "?n=" + i, "target", demo.postUrl()));
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 503) {
                rejected = answer;
            }
        }

        // Two mentions may be unfinished: one is being verified (blocked on the slow source), one waits.
        assertThat(statuses).containsExactly(202, 202, 503);
        assertThat(rejected.headers().firstValue("Retry-After")).hasValue("30");
    }

    @Test
    @DisplayName("a webmention for a target that is not a post is refused at once with 400")
    void webmentionBadTarget() throws Exception {
        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention",
                Map.of("source", "http://127.0.0.1:9/x", "target", demo.base() + "/admin"));

        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("a webmention whose source or target is not valid UTF-8 is refused with 400, never queued")
    void webmentionInvalidUtf8() throws Exception {
        String target = java.net.URLEncoder.encode(demo.postUrl(), StandardCharsets.UTF_8);
        HttpResponse<String> percentEncoded = RunningDemo.send(RunningDemo.client(), demo.base() + "/webmention",
                "POST", "application/x-www-form-urlencoded", "source=http://127.0.0.1:9/a%C3%28&target=" + target);
        byte[] raw = ("source=http://127.0.0.1:9/caf\u00e9&target=" + target).getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> rawBytes = RunningDemo.client().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(demo.base() + "/webmention"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(raw)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(percentEncoded.statusCode()).isEqualTo(400);
        assertThat(percentEncoded.body()).contains("form field source is not valid UTF-8");
        assertThat(rawBytes.statusCode()).isEqualTo(400);
        assertThat(rawBytes.body()).contains("form field source is not valid UTF-8");
    }

    @Test
    @DisplayName("without the test allowance the fetcher refuses the loopback source")
    void loopbackRefusedByDefault() throws Exception {
        try (RunningDemo strict = RunningDemo.start()) {
            String source = linkingPage("/strict", "Loopback", "Should not be fetched");
            HttpResponse<String> answer = RunningDemo.send(RunningDemo.client(), strict.base() + "/pingback", "POST",
                    "text/xml", pingbackCall(source, strict.postUrl()));

            assertThat(answer.body()).contains("<fault>");
            assertThat(strict.linkbacks.poll(5, TimeUnit.SECONDS).accepted()).isFalse();
        }
    }
}
