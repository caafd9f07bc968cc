package dev.parley.pingback.webmention;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.pingback.webmention.WebmentionParse.Parsed;
import dev.parley.pingback.webmention.WebmentionParse.Refused;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for the Webmention form reader: any form body, as bytes and as a stream, gives a request or a
 * refusal, never an exception; a request's source and target are distinct absolute http(s) URLs within the URL
 * limit.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/webmention/WebmentionParserFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes it.
 */
class WebmentionParserFuzzTest {

    private static final WebmentionParser PARSER = WebmentionParser.create();

    @FuzzTest
    @DisplayName("any form body gives a request within its bounds or a refusal, never an exception")
    void formBody(byte[] body) {
        WebmentionParse fromBytes = PARSER.parse("POST", "application/x-www-form-urlencoded", body);
        WebmentionParse fromStream = PARSER.parse("POST", "application/x-www-form-urlencoded; charset=UTF-8",
                new ByteArrayInputStream(body));

        assertThat(fromStream).isEqualTo(fromBytes);
        if (fromBytes instanceof Parsed parsed) {
            WebmentionRequest request = parsed.request();
            assertThat(request.source()).matches("(?is)https?://.+")
                    .hasSizeLessThanOrEqualTo(WebmentionParser.DEFAULT_MAX_URL_LENGTH);
            assertThat(request.target()).matches("(?is)https?://.+")
                    .hasSizeLessThanOrEqualTo(WebmentionParser.DEFAULT_MAX_URL_LENGTH)
                    .isNotEqualTo(request.source());
        } else {
            assertThat(((Refused) fromBytes).reason()).isNotBlank();
        }
    }
}
