package dev.parley.migrate.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** WXR dates read by hand exactly as the strict {@code uuuu-MM-dd HH:mm:ss} formatter reads them. */
class WxrDatesTest {

    @Test
    void wellFormedDatesAreReadAsUtc() {
        assertThat(WxrValues.utc("2019-03-31 01:30:59")).isEqualTo(Instant.parse("2019-03-31T01:30:59Z"));
        assertThat(WxrValues.utc("2024-02-29 23:59:59")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(WxrValues.utc("2000-02-29 00:00:00")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
        assertThat(WxrValues.utc("1969-12-31 23:59:59")).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
        assertThat(WxrValues.utc("0001-01-01 00:00:00")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(WxrValues.utc("9999-12-31 23:59:59")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void theZeroDateAndDatesOutOfRangeAreNoDates() {
        assertThat(WxrValues.utc("0000-00-00 00:00:00")).isNull();
        assertThat(WxrValues.utc("2023-02-29 10:00:00")).isNull();
        assertThat(WxrValues.utc("1900-02-29 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-04-31 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-13-01 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-00-10 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-01-00 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01 24:00:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01 10:60:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01 10:00:60")).isNull();
    }

    @Test
    void otherShapesAreNoDatesButASignedLongYearIsOne() {
        assertThat(WxrValues.utc("")).isNull();
        assertThat(WxrValues.utc(null)).isNull();
        assertThat(WxrValues.utc("2019-1-01 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01T10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01 10:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01 10:00:00Z")).isNull();
        assertThat(WxrValues.utc("2019-01-0a 10:00:00")).isNull();
        assertThat(WxrValues.utc("2019-01-01 1 :00:00")).isNull();
        assertThat(WxrValues.utc("２019-01-01 10:00:00")).isNull();
        assertThat(WxrValues.utc("-019-01-01 10:00:00")).isNull();
        assertThat(WxrValues.utc("+2019-01-01 10:00:00")).isNull();
        assertThat(WxrValues.utc("+12019-01-01 10:00:00")).isEqualTo(Instant.parse("+12019-01-01T10:00:00Z"));
    }
}
