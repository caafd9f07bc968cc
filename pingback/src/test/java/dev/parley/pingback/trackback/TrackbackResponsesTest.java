package dev.parley.pingback.trackback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.Fault;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrackbackResponsesTest {

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void successIsErrorZero() {
        assertThat(text(TrackbackResponses.success()))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>0</error>\n</response>\n");
    }

    @Test
    void errorIsErrorOneWithMessage() {
        assertThat(text(TrackbackResponses.error("No url given")))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>1</error>\n"
                        + "<message>No url given</message>\n</response>\n");
    }

    @Test
    void messageIsEscaped() {
        assertThat(text(TrackbackResponses.error("<script>&\u0007</script>")))
                .contains("<message>&lt;script&gt;&amp;\uFFFD&lt;/script&gt;</message>");
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyFaultIsErrorOneWithItsMessage(Fault fault) {
        assertThat(TrackbackResponses.fault(fault, "because " + fault.code()))
                .isEqualTo(TrackbackResponses.error("because " + fault.code()));
    }

    @Test
    void refusedParseIsWrittenAsErrorOne() {
        assertThat(TrackbackResponses.fault(new TrackbackParse.Refused(Fault.GENERIC, "use POST")))
                .isEqualTo(TrackbackResponses.error("use POST"));
    }

    @Test
    void bodiesAreUtf8() {
        assertThat(TrackbackResponses.error("\u00e9")).contains(0xC3, 0xA9);
        assertThat(TrackbackResponses.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");
    }
}
