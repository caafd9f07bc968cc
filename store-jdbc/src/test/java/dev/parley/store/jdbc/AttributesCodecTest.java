package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributesCodecTest {

    @Test
    @DisplayName("an empty map is an empty object")
    void emptyMap() {
        assertThat(AttributesCodec.encode(Map.of())).isEqualTo("{}");
        assertThat(AttributesCodec.decode("{}")).isEmpty();
        assertThat(AttributesCodec.decode(" { } ")).isEmpty();
    }

    @Test
    @DisplayName("keys are written in sorted order, values as JSON strings")
    void sortedKeys() {
        assertThat(AttributesCodec.encode(Map.of("wp:id", "42", "a", "", "B.x", "y")))
                .isEqualTo("{\"B.x\":\"y\",\"a\":\"\",\"wp:id\":\"42\"}");
    }

    @Test
    @DisplayName("quotes, backslashes, control characters, DEL and unpaired surrogates are escaped")
    void escapes() {
        assertThat(AttributesCodec.encode(Map.of("k", "\"\\\n\r\t\u0000\u001f\u007f\uD800x\uDC00")))
                .isEqualTo("{\"k\":\"\\\"\\\\\\n\\r\\t\\u0000\\u001f\\u007f\\ud800x\\udc00\"}");
    }

    @Test
    @DisplayName("emoji, right-to-left text and combining marks are written as they are")
    void unicodeAsIs() {
        String value = "\uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD e\u0301";
        assertThat(AttributesCodec.encode(Map.of("k", value))).isEqualTo("{\"k\":\"" + value + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\u0000", "a\"b\\c", "\uD83D\uDE00", "\uD83D", "\uDE00\uD83D", "\b\f/",
        "line\nbreak\r\n", "\u2028\u2029"})
    @DisplayName("every value round-trips exactly")
    void roundTrip(String value) {
        Map<String, String> attributes = Map.of("key", value, "other-key_1.2:3", value + value);
        assertThat(AttributesCodec.decode(AttributesCodec.encode(attributes))).isEqualTo(attributes);
    }

    @Test
    @DisplayName("standard JSON escapes written by other tools are read")
    void readsStandardEscapes() {
        assertThat(AttributesCodec.decode("{\"a\" : \"\\/\\b\\f\\u00e9\\uD83D\\uDE00\"}"))
                .isEqualTo(Map.of("a", "/\b\f\u00e9\uD83D\uDE00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"a\"}", "{\"a\":1}", "{\"a\":\"b\",}", "{\"a\":\"b\"} x",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"b\",\"a\":\"c\"}", "{\"a\":\"b"})
    @DisplayName("anything but an object of strings is refused")
    void refusesMalformed(String json) {
        assertThatThrownBy(() -> AttributesCodec.decode(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("attributes are not a JSON object of strings");
    }
}
