package dev.parley.pingback.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.Fault;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XML 1.0 section 4.3.3 and appendix F: a byte order mark names the encoding, and an encoding declaration that
 * names another is a fatal error. The parser refuses such a body with a parse-error fault that says so, and reads
 * a mark and a declaration that agree as before.
 */
@DisplayName("A byte order mark that contradicts the XML declaration")
class ByteOrderMarkTest {

    private static final String SOURCE = "http://source.example/caf\u00e9";
    private static final String TARGET = "http://target.example/post";

    private final PingbackRequestParser parser = PingbackRequestParser.create();

    private static String call(String encoding) {
        return "\uFEFF<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<methodCall><methodName>pingback.ping"
                + "</methodName><params><param><value><string>" + SOURCE + "</string></value></param><param><value>"
                + "<string>" + TARGET + "</string></value></param></params></methodCall>";
    }

    private static PingbackParse.Refused refused(PingbackParse result) {
        assertThat(result).isInstanceOf(PingbackParse.Refused.class);
        return (PingbackParse.Refused) result;
    }

    @ParameterizedTest(name = "{1} mark, declaration {0}")
    @CsvSource({"UTF-8, UTF-16LE", "utf-8, UTF-16BE", "ISO-8859-1, UTF-16LE", "US-ASCII, UTF-16BE",
        "UTF-16, UTF-8", "utf-16, UTF-8", "ISO-8859-1, UTF-8", "UTF-16LE, UTF-16BE", "UTF-16BE, UTF-16LE"})
    @DisplayName("is refused with a parse error that names the contradiction")
    void contradictionIsRefused(String declared, String bytes) {
        PingbackParse.Refused refused = refused(parser.parse(call(declared).getBytes(Charset.forName(bytes)), null));

        assertThat(refused.fault()).isEqualTo(Fault.PARSE_ERROR);
        assertThat(refused.message()).contains("byte order mark").contains(declared);
    }

    @Test
    @DisplayName("is refused when the Content-Type charset agrees with the mark")
    void contradictionIsRefusedWhateverTheContentType() {
        byte[] body = call("UTF-8").getBytes(StandardCharsets.UTF_16LE);

        assertThat(refused(parser.parse(body, StandardCharsets.UTF_16LE)).message()).contains("byte order mark");
    }

    @Test
    @DisplayName("a mark that contradicts the Content-Type charset is refused too")
    void markContradictingContentTypeIsRefused() {
        byte[] body = call("UTF-8").getBytes(StandardCharsets.UTF_8);

        assertThat(refused(parser.parse(body, StandardCharsets.UTF_16BE)).message()).contains("byte order mark");
    }

    @ParameterizedTest(name = "{1} mark, declaration {0}")
    @CsvSource({"UTF-16, UTF-16LE", "UTF-16, UTF-16BE", "utf-16, UTF-16LE", "UTF-16LE, UTF-16LE",
        "UTF-8, UTF-8", "utf-8, UTF-8"})
    @DisplayName("a mark and a declaration that agree parse as before")
    void agreementParses(String declared, String bytes) {
        PingbackParse result = parser.parse(call(declared).getBytes(Charset.forName(bytes)), null);

        assertThat(result).isEqualTo(new PingbackParse.Parsed(new PingbackRequest(SOURCE, TARGET)));
    }

    @Test
    @DisplayName("UTF-16 without a mark must not declare an 8-bit encoding either")
    void unmarkedUtf16DeclaringUtf8IsRefused() {
        byte[] body = call("UTF-8").substring(1).getBytes(StandardCharsets.UTF_16LE);

        assertThat(refused(parser.parse(body, null)).message()).contains("UTF-8");
    }
}
