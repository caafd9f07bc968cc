package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Provenance;
import dev.parley.storage.Provenance.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvenanceCodecTest {

    /** Every C0 control character and DEL. */
    private static final String CONTROL;

    static {
        StringBuilder control = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            control.append(c);
        }
        CONTROL = control.append('\u007F').toString();
    }

    @Test
    @DisplayName("no provenance is a NULL column, both ways")
    void nullIsNull() {
        assertThat(ProvenanceCodec.encode(null)).isNull();
        assertThat(ProvenanceCodec.decode(null)).isNull();
    }

    @Test
    @DisplayName("null components are left out, empty strings written, entries as [name, value] pairs in order")
    void layout() {
        assertThat(ProvenanceCodec.encode(Provenance.of("isso", "42")))
                .isEqualTo("{\"system\":\"isso\",\"sourceId\":\"42\",\"fields\":[],\"metadata\":[]}");
        Provenance full = Provenance.builder("wordpress", "17").threadId("4").parentId("0").status("1").type("")
                .date("2009-05-17 23:04:33").field("b", "1").field("a", "").metadata("z", "2").metadata("z", "3")
                .build();
        assertThat(ProvenanceCodec.encode(full)).isEqualTo("{\"system\":\"wordpress\",\"sourceId\":\"17\","
                + "\"threadId\":\"4\",\"parentId\":\"0\",\"status\":\"1\",\"type\":\"\","
                + "\"date\":\"2009-05-17 23:04:33\",\"fields\":[[\"b\",\"1\"],[\"a\",\"\"]],"
                + "\"metadata\":[[\"z\",\"2\"],[\"z\",\"3\"]]}");
        assertThat(ProvenanceCodec.decode(ProvenanceCodec.encode(full))).isEqualTo(full);
    }

    @Test
    @DisplayName("quotes, backslashes, control characters, DEL and unpaired surrogates are escaped in every"
            + " string, names included")
    void escapes() {
        Provenance provenance = Provenance.builder("s", "\"\\\n\r\t\u0000\u001f\u007f\uD800x\uDC00")
                .field("\u0000", "\uDBFF").build();

        assertThat(ProvenanceCodec.encode(provenance)).isEqualTo("{\"system\":\"s\","
                + "\"sourceId\":\"\\\"\\\\\\n\\r\\t\\u0000\\u001f\\u007f\\ud800x\\udc00\","
                + "\"fields\":[[\"\\u0000\",\"\\udbff\"]],\"metadata\":[]}");
    }

    @Test
    @DisplayName("emoji, right-to-left text and combining marks are written as they are")
    void unicodeAsIs() {
        String value = "\uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD e\u0301";

        assertThat(ProvenanceCodec.encode(Provenance.builder("s", "1").date(value).build()))
                .contains("\"date\":\"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\u0000", "a\"b\\c", "\uD83D\uDE00", "\uD83D", "\uDE00\uD83D", "\b\f/",
        "line\nbreak\r\n", "\u2028\u2029", "\\u0041", "[\"a\",\"b\"]", "{\"k\":null}", "\u007F\u0080\u009F"})
    @DisplayName("every value round-trips exactly in every component")
    void roundTrip(String value) {
        Provenance provenance = new Provenance("wordpress", "id" + value, value, value, value, value, value,
                List.of(new Field("f" + value, value), new Field("f" + value, value + value)),
                List.of(new Field("m" + value, value)));

        assertThat(ProvenanceCodec.decode(ProvenanceCodec.encode(provenance))).isEqualTo(provenance);
    }

    @Test
    @DisplayName("every control character in every position round-trips")
    void controlCharactersRoundTrip() {
        Provenance provenance = Provenance.builder("s", CONTROL).threadId(CONTROL + CONTROL).status(CONTROL)
                .field(CONTROL, CONTROL).metadata(CONTROL, "").build();

        String json = ProvenanceCodec.encode(provenance);

        assertThat(json.chars().filter(c -> c < 0x20 || c == 0x7f)).isEmpty();
        assertThat(ProvenanceCodec.decode(json)).isEqualTo(provenance);
    }

    @Test
    @DisplayName("a provenance at its limits in control characters, up to six times longer escaped, round-trips"
            + " and fits MariaDB's MEDIUMTEXT")
    void largestEncodingFitsTheColumns() {
        String name = CONTROL.repeat(8).substring(0, Field.MAX_NAME_LENGTH);
        int valueLength = (Provenance.MAX_TOTAL_LENGTH - 2 - Provenance.MAX_ENTRIES * Field.MAX_NAME_LENGTH)
                / Provenance.MAX_ENTRIES;
        String value = CONTROL.repeat(valueLength / CONTROL.length() + 1).substring(0, valueLength);
        Provenance.Builder builder = Provenance.builder("s", "1");
        for (int i = 0; i < Provenance.MAX_ENTRIES; i++) {
            builder.field(name, value);
        }
        Provenance largest = builder.build();

        String json = ProvenanceCodec.encode(largest);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(5_000_000).isLessThan(16_777_215);
        assertThat(ProvenanceCodec.decode(json)).isEqualTo(largest);
    }

    @Test
    @DisplayName("members may come in any order, with whitespace around every token; optional ones may be null or"
            + " absent, and absent lists are empty")
    void readsAnyMemberOrder() {
        assertThat(ProvenanceCodec.decode(" { \"metadata\" : [ [ \"k\" , \"v\" ] ] , \"sourceId\" : \"1\" ,"
                + " \"threadId\" : null , \"system\" : \"disqus\" } "))
                .isEqualTo(Provenance.builder("disqus", "1").metadata("k", "v").build());
        assertThat(ProvenanceCodec.decode("{\"system\":\"isso\",\"sourceId\":\"\\u0031\\/\"}"))
                .isEqualTo(Provenance.of("isso", "1/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{}", "null", "{\"system\":\"s\"}", "{\"sourceId\":\"1\"}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"extra\":\"x\"}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"system\":\"t\"}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":[],\"fields\":[]}",
        "{\"system\":\"s\",\"sourceId\":1}", "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":null}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":{}}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":[[\"n\"]]}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":[[\"n\",\"v\",\"w\"]]}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":[[\"n\",1]]}",
        "{\"system\":\"s\",\"sourceId\":\"1\",\"metadata\":[[\"n\",\"v\"],]}",
        "{\"system\":\"s\",\"sourceId\":\"1\"} x", "{\"system\":\"s\",\"sourceId\":\"1\",}",
        "{\"system\":\"s\",\"sourceId\":\"\\x\"}", "{\"system\":\"s\",\"sourceId\":\"\\u12g4\"}",
        "{\"system\":\"s\",\"sourceId\":\"1"})
    @DisplayName("anything but an object of the provenance's members is refused")
    void refusesMalformed(String json) {
        assertThatThrownBy(() -> ProvenanceCodec.decode(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("provenance is not a JSON object of its components");
    }

    @Test
    @DisplayName("well-formed text holding values no provenance may hold is refused by the provenance's own checks")
    void refusesInvalidValues() {
        assertThatThrownBy(() -> ProvenanceCodec.decode("{\"system\":\"Disqus\",\"sourceId\":\"1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("system must be");
        assertThatThrownBy(() -> ProvenanceCodec.decode("{\"system\":\"s\",\"sourceId\":\"\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("source id must not be empty");
        assertThatThrownBy(() -> ProvenanceCodec.decode(
                "{\"system\":\"s\",\"sourceId\":\"1\",\"fields\":[[\"\",\"v\"]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field name must not be empty");
    }
}
