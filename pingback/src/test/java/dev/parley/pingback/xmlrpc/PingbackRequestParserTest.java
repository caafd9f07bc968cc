package dev.parley.pingback.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.Fault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PingbackRequestParserTest {

    private static final String SOURCE = "http://source.example/post";
    private static final String TARGET = "http://target.example/article";

    private final PingbackRequestParser parser = PingbackRequestParser.create();

    static String call(String method, String... values) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<methodCall>\n<methodName>")
                .append(method).append("</methodName>\n<params>\n");
        for (String value : values) {
            xml.append("<param><value>").append(value).append("</value></param>\n");
        }
        return xml.append("</params>\n</methodCall>\n").toString();
    }

    private PingbackParse parse(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    static PingbackRequest parsed(PingbackParse result) {
        assertThat(result).isInstanceOf(PingbackParse.Parsed.class);
        return ((PingbackParse.Parsed) result).request();
    }

    static PingbackParse.Refused refused(PingbackParse result, Fault fault) {
        assertThat(result).isInstanceOf(PingbackParse.Refused.class);
        PingbackParse.Refused refused = (PingbackParse.Refused) result;
        assertThat(refused.fault()).as(refused.message()).isEqualTo(fault);
        return refused;
    }

    @Nested
    @DisplayName("A well-formed pingback.ping call")
    class RequestForms {

        @Test
        void stringTypedValuesGiveBothUris() {
            PingbackRequest request = parsed(parse(call("pingback.ping",
                    "<string>" + SOURCE + "</string>", "<string>" + TARGET + "</string>")));
            assertThat(request).isEqualTo(new PingbackRequest(SOURCE, TARGET));
        }

        @Test
        void untypedValuesAreStrings() {
            assertThat(parsed(parse(call("pingback.ping", SOURCE, TARGET))))
                    .isEqualTo(new PingbackRequest(SOURCE, TARGET));
        }

        @Test
        void mixedTypedAndUntypedValuesAreAccepted() {
            assertThat(parsed(parse(call("pingback.ping", SOURCE, "<string>" + TARGET + "</string>"))))
                    .isEqualTo(new PingbackRequest(SOURCE, TARGET));
        }

        @Test
        void whitespaceAroundTypedElementIsIgnoredButStringContentIsKept() {
            PingbackRequest request = parsed(parse(call("pingback.ping",
                    "\n   <string> " + SOURCE + "\t</string>\n ", "  " + TARGET + "\n")));
            assertThat(request.sourceUri()).isEqualTo(" " + SOURCE + "\t");
            assertThat(request.targetUri()).isEqualTo("  " + TARGET + "\n");
        }

        @Test
        void compactDocumentWithoutPrologOrWhitespaceParses() {
            String xml = "<methodCall><methodName>pingback.ping</methodName><params><param><value>" + SOURCE
                    + "</value></param><param><value>" + TARGET + "</value></param></params></methodCall>";
            assertThat(parsed(parse(xml))).isEqualTo(new PingbackRequest(SOURCE, TARGET));
        }

        @Test
        void methodNameIsComparedAfterTrimmingWhitespace() {
            assertThat(parsed(parse(call("\n  pingback.ping  \n", SOURCE, TARGET))).sourceUri()).isEqualTo(SOURCE);
        }

        @Test
        void commentsProcessingInstructionsAndCdataAreHandled() {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- hi --><methodCall><?pi x?>"
                    + "<methodName>pingback.ping</methodName><!-- c --><params><param><value><string>"
                    + "<![CDATA[http://source.example/a?x=1&y=<2>]]></string></value></param><param><value>"
                    + "http://target.example/<!-- inside -->b</value></param></params></methodCall><!-- end -->";
            assertThat(parsed(parse(xml)))
                    .isEqualTo(new PingbackRequest("http://source.example/a?x=1&y=<2>", "http://target.example/b"));
        }

        @Test
        void predefinedEntitiesAndCharacterReferencesAreDecoded() {
            PingbackRequest request = parsed(parse(call("pingback.ping",
                    "http://source.example/?a=1&amp;b=2&#38;c=&#x33;", "<string>&lt;&gt;&apos;&quot;</string>")));
            assertThat(request.sourceUri()).isEqualTo("http://source.example/?a=1&b=2&c=3");
            assertThat(request.targetUri()).isEqualTo("<>'\"");
        }

        @Test
        void emptyValuesAreEmptyStrings() {
            assertThat(parsed(parse(call("pingback.ping", "", "<string/>")))).isEqualTo(new PingbackRequest("", ""));
        }

        @Test
        void charsetFromContentTypeDecodesTheBody() {
            String xml = call("pingback.ping", "http://source.example/caf\u00e9", TARGET);
            PingbackParse result = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
            assertThat(parsed(result).sourceUri()).isEqualTo("http://source.example/caf\u00e9");
        }

        @Test
        void encodingFromXmlDeclarationIsUsedWithoutCharset() {
            String xml = call("pingback.ping", "http://source.example/caf\u00e9", TARGET)
                    .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
            PingbackParse result = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1), null);
            assertThat(parsed(result).sourceUri()).isEqualTo("http://source.example/caf\u00e9");
        }

        @Test
        void utf16BodyWithCharsetParses() {
            String xml = call("pingback.ping", "http://source.example/\u65e5\u672c", TARGET)
                    .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
            PingbackParse result = parser.parse(xml.getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16);
            assertThat(parsed(result).sourceUri()).isEqualTo("http://source.example/\u65e5\u672c");
        }

        @Test
        void utf8ByteOrderMarkIsSkipped() {
            byte[] xml = call("pingback.ping", "http://source.example/\u00e9", TARGET).getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[xml.length + 3];
            body[0] = (byte) 0xEF;
            body[1] = (byte) 0xBB;
            body[2] = (byte) 0xBF;
            System.arraycopy(xml, 0, body, 3, xml.length);
            assertThat(parsed(parser.parse(body, null)).sourceUri()).isEqualTo("http://source.example/\u00e9");
        }

        @Test
        void utf16WithoutByteOrderMarkOrCharsetIsDetected() {
            String xml = call("pingback.ping", "http://source.example/\u00e9", TARGET)
                    .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
            assertThat(parsed(parser.parse(xml.getBytes(StandardCharsets.UTF_16LE), null)).sourceUri())
                    .isEqualTo("http://source.example/\u00e9");
            assertThat(parsed(parser.parse(xml.getBytes(StandardCharsets.UTF_16BE), null)).sourceUri())
                    .isEqualTo("http://source.example/\u00e9");
        }

        @Test
        void charsetFromContentTypeWinsOverTheDeclaration() {
            String xml = call("pingback.ping", "http://source.example/\u00e9", TARGET)
                    .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            PingbackParse result = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
            assertThat(parsed(result).sourceUri()).isEqualTo("http://source.example/\u00e9");
        }

        @Test
        void streamBodyParsesLikeBytes() {
            InputStream in = new ByteArrayInputStream(call("pingback.ping", SOURCE, TARGET).getBytes(StandardCharsets.UTF_8));
            assertThat(parsed(parser.parse(in, (Charset) null))).isEqualTo(new PingbackRequest(SOURCE, TARGET));
        }

        @Test
        void bodyOfExactlyTheCapIsParsed() {
            String xml = call("pingback.ping", SOURCE, TARGET);
            int size = xml.getBytes(StandardCharsets.UTF_8).length;
            PingbackRequestParser tight = PingbackRequestParser.builder().maxBodyBytes(size).build();
            assertThat(parsed(tight.parse(xml.getBytes(StandardCharsets.UTF_8), null)).targetUri()).isEqualTo(TARGET);
            assertThat(parsed(tight.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null))
                    .targetUri()).isEqualTo(TARGET);
        }
    }

    @Nested
    @DisplayName("-32700: a body that is not well-formed XML")
    class ParseErrors {

        @ParameterizedTest
        @ValueSource(strings = {
            "",
            "pingback.ping(http://a/, http://b/)",
            "<methodCall><methodName>pingback.ping</methodName>",
            "<methodCall><methodName>pingback.ping</methodCall>",
            "<methodCall><methodName>pingback.ping</methodName></methodCall><methodCall/>",
            "<methodCall><methodName>pingback.ping</methodName></methodCall>trailing",
            "<methodCall><methodName>pingback.ping</methodName><params><param><value>&undeclared;</value></param>"
                    + "</params></methodCall>",
            "<methodCall a='1' a='2'/>",
        })
        void isAParseError(String xml) {
            refused(parse(xml), Fault.PARSE_ERROR);
        }

        @Test
        void invalidUtf8IsAParseError() {
            byte[] head = "<methodCall><methodName>pingback.".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "</methodName></methodCall>".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + 2 + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            body[head.length] = (byte) 0xC3;
            body[head.length + 1] = (byte) 0x28;
            System.arraycopy(tail, 0, body, head.length + 2, tail.length);
            refused(parser.parse(body, null), Fault.PARSE_ERROR);
        }

        @Test
        void unsupportedDeclaredEncodingIsAParseError() {
            String xml = call("pingback.ping", "a", "b")
                    .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"x-no-such\"?>");
            PingbackParse.Refused refused = refused(parse(xml), Fault.PARSE_ERROR);
            assertThat(refused.message()).isEqualTo("the XML declaration names an unsupported encoding");
        }

        @Test
        void bytesInvalidInTheDeclaredCharsetAreAParseError() {
            byte[] body = call("pingback.ping", "caf\u00e9", "b").getBytes(StandardCharsets.ISO_8859_1);
            PingbackParse.Refused refused = refused(parser.parse(body, StandardCharsets.UTF_8), Fault.PARSE_ERROR);
            assertThat(refused.message()).isEqualTo("request body is not valid UTF-8");
        }

        @Test
        void messageSaysWhereTheDocumentBroke() {
            PingbackParse.Refused refused = refused(parse("<methodCall>\n<methodName>x</methodCall>"), Fault.PARSE_ERROR);
            assertThat(refused.message()).startsWith("request is not well-formed XML").contains("line 2");
        }

        @Test
        void streamThatFailsIsAGenericFault() {
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            };
            refused(parser.parse(failing, (Charset) null), Fault.GENERIC);
        }
    }

    @Nested
    @DisplayName("-32600: well-formed XML that is not an XML-RPC methodCall")
    class InvalidRequests {

        @ParameterizedTest
        @ValueSource(strings = {
            "<methodResponse><params/></methodResponse>",
            "<methodCall/>",
            "<methodCall><params/></methodCall>",
            "<methodCall><methodName>pingback.ping<b/></methodName></methodCall>",
            "<methodCall>text<methodName>pingback.ping</methodName></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><param/></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><value/></params></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><param>x</param></params></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><param><value/><value/></param></params>"
                    + "</methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><param><value>a<string>b</string></value>"
                    + "</param></params></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><param><value><string>a</string>"
                    + "<string>b</string></value></param></params></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><param><value><uri>a</uri></value>"
                    + "</param></params></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params><param><value><string>a<i>b</i></string>"
                    + "</value></param></params></methodCall>",
            "<methodCall><methodName>pingback.ping</methodName><params/><extra/></methodCall>",
            "<methodCall xmlns='urn:x'><methodName>pingback.ping</methodName></methodCall>",
            "<x:methodCall xmlns:x='urn:x'><methodName>pingback.ping</methodName></x:methodCall>",
            "<methodCall id='1'><methodName>pingback.ping</methodName></methodCall>",
        })
        void isAnInvalidRequest(String xml) {
            refused(parse(xml), Fault.INVALID_REQUEST);
        }

        @Test
        void bodyOverTheCapIsRefusedBeforeParsing() {
            byte[] body = new byte[PingbackRequestParser.DEFAULT_MAX_BODY_BYTES + 1];
            PingbackParse.Refused refused = refused(parser.parse(body, null), Fault.INVALID_REQUEST);
            assertThat(refused.message()).isEqualTo("request body exceeds 65536 bytes");
        }
    }

    @Nested
    @DisplayName("-32601: a method other than pingback.ping")
    class MethodNotFound {

        @ParameterizedTest
        @ValueSource(strings = {"pingback.extensions.getPingbacks", "weblogUpdates.ping", "Pingback.Ping", "",
            "system.listMethods"})
        void unknownMethodIsRefused(String method) {
            refused(parse(call(method, SOURCE, TARGET)), Fault.METHOD_NOT_FOUND);
        }

        @Test
        void multicallIsRefusedSoOneRequestCannotFanOut() {
            String calls = "<array><data>" + ("<value><struct><member><name>methodName</name><value>pingback.ping"
                    + "</value></member></struct></value>").repeat(50) + "</data></array>";
            PingbackParse.Refused refused = refused(parse(call("system.multicall", calls)), Fault.METHOD_NOT_FOUND);
            assertThat(refused.message()).contains("system.multicall");
        }
    }

    @Nested
    @DisplayName("-32602: wrong number or types of parameters")
    class InvalidParams {

        @Test
        void noParamsElementIsZeroParameters() {
            PingbackParse.Refused refused = refused(
                    parse("<methodCall><methodName>pingback.ping</methodName></methodCall>"), Fault.INVALID_PARAMS);
            assertThat(refused.message()).endsWith("got 0");
        }

        @Test
        void emptyParamsIsZeroParameters() {
            refused(parse(call("pingback.ping")), Fault.INVALID_PARAMS);
        }

        @Test
        void oneParameterIsTooFew() {
            refused(parse(call("pingback.ping", SOURCE)), Fault.INVALID_PARAMS);
        }

        @Test
        void threeParametersAreTooMany() {
            PingbackParse.Refused refused = refused(parse(call("pingback.ping", SOURCE, TARGET, "x")),
                    Fault.INVALID_PARAMS);
            assertThat(refused.message()).endsWith("got 3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<int>1</int>", "<i4>1</i4>", "<i8>1</i8>", "<boolean>1</boolean>",
            "<double>1.5</double>", "<dateTime.iso8601>20260101T00:00:00</dateTime.iso8601>",
            "<base64>aHR0cDovL2Ev</base64>", "<nil/>", "<array><data><value>http://a/</value></data></array>",
            "<struct><member><name>u</name><value>http://a/</value></member></struct>"})
        void nonStringParameterIsRefused(String value) {
            PingbackParse.Refused refused = refused(parse(call("pingback.ping", SOURCE, value)), Fault.INVALID_PARAMS);
            assertThat(refused.message()).startsWith("parameter 2 (targetURI) must be a string");
        }

        @Test
        void firstParameterIsNamedWhenItIsWrong() {
            PingbackParse.Refused refused = refused(parse(call("pingback.ping", "<int>7</int>", TARGET)),
                    Fault.INVALID_PARAMS);
            assertThat(refused.message()).isEqualTo("parameter 1 (sourceURI) must be a string, got <int>");
        }
    }

    @Nested
    class Configuration {

        @Test
        void defaultsAreDocumented() {
            assertThat(parser.maxBodyBytes()).isEqualTo(65_536);
            assertThat(parser.maxDepth()).isEqualTo(16);
        }

        @Test
        void buildNamesEveryBadLimit() {
            assertThatThrownBy(() -> PingbackRequestParser.builder().maxBodyBytes(0).maxDepth(4).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxBodyBytes")
                    .hasMessageContaining("maxDepth");
        }

        @Test
        void toBuilderKeepsLimits() {
            PingbackRequestParser custom = PingbackRequestParser.builder().maxBodyBytes(1000).maxDepth(5).build();
            PingbackRequestParser copy = custom.toBuilder().build();
            assertThat(copy.maxBodyBytes()).isEqualTo(1000);
            assertThat(copy.maxDepth()).isEqualTo(5);
        }

        @Test
        void minimumDepthStillAdmitsAPing() {
            PingbackRequestParser shallow = PingbackRequestParser.builder().maxDepth(PingbackRequestParser.MIN_DEPTH).build();
            assertThat(parsed(shallow.parse(call("pingback.ping", "<string>a</string>", "b")
                    .getBytes(StandardCharsets.UTF_8), null))).isEqualTo(new PingbackRequest("a", "b"));
        }

        @Test
        void nullBodyIsMisuse() {
            assertThatThrownBy(() -> parser.parse((byte[]) nullBytes(), null))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("body");
        }

        private static byte @Nullable [] nullBytes() {
            return null;
        }
    }
}
