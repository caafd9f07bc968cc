package dev.parley.pingback.trackback;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * TrackBack pings posted over real HTTP to a loopback endpoint that parses them with {@link TrackbackParser}:
 * every text field comes out as plain text under the contract of extracted page text.
 */
@DisplayName("A TrackBack ping's title, excerpt and blog name arrive as plain text")
class TrackbackPlainTextTest {

    private final TrackbackParser parser = TrackbackParser.create();
    private final BlockingQueue<TrackbackParse> received = new ArrayBlockingQueue<>(4);
    private HttpServer endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/trackback/1", exchange -> {
            try (exchange) {
                TrackbackParse parse = parser.parse(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody());
                received.add(parse);
                byte[] answer = parse instanceof TrackbackParse.Refused refused ? TrackbackResponses.fault(refused)
                        : TrackbackResponses.success();
                exchange.getResponseHeaders().set("Content-Type", TrackbackResponses.CONTENT_TYPE);
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private TrackbackPing ping(String title, String excerpt, String blogName) throws Exception {
        String form = "url=" + enc("https://sender.example/post") + "&title=" + enc(title) + "&excerpt="
                + enc(excerpt) + "&blog_name=" + enc(blogName);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + endpoint.getAddress().getAddress().getHostAddress() + ":"
                                + endpoint.getAddress().getPort() + "/trackback/1"))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("<error>0</error>");
        TrackbackParse parse = received.poll(10, TimeUnit.SECONDS);
        assertThat(parse).isInstanceOf(TrackbackParse.Parsed.class);
        return ((TrackbackParse.Parsed) parse).ping();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("markup is removed, entities decoded once and whitespace collapsed")
    void markupAndEntities() throws Exception {
        TrackbackPing ping = ping("<b>Bold</b> &amp; <i>brave</i>",
                "<p>First   paragraph.</p>\n<p>Second &lt;one&gt; with &amp;amp;</p><script>alert(1)</script>",
                "<span style=\"color:red\">Alice&#39;s</span>\tblog");

        assertThat(ping.title()).isEqualTo("Bold & brave");
        assertThat(ping.excerpt()).isEqualTo("First paragraph. Second \u2039one\u203a with &amp;");
        assertThat(ping.blogName()).isEqualTo("Alice's blog");
    }

    @Test
    @DisplayName("no field ever holds '<' or '>', whatever was sent")
    void noAngleBrackets() throws Exception {
        TrackbackPing ping = ping("a < b > c", "<<script>>x<</script>> <img src=x onerror=alert(1)> 3 > 2",
                "<!-- hidden --><<b>>");

        assertThat(ping.title()).doesNotContain("<", ">").isEqualTo("a \u2039 b \u203a c");
        assertThat(ping.excerpt()).doesNotContain("<", ">", "onerror");
        assertThat(ping.blogName()).doesNotContain("<", ">");
    }

    @Test
    @DisplayName("a field that is only markup becomes null, and long fields are bounded")
    void onlyMarkupIsAbsentAndLongFieldsAreBounded() throws Exception {
        TrackbackPing ping = ping("<img src=\"x.png\">", "<em>" + "word ".repeat(2000) + "</em>", "<br>");

        assertThat(ping.title()).isNull();
        assertThat(ping.blogName()).isNull();
        assertThat(ping.excerpt()).hasSizeLessThanOrEqualTo(TrackbackParser.DEFAULT_MAX_EXCERPT_LENGTH)
                .endsWith("word\u2026");
    }
}
