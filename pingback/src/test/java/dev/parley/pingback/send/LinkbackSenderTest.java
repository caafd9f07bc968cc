package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.pingback.fetch.RecordingSocketFactory;
import dev.parley.pingback.send.ReceiverServer.Received;
import dev.parley.pingback.send.ReceiverServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("LinkbackSender discovers, falls back Webmention -> Pingback -> TrackBack, and sends to every target")
class LinkbackSenderTest extends SenderTestBase {

    private static final String TRACKBACK_OK = "<response><error>0</error></response>";

    /** A target page advertising all three protocols. */
    private void advertiseAll() {
        server.reply("/post", ReceiverServer.Reply.html("<html><head><link rel=\"webmention\" href=\"/wm\">"
                + "<link rel=\"pingback\" href=\"/xmlrpc\"></head><body>" + trackbackRdf(server.uri("/tb").toString())
                + "</body></html>"));
    }

    @Test
    @DisplayName("a page advertising all three protocols gets a Webmention only")
    void webmentionFirst() {
        advertiseAll();
        server.reply("/wm", Reply.status(202));
        server.reply("/xmlrpc", Reply.xml(PINGBACK_OK));
        server.reply("/tb", Reply.xml(TRACKBACK_OK));

        assertThat(sent(server.sender().send(SOURCE, target())).protocol()).isEqualTo(LinkbackProtocol.WEBMENTION);
        assertThat(server.requests()).containsExactly("GET /post", "POST /wm");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 405, 410, 501})
    @DisplayName("a Webmention endpoint that says it does not serve Webmention falls back to Pingback")
    void notServedFallsBack(int status) {
        advertiseAll();
        server.reply("/wm", Reply.text(status, "no such endpoint"));
        server.reply("/xmlrpc", Reply.xml(PINGBACK_OK));

        SendOutcome.Sent sent = sent(server.sender().send(SOURCE, target()));

        assertThat(sent.protocol()).isEqualTo(LinkbackProtocol.PINGBACK);
        assertThat(server.requests()).containsExactly("GET /post", "POST /wm", "POST /xmlrpc");
        assertThat(server.received().get(2).body()).isEqualTo(pingbackCall());
    }

    @Test
    @DisplayName("Pingback fault -32601 (method not found) falls back to TrackBack")
    void methodNotFoundFallsBackToTrackback() {
        advertiseAll();
        server.reply("/wm", Reply.status(405));
        server.reply("/xmlrpc", Reply.xml(fault(-32601, "server error. requested method pingback.ping does not exist.")));
        server.reply("/tb", Reply.xml(TRACKBACK_OK));

        SendOutcome.Sent sent = sent(server.sender().send(SOURCE, target()));

        assertThat(sent.protocol()).isEqualTo(LinkbackProtocol.TRACKBACK);
        assertThat(server.requests()).containsExactly("GET /post", "POST /wm", "POST /xmlrpc", "POST /tb");
        assertThat(server.received().get(3).body()).isEqualTo("url=" + encode(SOURCE));
    }

    @Test
    @DisplayName("when no advertised endpoint serves its protocol, the last failure is final and names them all")
    void noEndpointServes() {
        advertiseAll();
        server.reply("/wm", Reply.status(404));
        server.reply("/xmlrpc", Reply.status(404));
        server.reply("/tb", Reply.status(410));

        SendOutcome.Failed failed = failed(server.sender().send(SOURCE, target()));

        assertThat(failed.protocol()).isEqualTo(LinkbackProtocol.TRACKBACK);
        assertThat(failed.status()).isEqualTo(410);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("Webmention endpoint answered HTTP 404")
                .contains("Pingback endpoint answered HTTP 404").contains("TrackBack endpoint answered HTTP 410");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"400, false", "403, false", "500, true", "503, true", "429, true"})
    @DisplayName("any other failure ends the send at once: the next protocol is not tried")
    void otherFailuresDoNotFallBack(int status, boolean retryable) {
        advertiseAll();
        server.reply("/wm", Reply.text(status, "refused"));
        server.reply("/xmlrpc", Reply.xml(PINGBACK_OK));

        SendOutcome.Failed failed = failed(server.sender().send(SOURCE, target()));

        assertThat(failed.protocol()).isEqualTo(LinkbackProtocol.WEBMENTION);
        assertThat(failed.retryable()).isEqualTo(retryable);
        assertThat(server.requests()).containsExactly("GET /post", "POST /wm");
    }

    @Test
    @DisplayName("a page without endpoints is NoEndpoint, and nothing is posted")
    void noEndpoint() {
        server.reply("/post", Reply.html("<p>just a page</p>"));

        SendOutcome outcome = server.sender().send(SOURCE, target());

        assertThat(outcome).isInstanceOf(SendOutcome.NoEndpoint.class);
        assertThat(outcome.retryable()).isFalse();
        assertThat(server.requests()).containsExactly("GET /post");
    }

    @ParameterizedTest(name = "HTTP {0} -> retryable {1}")
    @CsvSource({"404, false", "410, false", "403, false", "429, true", "500, true", "503, true"})
    @DisplayName("a target page that cannot be read fails without a protocol: 429 and 5xx retryable, 4xx final")
    void unreadableTarget(int status, boolean retryable) {
        server.reply("/post", Reply.text(status, "nope"));

        SendOutcome.Failed failed = failed(server.sender().send(SOURCE, target()));

        assertThat(failed.protocol()).isNull();
        assertThat(failed.endpoint()).isNull();
        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.retryable()).isEqualTo(retryable);
    }

    @Test
    @DisplayName("a target page that never answers fails at the time cap, retryable")
    void silentTarget() {
        server.on("/post", ReceiverServer.SILENT);
        LinkbackSender sender = LinkbackSender.builder()
                .fetcher(server.fetcherBuilder().timeout(Duration.ofMillis(500)).build()).build();

        SendOutcome.Failed failed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failed(sender.send(SOURCE, target())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.protocol()).isNull();
    }

    @Test
    @DisplayName("a target on a refused address, or redirecting to one, is Refused and never connected to")
    void refusedTarget() {
        try (DiscoveryServer inside = DiscoveryServer.start()) {
            inside.html("/post", "<link rel=webmention href=/wm>");
            server.reply("/moved", Reply.status(301).header("Location", inside.uri("/post").toString()));
            RecordingSocketFactory log = new RecordingSocketFactory();
            LinkbackSender sender = LinkbackSender.builder()
                    .fetcher(server.fetcherBuilder().socketFactory(log).build()).build();

            refused(sender.send(SOURCE, inside.uri("/post")));
            refused(sender.send(SOURCE, server.uri("/moved")));

            assertThat(inside.connections()).isZero();
            assertThat(log.ports()).containsExactly(server.port());
        }
    }

    @Test
    @DisplayName("sendAll sends to the links in document order, then to earlier targets no longer linked, sorted")
    void sendAllOrder() {
        server.reply("/a", webmentionPage("/wm"));
        server.reply("/b", Reply.html("<p>no endpoint</p>"));
        server.reply("/c", webmentionPage("/wm"));
        server.reply("/z", pingbackPage("/xmlrpc"));
        server.reply("/wm", Reply.status(202));
        server.reply("/xmlrpc", Reply.xml(PINGBACK_OK));
        URI source = server.uri("/me");
        String html = "<p><a href=\"/b\">b</a> <a href=\"" + server.uri("/a") + "\">a</a> <a href=\"/b#x\">b</a>"
                + " <a href=\"#top\">top</a> <a href=\"/me\">self</a></p>";

        List<SendOutcome> outcomes = server.sender().sendAll(source, html,
                Set.of(server.uri("/z"), server.uri("/c"), server.uri("/a"), server.uri("/me")));

        assertThat(outcomes).extracting(SendOutcome::target)
                .containsExactly(server.uri("/b"), server.uri("/a"), server.uri("/c"), server.uri("/z"));
        assertThat(outcomes.get(0)).isInstanceOf(SendOutcome.NoEndpoint.class);
        assertThat(sent(outcomes.get(1)).protocol()).isEqualTo(LinkbackProtocol.WEBMENTION);
        assertThat(sent(outcomes.get(2)).protocol()).isEqualTo(LinkbackProtocol.WEBMENTION);
        assertThat(sent(outcomes.get(3)).protocol()).isEqualTo(LinkbackProtocol.PINGBACK);
        assertThat(server.received()).filteredOn(r -> r.path().equals("/wm")).extracting(Received::body)
                .containsExactly("source=" + encode(source) + "&target=" + encode(server.uri("/a")),
                        "source=" + encode(source) + "&target=" + encode(server.uri("/c")));
    }

    @Test
    @DisplayName("maxTargets caps the links taken from the HTML, not the earlier targets")
    void maxTargets() {
        server.reply("/a", Reply.html("<p>a</p>"));
        server.reply("/b", Reply.html("<p>b</p>"));
        server.reply("/c", Reply.html("<p>c</p>"));
        LinkbackSender sender = LinkbackSender.builder().fetcher(server.fetcherBuilder().build()).maxTargets(1).build();

        List<SendOutcome> outcomes = sender.sendAll(SOURCE,
                "<a href=\"" + server.uri("/a") + "\">a</a><a href=\"" + server.uri("/b") + "\">b</a>",
                List.of(server.uri("/c")));

        assertThat(outcomes).extracting(SendOutcome::target).containsExactly(server.uri("/a"), server.uri("/c"));
    }

    @Test
    @DisplayName("the userAgent setting is sent with every request")
    void userAgent() {
        server.reply("/post", webmentionPage("/wm"));
        server.reply("/wm", Reply.status(202));

        LinkbackSender.builder().fetcher(server.fetcherBuilder().build()).userAgent("MyBlog/2.0 (+https://my.example/)")
                .build().send(SOURCE, target());

        assertThat(server.received()).extracting(Received::userAgent)
                .containsOnly("MyBlog/2.0 (+https://my.example/)").hasSize(2);
    }

    @Test
    @DisplayName("bad settings and a source that is not an http(s) URL are programming errors")
    void misuse() {
        assertThatThrownBy(() -> LinkbackSender.builder().maxTargets(0).userAgent("bad\nagent").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTargets")
                .hasMessageContaining("userAgent");
        LinkbackSender sender = server.sender();
        assertThatThrownBy(() -> sender.send(URI.create("/relative"), target()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.sendAll(URI.create("mailto:a@b.example"), "", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }
}
