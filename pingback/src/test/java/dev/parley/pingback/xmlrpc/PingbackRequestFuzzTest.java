package dev.parley.pingback.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.pingback.xmlrpc.PingbackParse.Parsed;
import dev.parley.pingback.xmlrpc.PingbackParse.Refused;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for the XML-RPC reader: any body, read as bytes and as a stream, with and without a declared
 * charset, gives a {@link PingbackParse} (a call or a fault), never an exception, and the same one both ways.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/xmlrpc/PingbackRequestFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes it.
 */
class PingbackRequestFuzzTest {

    private static final PingbackRequestParser PARSER = PingbackRequestParser.create();

    @FuzzTest
    @DisplayName("any XML-RPC body gives a call or a fault, never an exception, from bytes as from a stream")
    void xmlRpcBody(byte[] body) {
        PingbackParse fromBytes = PARSER.parse(body, null);
        PingbackParse fromStream = PARSER.parse(new ByteArrayInputStream(body), null);
        PingbackParse declared = PARSER.parse(body, StandardCharsets.ISO_8859_1);

        assertThat(fromStream).isEqualTo(fromBytes);
        for (PingbackParse parse : new PingbackParse[] {fromBytes, declared}) {
            assertThat(parse).isNotNull();
            if (parse instanceof Parsed parsed) {
                assertThat(body.length).isLessThanOrEqualTo(PARSER.maxBodyBytes());
                assertThat(parsed.request().sourceUri().length() + parsed.request().targetUri().length())
                        .isLessThanOrEqualTo(body.length);
            } else {
                assertThat(((Refused) parse).message()).isNotBlank();
            }
        }
    }
}
