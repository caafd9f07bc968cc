package dev.parley.benchmarks.xmlrpc;

import dev.parley.pingback.xmlrpc.PingbackParse;
import dev.parley.pingback.xmlrpc.PingbackRequestParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.xmlrpc.common.TypeFactoryImpl;
import org.apache.xmlrpc.common.XmlRpcHttpRequestConfigImpl;
import org.apache.xmlrpc.parser.XmlRpcRequestParser;
import org.apache.xmlrpc.server.XmlRpcServer;
import org.apache.xmlrpc.util.SAXParsers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Turning a typical {@code pingback.ping} request body into a method name and two parameters (target: Parley at
 * least 2x faster than the peer).
 *
 * <p>The body is laid out the way WordPress's XML-RPC client sends it (one element per line, typed strings).
 * Both sides start from an {@code InputStream} over the same bytes and end with the method name and parameters
 * in hand. The peer, {@code apacheXmlRpc}, is exactly what Apache XML-RPC 3.1.3's
 * {@code XmlRpcStreamServer.getRequest} does for every request: a new {@link XmlRpcRequestParser} over the
 * server's {@link TypeFactoryImpl}, a new SAX reader from {@link SAXParsers}, parse. {@code parley} is
 * {@link PingbackRequestParser#parse(java.io.InputStream, java.nio.charset.Charset)} with its defaults, so the
 * body cap, the DOCTYPE refusal and the depth counter are all inside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PingbackParseBenchmark {

    static final String SOURCE = "https://alice.example/2026/11/29/a-reply-to-bobs-post/";
    static final String TARGET = "https://bob.example/2026/11/28/on-linkbacks/";

    private static final byte[] BODY = ("<?xml version=\"1.0\"?>\n"
            + "<methodCall>\n"
            + "<methodName>pingback.ping</methodName>\n"
            + "<params>\n"
            + "<param>\n<value>\n<string>" + SOURCE + "</string>\n</value>\n</param>\n"
            + "<param>\n<value>\n<string>" + TARGET + "</string>\n</value>\n</param>\n"
            + "</params>\n"
            + "</methodCall>\n").getBytes(StandardCharsets.UTF_8);

    private PingbackRequestParser parley;
    private TypeFactoryImpl apacheTypes;
    private XmlRpcHttpRequestConfigImpl apacheConfig;

    /** Builds both parsers once and checks that they read the same call, so the comparison is fair. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        parley = PingbackRequestParser.create();
        apacheTypes = new TypeFactoryImpl(new XmlRpcServer());
        apacheConfig = new XmlRpcHttpRequestConfigImpl();
        PingbackParse ours = parley();
        XmlRpcRequestParser theirs = apacheXmlRpc();
        if (!(ours instanceof PingbackParse.Parsed parsed)
                || !parsed.request().sourceUri().equals(SOURCE) || !parsed.request().targetUri().equals(TARGET)
                || !"pingback.ping".equals(theirs.getMethodName())
                || !List.of(SOURCE, TARGET).equals(theirs.getParams())) {
            throw new IllegalStateException("the parsers disagree: " + ours + " vs " + theirs.getParams());
        }
    }

    /**
     * Parley's reader.
     *
     * @return the parse result, consumed by JMH
     */
    @Benchmark
    public PingbackParse parley() {
        return parley.parse(new ByteArrayInputStream(BODY), null);
    }

    /**
     * Apache XML-RPC 3.1.3's server request parsing path.
     *
     * @return the parser holding method name and parameters, consumed by JMH
     * @throws Exception if the peer fails
     */
    @Benchmark
    public XmlRpcRequestParser apacheXmlRpc() throws Exception {
        XmlRpcRequestParser parser = new XmlRpcRequestParser(apacheConfig, apacheTypes);
        XMLReader reader = SAXParsers.newXMLReader();
        reader.setContentHandler(parser);
        reader.parse(new InputSource(new ByteArrayInputStream(BODY)));
        return parser;
    }
}
