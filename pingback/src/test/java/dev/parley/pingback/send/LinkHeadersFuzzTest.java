package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for the {@code Link} header parser (RFC 8288): any header value, read as ISO-8859-1 as HTTP
 * header bytes are, gives a list of link-values, never an exception; each target is text of the header that
 * holds no {@code >} and no surrounding whitespace (the parser strips it inside the brackets), each {@code rel}
 * is no longer than the header, and there are no more link-values than the header has angle brackets.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/send/LinkHeadersFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes
 * it.
 */
class LinkHeadersFuzzTest {

    @FuzzTest
    @DisplayName("any Link header value gives well-formed link-values within the header, never an exception")
    void linkHeader(byte[] input) {
        String header = new String(input, StandardCharsets.ISO_8859_1);

        List<LinkHeaders.LinkValue> links = LinkHeaders.parse(header);

        assertThat(links.size()).isLessThanOrEqualTo((int) header.chars().filter(c -> c == '<').count());
        for (LinkHeaders.LinkValue link : links) {
            // The text between the brackets, stripped of surrounding whitespace (< /b> is /b).
            assertThat(header).contains(link.target());
            assertThat(link.target()).doesNotContain(">").isEqualTo(link.target().strip());
            if (link.rel() != null) {
                assertThat(link.rel().length()).isLessThanOrEqualTo(header.length());
            }
        }
    }
}
