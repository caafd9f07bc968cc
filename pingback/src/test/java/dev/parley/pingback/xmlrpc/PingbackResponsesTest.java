package dev.parley.pingback.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.Fault;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

class PingbackResponsesTest {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void successIsOneStringParameter() {
        assertThat(text(PingbackResponses.success("Pingback from http://a/ to http://b/ registered.")))
                .isEqualTo(PROLOG + "<methodResponse><params><param><value><string>"
                        + "Pingback from http://a/ to http://b/ registered."
                        + "</string></value></param></params></methodResponse>");
    }

    @Test
    void successMessageIsEscaped() {
        assertThat(text(PingbackResponses.success("a < b & c > d \"q\" 'a'")))
                .isEqualTo(PROLOG + "<methodResponse><params><param><value><string>"
                        + "a &lt; b &amp; c &gt; d \"q\" 'a'"
                        + "</string></value></param></params></methodResponse>");
    }

    @ParameterizedTest
    @CsvSource({
        "GENERIC, 0",
        "SOURCE_NOT_FOUND, 16",
        "SOURCE_HAS_NO_LINK, 17",
        "TARGET_NOT_FOUND, 32",
        "TARGET_NOT_PINGABLE, 33",
        "ALREADY_REGISTERED, 48",
        "ACCESS_DENIED, 49",
        "UPSTREAM_ERROR, 50",
        "PARSE_ERROR, -32700",
        "INVALID_REQUEST, -32600",
        "METHOD_NOT_FOUND, -32601",
        "INVALID_PARAMS, -32602",
    })
    void everyFaultIsWrittenWithItsCode(Fault fault, int code) {
        assertThat(text(PingbackResponses.fault(fault, "why")))
                .isEqualTo(PROLOG + "<methodResponse><fault><value><struct>"
                        + "<member><name>faultCode</name><value><int>" + code + "</int></value></member>"
                        + "<member><name>faultString</name><value><string>why</string></value></member>"
                        + "</struct></value></fault></methodResponse>");
    }

    @Test
    void everyFaultIsCoveredAbove() {
        assertThat(Fault.values()).hasSize(12);
    }

    @Test
    void faultStringIsEscapedAndControlCharactersReplaced() {
        assertThat(text(PingbackResponses.fault(Fault.SOURCE_HAS_NO_LINK, "<a href=\"x\">&</a>\r\n\u0000\uD800!")))
                .contains("<value><string>&lt;a href=\"x\"&gt;&amp;&lt;/a&gt;&#13;\n\uFFFD\uFFFD!</string></value>");
    }

    @Test
    void nonAsciiMessageIsUtf8AndSurrogatePairsSurvive() {
        byte[] body = PingbackResponses.success("caf\u00e9 \uD83D\uDE00");
        assertThat(text(body)).contains("<string>caf\u00e9 \uD83D\uDE00</string>");
        assertThat(body).contains(0xC3, 0xA9);
    }

    @Test
    void refusedParseIsWrittenAsItsFault() {
        PingbackParse.Refused refused = new PingbackParse.Refused(Fault.METHOD_NOT_FOUND, "no");
        assertThat(PingbackResponses.fault(refused)).isEqualTo(PingbackResponses.fault(Fault.METHOD_NOT_FOUND, "no"));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyFaultAnswerIsWellFormedXmlCarryingCodeAndString(Fault fault) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                PingbackResponses.fault(fault, "m & <n>\u0001")));
        assertThat(doc.getElementsByTagName("int").item(0).getTextContent()).isEqualTo(Integer.toString(fault.code()));
        assertThat(doc.getElementsByTagName("string").item(0).getTextContent()).isEqualTo("m & <n>\uFFFD");
    }

    @Test
    void everyCallReturnsAFreshArray() {
        byte[] first = PingbackResponses.success("x");
        first[0] = 0;
        assertThat(PingbackResponses.success("x")[0]).isEqualTo((byte) '<');
    }

    @Test
    void contentTypeIsXmlUtf8() {
        assertThat(PingbackResponses.CONTENT_TYPE).isEqualTo("text/xml; charset=UTF-8");
    }
}
