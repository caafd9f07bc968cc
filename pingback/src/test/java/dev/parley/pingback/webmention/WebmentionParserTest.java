package dev.parley.pingback.webmention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.Fault;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebmentionParserTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ALPHABET = "source=target&%+:/.#?@[]0aF \u00ff";

    private final WebmentionParser parser = WebmentionParser.create();

    private WebmentionParse post(String body) {
        return parser.parse("POST", FORM, body.getBytes(StandardCharsets.US_ASCII));
    }

    private static String form(String source, String target) {
        return "source=" + URLEncoder.encode(source, StandardCharsets.UTF_8)
                + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    private static WebmentionRequest parsed(WebmentionParse result) {
        assertThat(result).isInstanceOf(WebmentionParse.Parsed.class);
        return ((WebmentionParse.Parsed) result).request();
    }

    private static String refused(WebmentionParse result) {
        assertThat(result).isInstanceOf(WebmentionParse.Refused.class);
        WebmentionParse.Refused refused = (WebmentionParse.Refused) result;
        assertThat(refused.fault()).isEqualTo(Fault.GENERIC);
        assertThat(refused.fault().httpStatus()).isEqualTo(400);
        return refused.reason();
    }

    @Nested
    @DisplayName("A Webmention form post")
    class Forms {

        @Test
        void sourceAndTargetAreDecoded() {
            assertThat(parsed(post(form("https://alice.example/reply?id=1&x=2", "https://bob.example/post/1"))))
                    .isEqualTo(new WebmentionRequest("https://alice.example/reply?id=1&x=2", "https://bob.example/post/1"));
        }

        @Test
        void fieldOrderDoesNotMatterAndOtherFieldsAreIgnored() {
            assertThat(parsed(post("vouch=x&target=http://b.example/&source=http://a.example/")))
                    .isEqualTo(new WebmentionRequest("http://a.example/", "http://b.example/"));
        }

        @Test
        void valuesAreTrimmed() {
            assertThat(parsed(post("source=++http://a.example/%0A&target=%09http://b.example/")))
                    .isEqualTo(new WebmentionRequest("http://a.example/", "http://b.example/"));
        }

        @Test
        void charsetParameterIsHonoured() {
            WebmentionParse result = parser.parse("POST", FORM + "; charset=iso-8859-1",
                    "source=http://a.example/caf%E9&target=http://b.example/".getBytes(StandardCharsets.US_ASCII));
            assertThat(parsed(result).source()).isEqualTo("http://a.example/caf\u00e9");
        }

        @Test
        void streamBodyParsesLikeBytes() {
            InputStream in = new ByteArrayInputStream(form("http://a.example/", "http://b.example/")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(parsed(parser.parse("POST", FORM, in)).target()).isEqualTo("http://b.example/");
        }

        @Test
        void samePathOnDifferentHostsIsFine() {
            assertThat(parsed(post(form("http://a.example/post", "http://b.example/post"))).source())
                    .isEqualTo("http://a.example/post");
        }

        @Test
        void differentQueriesNameDifferentDocuments() {
            assertThat(parsed(post(form("http://a.example/?p=1", "http://a.example/?p=2"))).target())
                    .isEqualTo("http://a.example/?p=2");
        }
    }

    @Nested
    @DisplayName("400 Bad Request with a reason")
    class Refusals {

        @Test
        void getIsRefusedWithoutReadingTheBody() {
            AtomicLong read = new AtomicLong();
            InputStream body = new InputStream() {
                @Override
                public int read() {
                    read.incrementAndGet();
                    return -1;
                }
            };
            assertThat(refused(parser.parse("GET", FORM, body))).isEqualTo("Webmention requests must use the POST method");
            assertThat(read).hasValue(0);
        }

        @Test
        void nonFormContentTypeIsRefused() {
            assertThat(refused(parser.parse("POST", "application/json",
                    "{}".getBytes(StandardCharsets.US_ASCII)))).startsWith("Content-Type must be");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "target=http://b.example/|source is required",
            "source=http://a.example/|target is required",
            "|source and target are required",
            "source=&target=http://b.example/|source is empty",
        })
        void missingFieldIsNamed(String body, String reason) {
            assertThat(refused(post(body == null ? "" : body))).isEqualTo(reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/relative", "ftp://a.example/", "javascript:alert(1)", "file:///etc/passwd",
            "http://", "a.example/post", "gopher://a.example:70/"})
        void sourceThatIsNotAnAbsoluteHttpUrlIsRefused(String source) {
            assertThat(refused(post(form(source, "http://b.example/")))).startsWith("source ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://user@a.example/", "http://user:pass@a.example/", "http://a%2Eexample/",
            "http://a.example/\u0000", "http://a_b!.example/"})
        @DisplayName("a source the fetcher would not read the same way is refused, by the fetcher's own rules")
        void ambiguousSourceIsRefused(String source) {
            assertThat(refused(post(form(source, "http://b.example/")))).startsWith("source ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/relative", "data:text/html,hi", "https:///x"})
        void targetThatIsNotAnAbsoluteHttpUrlIsRefused(String target) {
            assertThat(refused(post(form("http://a.example/", target)))).startsWith("target ");
        }

        @ParameterizedTest
        @CsvSource({
            "http://a.example/post, http://a.example/post",
            "HTTP://A.Example/post, http://a.example/post",
            "http://a.example:80/post, http://a.example/post",
            "https://a.example:443/post, https://a.example/post",
            "http://a.example/x/../post, http://a.example/post",
            "http://a.example, http://a.example/",
            "http://a.example/post#reply, http://a.example/post",
        })
        void sourceSameAsTargetIsRefused(String source, String target) {
            assertThat(refused(post(form(source, target)))).isEqualTo("source and target must be different URLs");
        }

        @Test
        void overlongUrlIsRefused() {
            assertThat(refused(post(form("http://a.example/" + "x".repeat(2048), "http://b.example/"))))
                    .isEqualTo("source is longer than 2048 characters");
        }

        @Test
        void duplicateSourceIsRefused() {
            assertThat(refused(post("source=http://a.example/&source=http://c.example/&target=http://b.example/")))
                    .isEqualTo("form field source appears more than once");
        }

        @Test
        void malformedPercentEncodedUtf8IsRefusedNotReplaced() {
            assertThat(refused(post("source=http://a.example/%C3%28&target=http://b.example/")))
                    .isEqualTo("form field source is not valid UTF-8"
                            + " (its bytes, raw or percent-encoded, must be UTF-8)");
            assertThat(refused(post("source=http://a.example/&target=http://b.example/%FF")))
                    .startsWith("form field target is not valid UTF-8");
            // An encoded surrogate (CESU-8) and an overlong encoding of '/' are not UTF-8 either.
            assertThat(refused(post("source=http://a.example/%ED%A0%80&target=http://b.example/")))
                    .startsWith("form field source is not valid UTF-8");
            assertThat(refused(post("source=http://a.example/%C0%AF&target=http://b.example/")))
                    .startsWith("form field source is not valid UTF-8");
        }

        @Test
        void rawBytesInvalidInUtf8AreRefused() {
            byte[] body = "source=http://a.example/\u00e9&target=http://b.example/"
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThat(refused(parser.parse("POST", FORM, body))).startsWith("form field source is not valid UTF-8");
        }

        @Test
        void validPercentEncodedUtf8IsDecoded() {
            assertThat(parsed(post("source=http://a.example/caf%C3%A9&target=http://b.example/")).source())
                    .isEqualTo("http://a.example/caf\u00e9");
        }

        @Test
        void bodyOverTheCapIsRefused() {
            assertThat(refused(post(form("http://a.example/", "http://b.example/") + "&pad=" + "x".repeat(16 * 1024))))
                    .isEqualTo("request body exceeds 16384 bytes");
        }
    }

    @Test
    void buildNamesEveryBadLimit() {
        assertThatThrownBy(() -> WebmentionParser.builder().maxBodyBytes(-1).maxUrlLength(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBodyBytes").hasMessageContaining("maxUrlLength");
    }

    @Test
    void toBuilderKeepsLimits() {
        WebmentionParser tight = WebmentionParser.builder().maxUrlLength(20).build().toBuilder().build();
        assertThat(refused(tight.parse("POST", FORM, form("http://a.example/very/long/path", "http://b.example/")
                .getBytes(StandardCharsets.US_ASCII)))).isEqualTo("source is longer than 20 characters");
    }

    @Test
    @DisplayName("Random bodies give a result, never an exception")
    void randomInputNeverThrows() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(2911L);
        for (int i = 0; i < 5_000; i++) {
            byte[] body = new byte[random.nextInt(200)];
            for (int b = 0; b < body.length; b++) {
                body[b] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            assertThat(parser.parse("POST", FORM, body)).isNotNull();
        }
    }
}
