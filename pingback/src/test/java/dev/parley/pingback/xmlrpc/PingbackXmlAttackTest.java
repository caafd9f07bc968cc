package dev.parley.pingback.xmlrpc;

import static dev.parley.pingback.xmlrpc.PingbackRequestParserTest.call;
import static dev.parley.pingback.xmlrpc.PingbackRequestParserTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.pingback.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML attacks of acceptance point 2. Each must end in a fault value within a second (the timeout is a
 * safety net against hangs, not a performance assertion), and must not read any file or URL: a loopback
 * server records every request it gets, and file content must never surface in the result or the answer.
 */
@DisplayName("Hostile XML-RPC bodies are refused without touching files or the network")
class PingbackXmlAttackTest {

    private static final Duration CAP = Duration.ofSeconds(1);

    private final PingbackRequestParser parser = PingbackRequestParser.create();

    @TempDir
    Path dir;

    private RecordingServer server;
    private String secret;
    private Path secretFile;

    @BeforeEach
    void startRecordingServerAndWriteSecret() throws IOException {
        secret = "PARLEY-SECRET-" + UUID.randomUUID();
        server = new RecordingServer("<!ENTITY leak \"" + secret + "\">");
        secretFile = Files.writeString(dir.resolve("secret.txt"), secret);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String serverUrl(String path) {
        return server.url(path);
    }

    /** Parses within the cap and checks that nothing was fetched and the secret appears nowhere. */
    private PingbackParse.Refused assertRefusedUntouched(Supplier<PingbackParse> parse, Fault fault) {
        PingbackParse result = assertTimeoutPreemptively(CAP, parse::get);
        PingbackParse.Refused refused = refused(result, fault);
        assertThat(server.requests()).as("requests reaching the loopback server").isZero();
        assertThat(refused.message()).doesNotContain(secret);
        assertThat(new String(PingbackResponses.fault(refused), StandardCharsets.UTF_8)).doesNotContain(secret);
        return refused;
    }

    private PingbackParse.Refused assertRefusedUntouched(String xml, Fault fault) {
        return assertRefusedUntouched(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), null), fault);
    }

    private static String withDoctype(String doctype, String firstValue) {
        return call("pingback.ping", firstValue, "http://target.example/")
                .replace("<?xml version=\"1.0\"?>\n", "<?xml version=\"1.0\"?>\n" + doctype + "\n");
    }

    @Test
    void externalEntityPointingAtAFileIsRefused() {
        String xml = withDoctype("<!DOCTYPE methodCall [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>",
                "&xxe;");
        PingbackParse.Refused refused = assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
        assertThat(refused.message()).isEqualTo("DOCTYPE declarations are not allowed");
    }

    @Test
    void externalEntityPointingAtAUrlIsRefusedWithoutARequest() {
        String xml = withDoctype("<!DOCTYPE methodCall [<!ENTITY xxe SYSTEM \"" + serverUrl("/xxe") + "\">]>",
                "&xxe;");
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void externalDtdSubsetIsNeverLoaded() {
        String xml = withDoctype("<!DOCTYPE methodCall SYSTEM \"" + serverUrl("/evil.dtd") + "\">", "&leak;");
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void publicIdentifierDtdIsNeverLoaded() {
        String xml = withDoctype("<!DOCTYPE methodCall PUBLIC \"-//X//Y//EN\" \"" + serverUrl("/public.dtd") + "\">",
                "x");
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void parameterEntitiesAreNeverExpanded() {
        String xml = withDoctype("<!DOCTYPE methodCall [\n"
                + "<!ENTITY % file SYSTEM \"" + secretFile.toUri() + "\">\n"
                + "<!ENTITY % remote SYSTEM \"" + serverUrl("/param.dtd") + "\">\n"
                + "<!ENTITY % wrap \"<!ENTITY &#x25; send SYSTEM '" + serverUrl("/?d=") + "%file;'>\">\n"
                + "%remote; %wrap; %send;\n]>", "&leak;");
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE methodCall [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doctype.append("]>");
        assertRefusedUntouched(withDoctype(doctype.toString(), "&lol9;"), Fault.INVALID_REQUEST);
    }

    @Test
    void quadraticBlowupWithOneLargeEntityReferencedManyTimesIsRefused() {
        String doctype = "<!DOCTYPE methodCall [<!ENTITY a \"" + "x".repeat(20_000) + "\">]>";
        String xml = withDoctype(doctype, "&a;".repeat(10_000));
        assertThat(xml.length()).isLessThan(PingbackRequestParser.DEFAULT_MAX_BODY_BYTES);
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void hugeAttributeWithinTheCapIsRefused() {
        String xml = "<methodCall a=\"" + "x".repeat(60_000) + "\"><methodName>pingback.ping</methodName>"
                + "</methodCall>";
        PingbackParse.Refused refused = assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
        assertThat(refused.message()).isEqualTo("XML-RPC elements have no attributes");
    }

    @Test
    void manyAttributesAreRefused() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            attributes.append(" a").append(i).append("=\"\"");
        }
        String xml = "<methodCall" + attributes + "><methodName>pingback.ping</methodName></methodCall>";
        assertRefusedUntouched(xml, Fault.PARSE_ERROR);
    }

    @Test
    @DisplayName("20,000 nested values end in a fault at the depth cap, not a StackOverflowError")
    void deeplyNestedValuesAreRefusedAtTheDepthCap() {
        String open = "<value><array><data>";
        String close = "</data></array></value>";
        String nested = open.repeat(20_000) + "x" + close.repeat(20_000);
        String xml = call("pingback.ping", "http://source.example/", "<array><data>" + nested + "</data></array>");
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        PingbackRequestParser roomy = PingbackRequestParser.builder().maxBodyBytes(body.length).build();
        PingbackParse.Refused refused = assertRefusedUntouched(() -> roomy.parse(body, null), Fault.INVALID_REQUEST);
        assertThat(refused.message()).isEqualTo("elements nested deeper than 16");
    }

    @Test
    void deeplyNestedValuesOverTheBodyCapAreRefusedBySize() {
        String nested = "<value><array><data>".repeat(20_000) + "</data></array></value>".repeat(20_000);
        PingbackParse.Refused refused = assertRefusedUntouched(call("pingback.ping", nested, "x"),
                Fault.INVALID_REQUEST);
        assertThat(refused.message()).startsWith("request body exceeds");
    }

    @Test
    void fiveMegabyteBodyIsRefusedBySizeBeforeParsing() {
        String xml = call("pingback.ping", "x".repeat(5 * 1024 * 1024), "y");
        PingbackParse.Refused refused = assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
        assertThat(refused.message()).isEqualTo("request body exceeds 65536 bytes");
    }

    @Test
    void endlessStreamIsReadOnlyUpToTheCapPlusOneByte() {
        AtomicLong delivered = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                delivered.incrementAndGet();
                return '<';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                delivered.addAndGet(len);
                return len;
            }
        };
        PingbackParse.Refused refused = assertRefusedUntouched(() -> parser.parse(endless, (Charset) null),
                Fault.INVALID_REQUEST);
        assertThat(refused.message()).isEqualTo("request body exceeds 65536 bytes");
        assertThat(delivered).hasValue(PingbackRequestParser.DEFAULT_MAX_BODY_BYTES + 1L);
    }

    @Test
    void xincludeIsNotProcessed() {
        String xml = "<methodCall xmlns:xi=\"http://www.w3.org/2001/XInclude\"><methodName>pingback.ping"
                + "</methodName><params><param><value><xi:include href=\"" + secretFile.toUri()
                + "\" parse=\"text\"/></value></param></params></methodCall>";
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void xincludeInsideAStringIsNotProcessed() {
        String xml = call("pingback.ping", "<string><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + serverUrl("/inc") + "\" parse=\"text\"/></string>", "y");
        assertRefusedUntouched(xml, Fault.INVALID_REQUEST);
    }

    @Test
    void recordingServerCountsRequestsSoTheZeroChecksAreMeaningful() throws IOException {
        try (InputStream in = java.net.URI.create(serverUrl("/control")).toURL().openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(secret);
        }
        assertThat(server.requests()).isEqualTo(1);
    }
}
