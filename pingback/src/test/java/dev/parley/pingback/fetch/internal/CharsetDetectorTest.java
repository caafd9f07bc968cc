package dev.parley.pingback.fetch.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetDetectorTest {

    private static Charset detect(String html, String header, boolean isHtml) {
        byte[] bytes = html.getBytes(UTF_8);
        return CharsetDetector.detect(bytes, bytes.length, header, isHtml).charset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<meta charset=\"EUC-JP\">|EUC-JP",
        "<META CHARSET=euc-jp>|EUC-JP",
        "<meta charset='koi8-r'/>|KOI8-R",
        "<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-2\">|ISO-8859-2",
        "<meta content='text/html;charset=Shift_JIS' http-equiv='Content-Type'>|Shift_JIS",
        "<meta charset=\"utf-16\">|UTF-8",
        "<meta charset=\"latin1\">|windows-1252",
        "<!-- <meta charset=\"koi8-r\"> --><meta charset=\"euc-kr\">|EUC-KR",
        "<meta name=\"x\" content=\"y\"><p>no declaration</p>|UTF-8",
        "<meta charset=\"no-such-thing\">|UTF-8"})
    void metaDeclarationIsFoundInThePrescan(String html, String expected) {
        assertThat(detect(html, null, true)).isEqualTo(Charset.forName(expected));
    }

    @Test
    void metaBeyondTheFirst1024BytesIsIgnored() {
        String html = " ".repeat(CharsetDetector.PRESCAN_BYTES) + "<meta charset=\"koi8-r\">";

        assertThat(detect(html, null, true)).isEqualTo(UTF_8);
    }

    @Test
    void plainTextIgnoresMeta() {
        assertThat(detect("<meta charset=\"koi8-r\">", null, false)).isEqualTo(UTF_8);
    }

    @Test
    void headerWinsOverMeta() {
        assertThat(detect("<meta charset=\"koi8-r\">", "euc-jp", true)).isEqualTo(Charset.forName("EUC-JP"));
    }

    @Test
    void utf16ByteOrderMarksAreHonoured() {
        byte[] le = {(byte) 0xff, (byte) 0xfe, 'a', 0};
        byte[] be = {(byte) 0xfe, (byte) 0xff, 0, 'a'};

        assertThat(CharsetDetector.detect(le, 4, "utf-8", true))
                .isEqualTo(new CharsetDetector.Detected(java.nio.charset.StandardCharsets.UTF_16LE, 2));
        assertThat(CharsetDetector.detect(be, 4, null, true))
                .isEqualTo(new CharsetDetector.Detected(java.nio.charset.StandardCharsets.UTF_16BE, 2));
    }
}
