package dev.parley.pingback.trackback;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.pingback.trackback.TrackbackParse.Parsed;
import dev.parley.pingback.trackback.TrackbackParse.Refused;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for the TrackBack form reader ({@link TrackbackParser} over the form decoder): any form body, as
 * bytes and as a stream, gives a ping or a refusal, never an exception, and a ping's fields keep their documented
 * bounds: an http(s) URL within the URL limit, plain-text title, excerpt and blog name within theirs, none blank,
 * none holding {@code <} or {@code >}. The first line of an input, if it has more than one, is the Content-Type.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/trackback/TrackbackParserFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes it.
 */
class TrackbackParserFuzzTest {

    private static final TrackbackParser PARSER = TrackbackParser.create();
    private static final String FORM = "application/x-www-form-urlencoded";

    @FuzzTest
    @DisplayName("any form body gives a ping within its bounds or a refusal, never an exception")
    void formBody(byte[] input) {
        String contentType = FORM;
        byte[] body = input;
        int newline = indexOf(input, (byte) '\n');
        if (newline >= 0 && newline < 120) {
            contentType = new String(input, 0, newline, StandardCharsets.ISO_8859_1);
            body = Arrays.copyOfRange(input, newline + 1, input.length);
        }

        TrackbackParse fromBytes = PARSER.parse("POST", contentType, body);
        TrackbackParse fromStream = PARSER.parse("POST", contentType, new ByteArrayInputStream(body));

        assertThat(fromStream).isEqualTo(fromBytes);
        if (fromBytes instanceof Parsed parsed) {
            TrackbackPing ping = parsed.ping();
            assertThat(ping.url()).matches("(?is)https?://.+").hasSizeLessThanOrEqualTo(
                    TrackbackParser.DEFAULT_MAX_URL_LENGTH).doesNotContain("<", ">");
            assertText(ping.title(), TrackbackParser.DEFAULT_MAX_TITLE_LENGTH);
            assertText(ping.excerpt(), TrackbackParser.DEFAULT_MAX_EXCERPT_LENGTH);
            assertText(ping.blogName(), TrackbackParser.DEFAULT_MAX_TITLE_LENGTH);
        } else {
            assertThat(((Refused) fromBytes).message()).isNotBlank();
        }
    }

    private static void assertText(@Nullable String text, int max) {
        if (text != null) {
            assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(max).doesNotContain("<", ">");
        }
    }

    static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
