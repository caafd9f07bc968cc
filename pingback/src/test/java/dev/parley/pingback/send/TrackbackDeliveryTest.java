package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.pingback.send.ReceiverServer.Received;
import dev.parley.pingback.send.ReceiverServer.Reply;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TrackBack delivery to a real loopback receiver")
class TrackbackDeliveryTest extends SenderTestBase {

    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String OK = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>0</error>\n"
            + "</response>\n";

    private void advertise() {
        server.reply("/post", trackbackPage(server.uri("/trackback/1").toString()));
    }

    private SendOutcome answeredWith(String xml) {
        advertise();
        server.reply("/trackback/1", Reply.xml(xml));
        return server.sender().send(SOURCE, target());
    }

    @Test
    @DisplayName("error 0 is sent, and the ping carries only url when no details are given")
    void successWithUrlOnly() {
        SendOutcome.Sent sent = sent(answeredWith(OK));

        assertThat(sent).isEqualTo(new SendOutcome.Sent(target(), LinkbackProtocol.TRACKBACK,
                server.uri("/trackback/1"), 200, Optional.empty()));
        assertThat(server.received()).filteredOn(r -> r.method().equals("POST"))
                .extracting(Received::path, Received::contentType, Received::body)
                .containsExactly(tuple("/trackback/1", FORM, "url=" + encode(SOURCE)));
    }

    @Test
    @DisplayName("title, excerpt and blog_name are sent UTF-8 form-encoded, and empty ones are left out")
    void detailsAreSent() {
        advertise();
        server.reply("/trackback/1", Reply.xml(OK));

        sent(server.sender().send(SOURCE, target(), new TrackbackDetails("Caf\u00e9 & co", "", "Alice's notes")));

        assertThat(server.received()).filteredOn(r -> r.method().equals("POST")).extracting(Received::body)
                .containsExactly("url=" + encode(SOURCE) + "&title=Caf%C3%A9+%26+co&blog_name=Alice%27s+notes");
    }

    @Test
    @DisplayName("error 1 fails, not retryable, with the receiver's message")
    void errorWithMessage() {
        SendOutcome.Failed failed = failed(answeredWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n"
                + "<error>1</error>\n<message>Sorry, trackbacks are closed for this item.</message>\n</response>\n"));

        assertThat(failed).isEqualTo(new SendOutcome.Failed(target(), LinkbackProtocol.TRACKBACK,
                server.uri("/trackback/1"), 200, 1, false,
                "TrackBack error 1: Sorry, trackbacks are closed for this item."));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "OK", "<response></response>", "<response><error>yes</error></response>",
        "<error>0</error>", "<response><error>0</error>"})
    @DisplayName("a malformed answer fails, not retryable")
    void malformed(String body) {
        SendOutcome.Failed failed = failed(answeredWith(body));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).startsWith("TrackBack answer is malformed");
    }

    @Test
    @DisplayName("an answer with a DOCTYPE is refused by the hardened reader")
    void doctypeIsMalformed() {
        SendOutcome.Failed failed = failed(answeredWith("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e \"0\">]>"
                + "<response><error>&e;</error></response>"));

        assertThat(failed.reason()).contains("DOCTYPE");
    }

    @ParameterizedTest(name = "HTTP {0} -> retryable {1}")
    @CsvSource({"500, true", "429, true", "400, false"})
    @DisplayName("an HTTP error status fails by the status table")
    void httpErrorStatus(int status, boolean retryable) {
        advertise();
        server.reply("/trackback/1", Reply.text(status, "no"));

        SendOutcome.Failed failed = failed(server.sender().send(SOURCE, target()));

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.retryable()).isEqualTo(retryable);
    }
}
