package dev.parley.pingback.send.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for the reader of XML answers (a Pingback server's {@code methodResponse}, a TrackBack
 * {@code response}): any answer, read as UTF-8, gives an element tree or {@link XmlAnswer.Malformed}, never
 * another exception, and a tree stays within the reader's limits: no deeper than {@link XmlAnswer#MAX_DEPTH},
 * no more than {@link XmlAnswer#MAX_ELEMENTS} elements, no more text than the answer had characters.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/send/internal/XmlAnswerFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes it.
 */
class XmlAnswerFuzzTest {

    private record Level(XmlAnswer.Element element, int depth) {
    }

    @FuzzTest
    @DisplayName("any answer gives a tree within the reader's limits or Malformed, never another exception")
    void answer(byte[] input) {
        String xml = new String(input, StandardCharsets.UTF_8);
        XmlAnswer.Element root;
        try {
            root = XmlAnswer.parse(xml, StandardCharsets.UTF_8);
        } catch (XmlAnswer.Malformed malformed) {
            assertThat(malformed.getMessage()).isNotBlank();
            return;
        }
        int elements = 0;
        long text = 0;
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            elements++;
            text += level.element().text().length();
            assertThat(level.depth()).isLessThanOrEqualTo(XmlAnswer.MAX_DEPTH);
            assertThat(level.element().name()).isNotEmpty();
            for (XmlAnswer.Element child : level.element().children()) {
                pending.push(new Level(child, level.depth() + 1));
            }
        }
        assertThat(elements).isLessThanOrEqualTo(XmlAnswer.MAX_ELEMENTS);
        assertThat(text).isLessThanOrEqualTo(xml.length());
    }
}
