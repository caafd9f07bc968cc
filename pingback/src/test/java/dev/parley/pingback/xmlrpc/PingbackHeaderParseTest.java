package dev.parley.pingback.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.Fault;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Pingback parser takes the method and the raw Content-Type, as the TrackBack and Webmention parsers do. */
class PingbackHeaderParseTest {

    private static final String CALL = "<?xml version=\"1.0\"?><methodCall><methodName>pingback.ping</methodName>"
            + "<params><param><value><string>http://source.example/caf\u00e9</string></value></param>"
            + "<param><value><string>http://target.example/</string></value></param></params></methodCall>";

    private final PingbackRequestParser parser = PingbackRequestParser.create();

    @Test
    @DisplayName("the Content-Type's charset decodes the body, over the XML declaration's default")
    void headerCharsetDecodesTheBody() {
        byte[] latin1 = CALL.getBytes(StandardCharsets.ISO_8859_1);

        PingbackParse parse = parser.parse("POST", "text/xml; charset=\"ISO-8859-1\"", latin1);

        assertThat(parse).isEqualTo(new PingbackParse.Parsed(
                new PingbackRequest("http://source.example/caf\u00e9", "http://target.example/")));
        assertThat(parser.parse("POST", "text/xml; charset=ISO-8859-1", new ByteArrayInputStream(latin1)))
                .isEqualTo(parse);
    }

    @Test
    @DisplayName("without a Content-Type the XML declaration, else UTF-8, decides")
    void noHeaderMeansUtf8() {
        assertThat(parser.parse("POST", null, CALL.getBytes(StandardCharsets.UTF_8))).isEqualTo(
                new PingbackParse.Parsed(new PingbackRequest("http://source.example/caf\u00e9",
                        "http://target.example/")));
    }

    @Test
    @DisplayName("a GET is refused before the body is read")
    void getIsRefusedUnread() {
        ByteArrayInputStream body = new ByteArrayInputStream(CALL.getBytes(StandardCharsets.UTF_8));

        assertThat(parser.parse("GET", "text/xml", body)).isEqualTo(new PingbackParse.Refused(
                Fault.INVALID_REQUEST, "XML-RPC requests must use the POST method"));
        assertThat(body.available()).isEqualTo(CALL.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    @DisplayName("a charset the JDK does not know is a parse error")
    void unknownCharsetIsAParseError() {
        assertThat(parser.parse("POST", "text/xml; charset=x-no-such", CALL.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PingbackParse.Refused(Fault.PARSE_ERROR, "unsupported charset in Content-Type"));
    }
}
