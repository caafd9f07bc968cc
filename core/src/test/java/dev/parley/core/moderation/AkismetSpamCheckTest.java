package dev.parley.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Akismet client against a real HTTP server on loopback that speaks Akismet's comment-check protocol. */
class AkismetSpamCheckTest {

    private static final SpamCheckRequest REQUEST = new SpamCheckRequest("203.0.113.9", "Agent/1",
            "https://blog.example/ref", "https://blog.example/hello", "reply", "Bob", "bob@example.org",
            "https://bob.example/", "Buy now & save", "en", "UTF-8");

    private HttpServer server;
    private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>("false");
    private volatile int status = 200;
    private volatile String header;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stall;

    @BeforeEach
    void startFakeAkismet() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/1.1/comment-check", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.set(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            if (stall) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (header != null) {
                exchange.getResponseHeaders().add(header.split(":")[0], header.split(":")[1]);
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private AkismetSpamCheck check(Duration timeout) {
        return AkismetSpamCheck.builder().apiKey("key123").blog("https://blog.example/")
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/comment-check"))
                .timeout(timeout).build();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void sendsEveryCommentCheckFieldFormEncoded() throws Exception {
        check(Duration.ofSeconds(5)).check(REQUEST);

        assertThat(received.get()).containsExactly(
                Map.entry("api_key", "key123"),
                Map.entry("blog", "https://blog.example/"),
                Map.entry("user_ip", "203.0.113.9"),
                Map.entry("user_agent", "Agent/1"),
                Map.entry("referrer", "https://blog.example/ref"),
                Map.entry("permalink", "https://blog.example/hello"),
                Map.entry("comment_type", "reply"),
                Map.entry("comment_author", "Bob"),
                Map.entry("comment_author_email", "bob@example.org"),
                Map.entry("comment_author_url", "https://bob.example/"),
                Map.entry("comment_content", "Buy now & save"),
                Map.entry("blog_lang", "en"),
                Map.entry("blog_charset", "UTF-8"));
    }

    @Test
    void trueIsSpamAndFalseIsHam() throws Exception {
        answer.set("true");
        assertThat(check(Duration.ofSeconds(5)).check(REQUEST)).isEqualTo(SpamCheckResult.spam("akismet says spam"));

        header = "X-akismet-pro-tip:discard";
        assertThat(check(Duration.ofSeconds(5)).check(REQUEST))
                .isEqualTo(SpamCheckResult.spam("akismet says spam, discard"));

        answer.set("false");
        assertThat(check(Duration.ofSeconds(5)).check(REQUEST)).isEqualTo(SpamCheckResult.ham("akismet says ham"));
    }

    @Test
    void invalidKeyAndServerErrorsAreFailures() {
        answer.set("invalid");
        header = "X-akismet-debug-help:Empty \"api_key\" value";
        assertThatThrownBy(() -> check(Duration.ofSeconds(5)).check(REQUEST)).isInstanceOf(IOException.class)
                .hasMessage("akismet answered \"invalid\": Empty \"api_key\" value");

        status = 500;
        answer.set("oops");
        assertThatThrownBy(() -> check(Duration.ofSeconds(5)).check(REQUEST)).isInstanceOf(IOException.class)
                .hasMessage("akismet answered HTTP 500");
    }

    @Test
    void slowServerTimesOutAsAFailure() {
        stall = true;
        assertThatThrownBy(() -> check(Duration.ofMillis(200)).check(REQUEST)).isInstanceOf(IOException.class);
    }

    @Test
    void inThePipelineAFailureFailsOpenByDefault() {
        answer.set("invalid");
        ModerationPipeline pipeline = ModerationPipeline.builder()
                .rule(Rules.spamCheck(check(Duration.ofSeconds(5)), "en", "UTF-8")).build();

        ModerationOutcome outcome = pipeline.evaluate(new Submission(dev.parley.storage.ThreadKey.of("t"),
                dev.parley.storage.Kind.COMMENT, null, dev.parley.storage.Author.named("Bob"), "hi", "<p>hi</p>", null,
                null, null, null), new dev.parley.storage.memory.InMemoryCommentStore(), java.time.Instant.EPOCH);

        assertThat(outcome.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(outcome.reason())
                .isEqualTo("approved: no rule objected; spam check akismet failed, let through: akismet answered \"invalid\"");
    }

    @Test
    void builderNamesEveryProblem() {
        assertThatThrownBy(() -> AkismetSpamCheck.builder().endpoint(URI.create("ftp://x")).timeout(Duration.ZERO)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessage("invalid Akismet check: apiKey must"
                        + " be set; blog must be set; endpoint must be an absolute http(s) URI, was ftp://x; timeout"
                        + " must be between 1 ms and 1 minute, was PT0S");
    }
}
