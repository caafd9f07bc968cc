package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.send.ReceiverServer.Reply;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An XML answer whose byte order mark contradicts its XML declaration (XML 1.0 section 4.3.3 and appendix F) is
 * malformed, for Pingback and TrackBack alike; a mark and a declaration that agree are read as before.
 */
@DisplayName("XML answers whose byte order mark contradicts the declaration")
class AnswerEncodingTest extends SenderTestBase {

    private static final String BOM = "\uFEFF";

    private static String pingbackOk(String encoding) {
        return BOM + "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<methodResponse><params><param><value>"
                + "<string>Pingback registered.</string></value></param></params></methodResponse>";
    }

    private static String trackbackOk(String encoding) {
        return BOM + "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<response>\n<error>0</error>\n</response>\n";
    }

    private SendOutcome pingbackAnswer(String xml, Charset bytes) {
        server.reply("/post", pingbackPage(server.uri("/xmlrpc.php").toString()));
        server.reply("/xmlrpc.php", Reply.xml(xml, bytes));
        return server.sender().send(SOURCE, target());
    }

    private SendOutcome trackbackAnswer(String xml, Charset bytes) {
        server.reply("/post", trackbackPage(server.uri("/trackback/1").toString()));
        server.reply("/trackback/1", Reply.xml(xml, bytes));
        return server.sender().send(SOURCE, target());
    }

    @ParameterizedTest(name = "{1} bytes declaring {0}")
    @CsvSource({"UTF-8, UTF-16LE", "utf-8, UTF-16BE", "ISO-8859-1, UTF-16LE", "UTF-16, UTF-8"})
    @DisplayName("a Pingback answer whose mark contradicts its declaration fails as malformed, not retryable")
    void pingbackContradiction(String declared, String bytes) {
        SendOutcome.Failed failed = failed(pingbackAnswer(pingbackOk(declared), Charset.forName(bytes)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("encoding");
    }

    @ParameterizedTest(name = "{1} bytes declaring {0}")
    @CsvSource({"utf-8, UTF-16BE", "UTF-16, UTF-8"})
    @DisplayName("a TrackBack answer whose mark contradicts its declaration fails as malformed")
    void trackbackContradiction(String declared, String bytes) {
        SendOutcome.Failed failed = failed(trackbackAnswer(trackbackOk(declared), Charset.forName(bytes)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("encoding");
    }

    @Test
    @DisplayName("a mark and a declaration that agree are read as before")
    void agreeingMarkAndDeclaration() {
        sent(pingbackAnswer(pingbackOk("UTF-16"), StandardCharsets.UTF_16LE));
        sent(pingbackAnswer(pingbackOk("UTF-8"), StandardCharsets.UTF_8));
        sent(trackbackAnswer(trackbackOk("UTF-16"), StandardCharsets.UTF_16BE));
    }
}
