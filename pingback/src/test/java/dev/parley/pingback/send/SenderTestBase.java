package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;

/** Shared set-up: one loopback receiver serving target pages and endpoints, and what a sender is given. */
abstract class SenderTestBase {

    static final URI SOURCE = URI.create("https://alice.example/notes/1");

    final ReceiverServer server = ReceiverServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    URI target() {
        return server.uri("/post");
    }

    /** A target page advertising a Webmention endpoint in a {@code <link>}. */
    ReceiverServer.Reply webmentionPage(String endpoint) {
        return ReceiverServer.Reply.html("<html><head><link rel=\"webmention\" href=\"" + endpoint
                + "\"></head><body><p>post</p></body></html>");
    }

    /** A target page advertising a Pingback server in {@code X-Pingback}. */
    ReceiverServer.Reply pingbackPage(String server) {
        return ReceiverServer.Reply.html("<p>post</p>").header("X-Pingback", server);
    }

    /** The HTML of a TrackBack RDF block for the target, inside a comment, as blogs embed it. */
    String trackbackRdf(String ping) {
        return "<!--\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
                + "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "  xmlns:trackback=\"http://madskills.com/public/xml/rss/module/trackback/\">\n"
                + "<rdf:Description rdf:about=\"" + target() + "\" dc:identifier=\"" + target()
                + "\" dc:title=\"Post\" trackback:ping=\"" + ping + "\" />\n</rdf:RDF>\n-->";
    }

    ReceiverServer.Reply trackbackPage(String ping) {
        return ReceiverServer.Reply.html("<html><body><p>post</p>" + trackbackRdf(ping) + "</body></html>");
    }

    static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    /** The exact Webmention form the sender must post. */
    String webmentionForm() {
        return "source=" + encode(SOURCE) + "&target=" + encode(target());
    }

    /** The exact XML-RPC call the sender must post. */
    String pingbackCall() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>pingback.ping</methodName>"
                + "<params><param><value><string>" + SOURCE + "</string></value></param>"
                + "<param><value><string>" + target() + "</string></value></param></params></methodCall>";
    }

    static String fault(int code, String message) {
        return "<?xml version=\"1.0\"?>\n<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>" + code + "</int></value></member>"
                + "<member><name>faultString</name><value><string>" + message + "</string></value></member>"
                + "</struct></value></fault></methodResponse>";
    }

    static final String PINGBACK_OK = "<?xml version=\"1.0\"?>\n<methodResponse><params><param><value>"
            + "<string>Pingback registered.</string></value></param></params></methodResponse>";

    static SendOutcome.Sent sent(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        return (SendOutcome.Sent) outcome;
    }

    static SendOutcome.Failed failed(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        return (SendOutcome.Failed) outcome;
    }

    static SendOutcome.Refused refused(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Refused.class);
        return (SendOutcome.Refused) outcome;
    }
}
