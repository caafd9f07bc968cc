package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.pingback.send.ReceiverServer.Received;
import dev.parley.pingback.send.ReceiverServer.Reply;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Pingback delivery to a real loopback XML-RPC server")
class PingbackDeliveryTest extends SenderTestBase {

    private void advertise() {
        server.reply("/post", pingbackPage(server.uri("/xmlrpc.php").toString()));
    }

    private SendOutcome answeredWith(String xml) {
        advertise();
        server.reply("/xmlrpc.php", Reply.xml(xml));
        return server.sender().send(SOURCE, target());
    }

    @Test
    @DisplayName("a string answer is sent, and the call is exactly pingback.ping(source, target) as text/xml")
    void success() {
        SendOutcome.Sent sent = sent(answeredWith(PINGBACK_OK));

        assertThat(sent).isEqualTo(new SendOutcome.Sent(target(), LinkbackProtocol.PINGBACK,
                server.uri("/xmlrpc.php"), 200, Optional.empty()));
        assertThat(server.received()).filteredOn(r -> r.method().equals("POST"))
                .extracting(Received::path, Received::contentType, Received::body)
                .containsExactly(tuple("/xmlrpc.php", "text/xml", pingbackCall()));
    }

    @Test
    @DisplayName("an untyped or non-string success value is sent too: the value is only informative")
    void lenientSuccessValue() {
        assertThat(answeredWith("<methodResponse><params><param><value>ok</value></param></params></methodResponse>"))
                .isInstanceOf(SendOutcome.Sent.class);
        assertThat(answeredWith("<methodResponse><params><param><value><int>1</int></value></param></params>"
                + "</methodResponse>")).isInstanceOf(SendOutcome.Sent.class);
    }

    @ParameterizedTest(name = "fault {0}")
    @CsvSource({"16, The source URI does not exist.", "17, The source URI does not contain a link to the target URI.",
        "32, The specified target URI does not exist.", "33, The specified target URI cannot be used as a target.",
        "0, Generic fault", "49, Access denied.", "-32602, Invalid params"})
    @DisplayName("a fault fails, not retryable, with its code and string")
    void faults(int code, String message) {
        SendOutcome.Failed failed = failed(answeredWith(fault(code, message)));

        assertThat(failed).isEqualTo(new SendOutcome.Failed(target(), LinkbackProtocol.PINGBACK,
                server.uri("/xmlrpc.php"), 200, code, false, "Pingback fault " + code + ": " + message));
    }

    @Test
    @DisplayName("fault 48, already registered, counts as sent: the receiver holds the linkback")
    void alreadyRegisteredIsSent() {
        SendOutcome.Sent sent = sent(answeredWith(fault(48, "The pingback has already been registered.")));

        assertThat(sent.protocol()).isEqualTo(LinkbackProtocol.PINGBACK);
    }

    @Test
    @DisplayName("fault 50, upstream error, is retryable like a 502")
    void upstreamErrorIsRetryable() {
        SendOutcome.Failed failed = failed(answeredWith(fault(50, "could not reach upstream")));

        assertThat(failed.faultCode()).isEqualTo(50);
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    @DisplayName("a faultCode given as <i4> or untyped, and a faultString without <string>, are read")
    void faultValueSpellings() {
        SendOutcome.Failed failed = failed(answeredWith("<methodResponse><fault><value><struct>"
                + "<member><name>faultString</name><value>no link</value></member>"
                + "<member><name>faultCode</name><value><i4> 17 </i4></value></member>"
                + "</struct></value></fault></methodResponse>"));

        assertThat(failed.faultCode()).isEqualTo(17);
        assertThat(failed.reason()).isEqualTo("Pingback fault 17: no link");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "not xml at all", "<methodResponse><params>", "<html><body>Error</body></html>",
        "<methodResponse></methodResponse>", "<methodResponse><fault><value><struct><member><name>faultString</name>"
            + "<value>x</value></member></struct></value></fault></methodResponse>",
        "<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>x</int></value></member>"
            + "</struct></value></fault></methodResponse>"})
    @DisplayName("a malformed answer fails, not retryable")
    void malformed(String body) {
        SendOutcome.Failed failed = failed(answeredWith(body));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.faultCode()).isZero();
        assertThat(failed.reason()).startsWith("Pingback answer is malformed");
    }

    @Test
    @DisplayName("an answer with a DOCTYPE and an entity bomb is refused by the hardened reader, quickly")
    void entityBombIsMalformed() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<methodResponse><params><param><value><string>&lol3;</string></value></param></params>"
                + "</methodResponse>";

        SendOutcome.Failed failed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failed(answeredWith(bomb)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("DOCTYPE");
    }

    @Test
    @DisplayName("an answer with an external entity is refused and the entity is never resolved")
    void externalEntityIsMalformed() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + server.uri("/secret")
                + "\">]><methodResponse><params><param><value><string>&xxe;</string></value></param></params>"
                + "</methodResponse>";

        SendOutcome.Failed failed = failed(answeredWith(xxe));

        assertThat(failed.reason()).contains("DOCTYPE");
        assertThat(server.requests()).containsExactly("GET /post", "POST /xmlrpc.php");
    }

    @ParameterizedTest(name = "HTTP {0} -> retryable {1}")
    @CsvSource({"500, true", "503, true", "429, true", "400, false", "403, false"})
    @DisplayName("an XML-RPC server answering an HTTP error status fails by the status table")
    void httpErrorStatus(int status, boolean retryable) {
        advertise();
        server.reply("/xmlrpc.php", Reply.text(status, "oops"));

        SendOutcome.Failed failed = failed(server.sender().send(SOURCE, target()));

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.retryable()).isEqualTo(retryable);
        assertThat(failed.protocol()).isEqualTo(LinkbackProtocol.PINGBACK);
    }

    @Test
    @DisplayName("a server that never answers ends at the time cap, retryable")
    void silentServerTimesOut() {
        advertise();
        server.on("/xmlrpc.php", ReceiverServer.SILENT);
        LinkbackSender sender = LinkbackSender.builder()
                .fetcher(server.fetcherBuilder().timeout(Duration.ofMillis(500)).build()).build();

        SendOutcome.Failed failed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failed(sender.send(SOURCE, target())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.protocol()).isEqualTo(LinkbackProtocol.PINGBACK);
    }

    @Test
    @DisplayName("a 308 from the XML-RPC server re-posts the same call to the new URL")
    void redirectedServer() {
        advertise();
        server.reply("/xmlrpc.php", Reply.status(308).header("Location", "/rpc"));
        server.reply("/rpc", Reply.xml(PINGBACK_OK));

        SendOutcome.Sent sent = sent(server.sender().send(SOURCE, target()));

        assertThat(sent.endpoint()).isEqualTo(server.uri("/rpc"));
        assertThat(server.received()).filteredOn(r -> r.method().equals("POST")).extracting(Received::body)
                .containsExactly(pingbackCall(), pingbackCall());
    }
}
