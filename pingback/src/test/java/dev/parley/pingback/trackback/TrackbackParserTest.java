package dev.parley.pingback.trackback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.Fault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackbackParserTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ALPHABET = "url=%+&ttle_xcpbognm:/.0aF\u00ff";

    private final TrackbackParser parser = TrackbackParser.create();

    private TrackbackParse post(String contentType, String body) {
        return parser.parse("POST", contentType, body.getBytes(StandardCharsets.US_ASCII));
    }

    private static TrackbackPing parsed(TrackbackParse result) {
        assertThat(result).isInstanceOf(TrackbackParse.Parsed.class);
        return ((TrackbackParse.Parsed) result).ping();
    }

    private static String refused(TrackbackParse result) {
        assertThat(result).isInstanceOf(TrackbackParse.Refused.class);
        TrackbackParse.Refused refused = (TrackbackParse.Refused) result;
        assertThat(refused.fault()).isEqualTo(Fault.GENERIC);
        return refused.message();
    }

    @Nested
    @DisplayName("A TrackBack form post")
    class Forms {

        @Test
        void allFourFieldsAreDecoded() {
            TrackbackPing ping = parsed(post(FORM, "title=My+Post&url=http%3A%2F%2Fsource.example%2Fp%3Fa%3D1%26b%3D2"
                    + "&excerpt=It+is+50%25+better&blog_name=Alice%27s+blog"));
            assertThat(ping).isEqualTo(new TrackbackPing("http://source.example/p?a=1&b=2", "My Post",
                    "It is 50% better", "Alice's blog"));
        }

        @Test
        void onlyUrlIsRequired() {
            assertThat(parsed(post(FORM, "url=https://source.example/")))
                    .isEqualTo(new TrackbackPing("https://source.example/", null, null, null));
        }

        @Test
        void blankOptionalFieldsBecomeNullAndValuesAreTrimmed() {
            assertThat(parsed(post(FORM, "url=+http://source.example/+&title=++&excerpt=&blog_name=%20x%20")))
                    .isEqualTo(new TrackbackPing("http://source.example/", null, null, "x"));
        }

        @Test
        void charsetParameterDecodesTheFields() {
            TrackbackParse result = parser.parse("POST", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                    "url=http://s.example/&title=Caf%E9".getBytes(StandardCharsets.US_ASCII));
            assertThat(parsed(result).title()).isEqualTo("Caf\u00e9");
        }

        @Test
        void quotedCharsetAndCaseInsensitiveMediaTypeAreUnderstood() {
            TrackbackParse result = parser.parse("POST", "Application/X-WWW-Form-Urlencoded;charset=\"Shift_JIS\"",
                    "url=http://s.example/&blog_name=%93%FA%96%7B".getBytes(StandardCharsets.US_ASCII));
            assertThat(parsed(result).blogName()).isEqualTo("\u65e5\u672c");
        }

        @Test
        void withoutCharsetFieldsAreUtf8() {
            assertThat(parsed(post(FORM, "url=http://s.example/&title=Caf%C3%A9")).title()).isEqualTo("Caf\u00e9");
        }

        @Test
        void bytesInvalidInTheCharsetAreRefusedNotReplaced() {
            assertThat(refused(post(FORM, "url=http://s.example/&title=a%FFb")))
                    .isEqualTo("form field title is not valid UTF-8"
                            + " (its bytes, raw or percent-encoded, must be UTF-8)");
            assertThat(refused(post(FORM, "url=http://s.example/%C3%28")))
                    .startsWith("form field url is not valid UTF-8");
        }

        @Test
        void rawBytesInvalidInTheCharsetAreRefusedToo() {
            byte[] body = "url=http://s.example/&title=a\u00ffb".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(refused(parser.parse("POST", FORM, body))).startsWith("form field title is not valid UTF-8");
        }

        @Test
        void anUnknownFieldWhoseNameIsInvalidIsIgnoredLikeAnyOther() {
            assertThat(parsed(post(FORM, "%FF=1&url=http://s.example/")).url()).isEqualTo("http://s.example/");
        }

        @Test
        void unknownFieldsAndEmptyPairsAreIgnored() {
            assertThat(parsed(post(FORM, "&&foo=bar&url=http://s.example/&&__mode=x&")).url())
                    .isEqualTo("http://s.example/");
        }

        @Test
        void longOptionalFieldsAreCutAtTheirCaps() {
            TrackbackParse result = post(FORM, "url=http://s.example/&title=" + "t".repeat(300)
                    + "&excerpt=" + "e".repeat(5000) + "&blog_name=" + "b".repeat(251));
            TrackbackPing ping = parsed(result);
            assertThat(ping.title()).hasSize(250);
            assertThat(ping.excerpt()).hasSize(1000);
            assertThat(ping.blogName()).hasSize(250);
        }

        @Test
        void cuttingNeverSplitsASurrogatePair() {
            TrackbackParser tight = TrackbackParser.builder().maxTitleLength(2).build();
            // "a" then U+1F600: the cap falls between the surrogates, so the pair goes.
            TrackbackParse result = tight.parse("POST", FORM,
                    "url=http://s.example/&title=a%F0%9F%98%80".getBytes(StandardCharsets.US_ASCII));
            assertThat(parsed(result).title()).isEqualTo("a\u2026");
        }

        @Test
        void streamBodyParsesLikeBytes() {
            InputStream in = new ByteArrayInputStream("url=http://s.example/".getBytes(StandardCharsets.US_ASCII));
            assertThat(parsed(parser.parse("POST", FORM, in)).url()).isEqualTo("http://s.example/");
        }
    }

    @Nested
    @DisplayName("A request that records nothing")
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"GET", "HEAD", "PUT", "post"})
        void anyMethodButPostIsRefused(String method) {
            TrackbackParse result = parser.parse(method, FORM, "url=http://s.example/".getBytes(StandardCharsets.US_ASCII));
            assertThat(refused(result)).isEqualTo("TrackBack requests must use the POST method");
        }

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
            refused(parser.parse("GET", FORM, body));
            assertThat(read).hasValue(0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/json", "", "form"})
        void otherContentTypesAreRefused(String contentType) {
            assertThat(refused(post(contentType, "url=http://s.example/")))
                    .isEqualTo("Content-Type must be application/x-www-form-urlencoded");
        }

        @Test
        void missingContentTypeIsRefused() {
            assertThat(refused(parser.parse("POST", null, "url=http://s.example/".getBytes(StandardCharsets.US_ASCII))))
                    .startsWith("Content-Type must be");
        }

        @Test
        void unknownCharsetIsRefused() {
            assertThat(refused(post(FORM + "; charset=x-no-such-charset", "url=http://s.example/")))
                    .isEqualTo("unsupported charset in Content-Type");
        }

        @Test
        void missingUrlIsRefused() {
            assertThat(refused(post(FORM, "title=x&excerpt=y"))).isEqualTo("the url field is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "+", "/relative/path", "ftp://s.example/", "javascript:alert(1)",
            "mailto:a@s.example", "http://", "http:///path", "http://exa%20mple.com/", "file:///etc/passwd",
            "http%3A%2F%2Fa%20b"})
        void urlThatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
            refused(post(FORM, "url=" + url));
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://user@s.example/", "http://s.example%5C@good.example/",
            "http://s%252Eexample/", "http://[::1]x/", "http://s.example:0/"})
        @DisplayName("a url the fetcher would not read the same way is refused, by the fetcher's own rules")
        void ambiguousUrlIsRefused(String encoded) {
            assertThat(refused(post(FORM, "url=" + encoded))).startsWith("url ");
        }

        @Test
        void overlongUrlIsRefused() {
            assertThat(refused(post(FORM, "url=http://s.example/" + "a".repeat(2048))))
                    .isEqualTo("url is longer than 2048 characters");
        }

        @Test
        void duplicateFieldIsRefused() {
            assertThat(refused(post(FORM, "url=http://a.example/&url=http://b.example/")))
                    .isEqualTo("form field url appears more than once");
        }

        @ParameterizedTest
        @ValueSource(strings = {"url=http://s.example/%", "url=http://s.example/%4", "url=http://s.example/%zz",
            "ur%l=x"})
        void malformedPercentEncodingIsRefused(String body) {
            assertThat(refused(post(FORM, body))).startsWith("malformed percent-encoding");
        }

        @Test
        void bodyOverTheCapIsRefused() {
            assertThat(refused(post(FORM, "url=http://s.example/&excerpt=" + "x".repeat(64 * 1024))))
                    .isEqualTo("request body exceeds 65536 bytes");
        }

        @Test
        void endlessStreamIsReadOnlyUpToTheCapPlusOneByte() {
            AtomicLong delivered = new AtomicLong();
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    delivered.incrementAndGet();
                    return 'x';
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                    delivered.addAndGet(len);
                    return len;
                }
            };
            assertThat(refused(parser.parse("POST", FORM, endless))).startsWith("request body exceeds");
            assertThat(delivered).hasValue(TrackbackParser.DEFAULT_MAX_BODY_BYTES + 1L);
        }

        @Test
        void failingStreamIsRefused() {
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("reset");
                }
            };
            assertThat(refused(parser.parse("POST", FORM, failing))).isEqualTo("could not read the request body");
        }
    }

    @Nested
    class Configuration {

        @Test
        void buildNamesEveryBadLimit() {
            assertThatThrownBy(() -> TrackbackParser.builder().maxBodyBytes(0).maxUrlLength(3).maxTitleLength(0)
                    .maxExcerptLength(-1).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxBodyBytes").hasMessageContaining("maxUrlLength")
                    .hasMessageContaining("maxTitleLength").hasMessageContaining("maxExcerptLength");
        }

        @Test
        void toBuilderKeepsLimits() {
            TrackbackParser tight = TrackbackParser.builder().maxExcerptLength(3).build().toBuilder().build();
            assertThat(parsed(tight.parse("POST", FORM, "url=http://s.example/&excerpt=abcdef"
                    .getBytes(StandardCharsets.US_ASCII))).excerpt()).isEqualTo("ab\u2026");
        }

        @Test
        void nullMethodIsMisuse() {
            assertThatThrownBy(() -> parser.parse((String) null, FORM, new byte[0]))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("method");
        }
    }

    @Test
    @DisplayName("Random bodies and Content-Types give a result, never an exception")
    void randomInputNeverThrows() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1129L);
        String[] types = {FORM, FORM + "; charset=utf-16", FORM + "; charset=\"", FORM + ";;charset=", "x/y", ""};
        for (int i = 0; i < 5_000; i++) {
            byte[] body = new byte[random.nextInt(200)];
            for (int b = 0; b < body.length; b++) {
                body[b] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            assertThat(parser.parse("POST", types[random.nextInt(types.length)], body)).isNotNull();
        }
    }
}
