package dev.parley.pingback.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The page is decoded with the charset of its BOM, else its header, else its meta, else UTF-8")
class CharsetFetchTest extends AllowedServerTest {

    @Test
    void iso88591FromHeaderDecodesAsWindows1252LikeBrowsers() {
        byte[] body = {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0x93, 'q', (byte) 0x94};
        server.page("/p", 200, "text/html; charset=ISO-8859-1", body);

        FetchResult.Fetched page = fetched(fetch("/p"));

        assertThat(page.body()).isEqualTo("café \u201cq\u201d");
        assertThat(page.charset()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void windows1252FromHeader() {
        server.page("/p", 200, "text/html; charset=windows-1252",
                "\u201cquoted\u201d \u20ac".getBytes(Charset.forName("windows-1252")));

        assertThat(fetched(fetch("/p")).body()).isEqualTo("\u201cquoted\u201d \u20ac");
    }

    @Test
    void shiftJisFromHeader() {
        server.page("/p", 200, "text/html; charset=Shift_JIS", "<p>日本語のページ</p>".getBytes(sjis()));

        FetchResult.Fetched page = fetched(fetch("/p"));

        assertThat(page.body()).isEqualTo("<p>日本語のページ</p>");
        assertThat(page.charset()).isEqualTo(sjis());
    }

    @Test
    void metaCharsetWhenTheHeaderHasNone() {
        String html = "<!doctype html><html><head><meta charset=\"shift_jis\"><title>題名</title></head></html>";
        server.page("/p", 200, "text/html", html.getBytes(sjis()));

        FetchResult.Fetched page = fetched(fetch("/p"));

        assertThat(page.body()).isEqualTo(html);
        assertThat(page.charset()).isEqualTo(sjis());
    }

    @Test
    void metaHttpEquivContentTypeWhenTheHeaderHasNone() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body>na\u00efve \u201cquote\u201d</body></html>";
        server.page("/p", 200, "text/html", html.getBytes(Charset.forName("windows-1252")));

        assertThat(fetched(fetch("/p")).body()).isEqualTo(html);
    }

    @Test
    void headerCharsetWinsOverMeta() {
        String html = "<meta charset=\"shift_jis\"><p>caf\u00e9</p>";
        server.page("/p", 200, "text/html; charset=utf-8", html.getBytes(UTF_8));

        FetchResult.Fetched page = fetched(fetch("/p"));

        assertThat(page.charset()).isEqualTo(UTF_8);
        assertThat(page.body()).isEqualTo(html);
    }

    @Test
    void utf8WhenNothingIsDeclared() {
        server.page("/p", 200, "text/html", "<p>\u00fcber</p>".getBytes(UTF_8));

        FetchResult.Fetched page = fetched(fetch("/p"));

        assertThat(page.charset()).isEqualTo(UTF_8);
        assertThat(page.body()).isEqualTo("<p>\u00fcber</p>");
    }

    @Test
    void byteOrderMarkIsHonouredAndRemoved() {
        byte[] text = "<p>\u00e9</p>".getBytes(UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xef;
        body[1] = (byte) 0xbb;
        body[2] = (byte) 0xbf;
        System.arraycopy(text, 0, body, 3, text.length);
        server.page("/p", 200, "text/html; charset=iso-8859-1", body);

        FetchResult.Fetched page = fetched(fetch("/p"));

        assertThat(page.charset()).isEqualTo(UTF_8);
        assertThat(page.body()).isEqualTo("<p>\u00e9</p>");
    }

    @Test
    void unknownHeaderCharsetFallsBackToMeta() {
        String html = "<meta charset=windows-1252><p>\u00e9</p>";
        server.page("/p", 200, "text/html; charset=no-such-charset",
                html.getBytes(Charset.forName("windows-1252")));

        assertThat(fetched(fetch("/p")).body()).isEqualTo(html);
    }

    private Charset sjis() {
        return Charset.forName("Shift_JIS");
    }
}
