package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.core.LinkbackDetails;
import dev.parley.core.LinkbackType;
import dev.parley.storage.Comment;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a received linkback keeps, end to end over real HTTP: linking pages served by a JDK HTTP server on
 * loopback, pings sent to the running demo's endpoints, and the result read back from the store and the JSON
 * API.
 */
@DisplayName("A received linkback keeps what its source says")
class LinkbackContentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemoryCommentStore store = new InMemoryCommentStore();
    private HttpServer sources;
    private RunningDemo demo;

    @BeforeEach
    void start() throws Exception {
        sources = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sources.setExecutor(Executors.newFixedThreadPool(2));
        sources.start();
        InetSocketAddress address = sources.getAddress();
        demo = RunningDemo.start(builder -> builder.store(store).addressPolicy(RunningDemo.allowing(address))
                .webmentionQueue(1, 4));
    }

    @AfterEach
    void stop() {
        demo.close();
        sources.stop(0);
    }

    /** Serves whatever {@code html} holds at the time of each request. */
    private String serve(String path, AtomicReference<String> html) {
        sources.createContext(path, exchange -> {
            byte[] body = html.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return "http://" + sources.getAddress().getAddress().getHostAddress() + ":" + sources.getAddress().getPort()
                + path;
    }

    private String serve(String path, String html) {
        return serve(path, new AtomicReference<>(html));
    }

    /** An IndieWeb reply: the link to the post in a u-in-reply-to h-cite, the author's words in e-content. */
    private String indieReply(String property, String words) {
        return "<!doctype html><html><head><title>Jane's notes</title></head><body><article class=\"h-entry\">"
                + "<a class=\"u-url\" href=\"/notes/42\">#</a>"
                + "<a class=\"p-author h-card\" href=\"https://jane.example/\"><img class=\"u-photo\""
                + " src=\"https://jane.example/me.jpg\" alt=\"\">Jane</a>"
                + "<time class=\"dt-published\" datetime=\"2024-06-01T10:15:00+05:30\">1 June</time>"
                + "<div class=\"" + property + " h-cite\">In reply to <a class=\"u-url\" href=\"" + demo.postUrl()
                + "\">the post</a></div><div class=\"e-content\">" + words + "</div></article></body></html>";
    }

    private void webmention(String source) throws Exception {
        assertThat(RunningDemo.postForm(RunningDemo.client(), demo.base() + "/webmention",
                Map.of("source", source, "target", demo.postUrl())).statusCode()).isEqualTo(202);
        LinkbackRecorder.Outcome outcome = demo.linkbacks.poll(30, TimeUnit.SECONDS);
        assertThat(outcome).as("the background verification finished").isNotNull();
        assertThat(outcome.accepted()).as(outcome.message()).isTrue();
    }

    private Comment stored(String source) {
        return store.findLinkback(demo.post().thread(), source).orElseThrow();
    }

    private JsonNode inApi(String source) throws Exception {
        String url = demo.base() + "/api/threads/" + demo.post().slug() + "/comments?limit=100";
        for (JsonNode comment : JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body()).get("comments")) {
            if (comment.path("source").path("url").asString("").equals(source)) {
                return comment;
            }
        }
        throw new AssertionError("no linkback from " + source + " in the API");
    }

    @Test
    @DisplayName("a reply whose link sits in an h-cite outside e-content is stored with the reply's own words,"
            + " its type, permalink, published time with offset and author links")
    void indieWebReply() throws Exception {
        String source = serve("/reply", indieReply("u-in-reply-to", "<p>I <b>disagree</b> &amp; here is why.</p>"));

        webmention(source);

        Comment comment = stored(source);
        assertThat(comment.text()).isEqualTo("I disagree & here is why.");
        assertThat(LinkbackDetails.of(comment)).isEqualTo(new LinkbackDetails(LinkbackType.REPLY,
                source.replace("/reply", "/notes/42"), OffsetDateTime.parse("2024-06-01T10:15:00+05:30"),
                "https://jane.example/", "https://jane.example/me.jpg"));
        JsonNode json = inApi(source);
        assertThat(json.get("html").asString()).contains("I disagree &amp; here is why.").doesNotContain("In reply to");
        assertThat(json.get("source").get("type").asString()).isEqualTo("reply");
        assertThat(json.get("source").get("entryUrl").asString()).isEqualTo(source.replace("/reply", "/notes/42"));
        assertThat(json.get("source").get("published").asString()).isEqualTo("2024-06-01T10:15:00+05:30");
        assertThat(json.get("source").get("authorUrl").asString()).isEqualTo("https://jane.example/");
        assertThat(json.get("source").get("authorPhoto").asString()).isEqualTo("https://jane.example/me.jpg");
    }

    @Test
    @DisplayName("author links a browser accepts but the store's URL rules do not are left out, and the reply is"
            + " still recorded")
    void oddAuthorLinksAreDroppedNotFatal() throws Exception {
        String page = indieReply("u-in-reply-to", "<p>Odd links, good words.</p>")
                .replace("https://jane.example/me.jpg", "https://img_cdn.example/a|b.jpg")
                .replace("href=\"https://jane.example/\"", "href=\"https://jane_home.example/\"");
        String source = serve("/odd-links", page);

        webmention(source);

        Comment comment = stored(source);
        assertThat(comment.text()).isEqualTo("Odd links, good words.");
        LinkbackDetails details = LinkbackDetails.of(comment);
        assertThat(details.type()).isEqualTo(LinkbackType.REPLY);
        assertThat(details.url()).isEqualTo(source.replace("/odd-links", "/notes/42"));
        assertThat(details.authorUrl()).isNull();
        assertThat(details.authorPhoto()).isNull();
    }

    @Test
    @DisplayName("sending the same source again after it changed updates the stored text and type")
    void resentSourceUpdatesTheText() throws Exception {
        AtomicReference<String> page = new AtomicReference<>(indieReply("u-in-reply-to", "<p>First draft.</p>"));
        String source = serve("/changing", page);
        webmention(source);
        assertThat(stored(source).text()).isEqualTo("First draft.");

        page.set(indieReply("u-like-of", "<p>Changed my mind: I like it.</p>"));
        webmention(source);

        Comment comment = stored(source);
        assertThat(comment.text()).isEqualTo("Changed my mind: I like it.");
        assertThat(LinkbackDetails.of(comment).type()).isEqualTo(LinkbackType.LIKE);
        assertThat(inApi(source).get("html").asString()).contains("Changed my mind: I like it.");
    }

    @Test
    @DisplayName("a page without microformats is stored with the text around the link, as before")
    void pageWithoutMicroformats() throws Exception {
        String source = serve("/plain", "<html><head><title>Old blog</title></head><body><div id=\"sidebar\">Links"
                + "</div><p>Before the link. See <a href=\"" + demo.postUrl() + "\">this post</a> for more.</p>"
                + "<p>Unrelated paragraph.</p></body></html>");

        webmention(source);

        Comment comment = stored(source);
        assertThat(comment.text()).isEqualTo("Before the link. See this post for more.");
        assertThat(LinkbackDetails.of(comment)).isEqualTo(LinkbackDetails.none());
        assertThat(inApi(source).get("source").get("type").asString()).isEqualTo("mention");
    }

    @Test
    @DisplayName("a TrackBack's title, excerpt and blog name with markup and entities are stored as plain text")
    void trackbackFieldsArePlainText() throws Exception {
        String source = serve("/tb", "<html><body><p>See <a href=\"" + demo.postUrl() + "\">this</a>.</p>"
                + "</body></html>");

        String answer = RunningDemo.postForm(RunningDemo.client(), demo.base() + "/trackback/" + demo.post().slug(),
                Map.of("url", source, "title", "<b>Bold</b> &amp; <i>brave</i> 1 < 2",
                        "excerpt", "<p>Para   one.</p><script>alert(1)</script><p>&lt;two&gt;</p>",
                        "blog_name", "<span>Alice&#39;s</span> <em>blog</em>")).body();

        assertThat(answer).contains("<error>0</error>");
        Comment comment = stored(source);
        assertThat(comment.linkback().title()).isEqualTo("Bold & brave 1 \u2039 2");
        assertThat(comment.text()).isEqualTo("Para one. \u2039two\u203a");
        assertThat(comment.author().name()).isEqualTo("Alice's blog");
        for (String field : new String[] {comment.linkback().title(), comment.text(), comment.author().name()}) {
            assertThat(field).doesNotContain("<", ">", "alert");
        }
        JsonNode json = inApi(source);
        assertThat(json.get("source").get("title").asString()).isEqualTo("Bold & brave 1 \u2039 2");
        assertThat(json.get("author").get("name").asString()).isEqualTo("Alice's blog");
    }
}
