package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.pingback.fetch.RecordingSocketFactory;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.send.ReceiverServer.Received;
import dev.parley.pingback.send.ReceiverServer.Reply;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Webmention delivery to a real loopback receiver")
class WebmentionDeliveryTest extends SenderTestBase {

    private void advertise() {
        server.reply("/post", webmentionPage("/webmention"));
    }

    @Test
    @DisplayName("a 202 is sent: the form carries exactly source and target, and the Location is resolved")
    void acceptedWithStatusPage() {
        advertise();
        server.reply("/webmention", Reply.status(202).header("Location", "/status/7"));

        SendOutcome.Sent sent = sent(server.sender().send(SOURCE, target()));

        assertThat(sent).isEqualTo(new SendOutcome.Sent(target(), LinkbackProtocol.WEBMENTION,
                server.uri("/webmention"), 202, Optional.of(server.uri("/status/7"))));
        assertThat(server.received()).containsExactly(
                new Received("GET", "/post", "null", agent(), ""),
                new Received("POST", "/webmention", "application/x-www-form-urlencoded", agent(), webmentionForm()));
    }

    private static String agent() {
        return SafeFetcher.DEFAULT_USER_AGENT;
    }

    @Test
    @DisplayName("a 201 keeps its Location; a 200 or 204 is sent without one")
    void createdAndOk() {
        advertise();
        server.reply("/webmention", Reply.status(201).header("Location", "https://elsewhere.example/m/1"));
        assertThat(sent(server.sender().send(SOURCE, target())).location())
                .contains(URI.create("https://elsewhere.example/m/1"));

        server.reply("/webmention", Reply.text(200, "thanks").header("Location", "/ignored"));
        assertThat(sent(server.sender().send(SOURCE, target())).location()).isEmpty();

        server.reply("/webmention", Reply.status(204));
        assertThat(sent(server.sender().send(SOURCE, target())).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "HTTP {0} -> retryable {1}")
    @CsvSource({"400, false", "403, false", "404, false", "410, false", "422, false", "429, true", "500, true",
        "501, false", "502, true", "503, true"})
    @DisplayName("an error status fails, retryable only for 429 and 5xx other than 501, with the receiver's reason")
    void errorStatuses(int status, boolean retryable) {
        advertise();
        server.reply("/webmention", Reply.text(status, "target is not\n a post here"));

        SendOutcome.Failed failed = failed(server.sender().send(SOURCE, target()));

        assertThat(failed.protocol()).isEqualTo(LinkbackProtocol.WEBMENTION);
        assertThat(failed.endpoint()).isEqualTo(server.uri("/webmention"));
        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.faultCode()).isZero();
        assertThat(failed.retryable()).isEqualTo(retryable);
        assertThat(failed.reason()).contains("HTTP " + status).contains("target is not a post here");
        assertThat(server.requests()).containsExactly("GET /post", "POST /webmention");
    }

    @Test
    @DisplayName("an endpoint that never answers ends at the time cap, retryable")
    void silentEndpointTimesOut() {
        advertise();
        server.on("/webmention", ReceiverServer.SILENT);
        LinkbackSender sender = LinkbackSender.builder()
                .fetcher(server.fetcherBuilder().timeout(Duration.ofMillis(500)).build()).build();

        SendOutcome.Failed failed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failed(sender.send(SOURCE, target())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.status()).isZero();
        assertThat(failed.reason()).contains("TIMEOUT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {307, 308, 301, 302})
    @DisplayName("a moved endpoint gets the same POST at its new Location, and the new URL is reported")
    void redirectedEndpointGetsTheSamePost(int status) {
        advertise();
        server.reply("/webmention", Reply.status(status).header("Location", "/webmention/v2"));
        server.reply("/webmention/v2", Reply.status(202));

        SendOutcome.Sent sent = sent(server.sender().send(SOURCE, target()));

        assertThat(sent.endpoint()).isEqualTo(server.uri("/webmention/v2"));
        assertThat(server.received()).filteredOn(r -> r.method().equals("POST"))
                .extracting(Received::path, Received::body)
                .containsExactly(tuple("/webmention", webmentionForm()),
                        tuple("/webmention/v2", webmentionForm()));
    }

    @Test
    @DisplayName("a 303 See Other is the final answer: sent, with its Location, which is not fetched")
    void seeOtherIsSent() {
        advertise();
        server.reply("/webmention", Reply.status(303).header("Location", "/status/9"));

        SendOutcome.Sent sent = sent(server.sender().send(SOURCE, target()));

        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).contains(server.uri("/status/9"));
        assertThat(server.requests()).containsExactly("GET /post", "POST /webmention");
    }

    @Test
    @DisplayName("an endpoint redirecting to a port the policy refuses is Refused, and that server is never connected to")
    void redirectToRefusedAddress() {
        try (DiscoveryServer inside = DiscoveryServer.start()) {
            advertise();
            server.reply("/webmention", Reply.status(307).header("Location", inside.uri("/admin").toString()));
            RecordingSocketFactory log = new RecordingSocketFactory();
            LinkbackSender sender = LinkbackSender.builder()
                    .fetcher(server.fetcherBuilder().socketFactory(log).build()).build();

            SendOutcome.Refused refused = refused(sender.send(SOURCE, target()));

            assertThat(refused.reason()).contains("Webmention endpoint").contains(String.valueOf(inside.port()));
            assertThat(inside.connections()).isZero();
            assertThat(inside.requests()).isEmpty();
            assertThat(log.ports()).containsOnly(server.port());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://10.0.0.1/webmention", "http://192.168.0.10/wm", "http://169.254.169.254/latest",
        "http://[fd00::1]/wm", "http://127.0.0.1:1/wm"})
    @DisplayName("an endpoint on a private or loopback address is Refused without a connection, and nothing falls back")
    void privateEndpointRefused(String endpoint) {
        server.reply("/post", ReceiverServer.Reply.html("<link rel=webmention href=\"" + endpoint + "\">"
                + "<link rel=pingback href=\"/xmlrpc\">"));
        server.reply("/xmlrpc", Reply.xml(PINGBACK_OK));
        RecordingSocketFactory log = new RecordingSocketFactory();
        LinkbackSender sender = LinkbackSender.builder()
                .fetcher(server.fetcherBuilder().socketFactory(log).build()).build();

        SendOutcome.Refused refused = refused(sender.send(SOURCE, target()));

        assertThat(refused.target()).isEqualTo(target());
        assertThat(refused.reason()).contains("refused by the address policy");
        assertThat(log.attempts()).containsExactly(new InetSocketAddress("127.0.0.1", server.port()));
        assertThat(server.requests()).containsExactly("GET /post");
    }
}
