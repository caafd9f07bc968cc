package dev.parley.pingback.xmlrpc;

import dev.parley.pingback.Fault;
import dev.parley.pingback.trackback.internal.ContentType;
import dev.parley.pingback.xmlrpc.internal.BoundedBody;
import dev.parley.pingback.xmlrpc.internal.PingbackCallReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of an XML-RPC {@code pingback.ping(sourceURI, targetURI)} call (Pingback 1.0).
 *
 * <p>Every body gives a {@link PingbackParse}; hostile or broken input is a {@link PingbackParse.Refused}
 * with the XML-RPC fault to send back, never an exception:
 *
 * <table>
 *   <caption>Faults</caption>
 *   <tr><th>input</th><th>fault</th></tr>
 *   <tr><td>empty, not well-formed, or badly encoded XML</td><td>{@link Fault#PARSE_ERROR} (-32700)</td></tr>
 *   <tr><td>body longer than {@link Builder#maxBodyBytes(int) maxBodyBytes} (checked before parsing)</td>
 *       <td>{@link Fault#INVALID_REQUEST} (-32600)</td></tr>
 *   <tr><td>a DOCTYPE (and so any entity declaration), elements nested deeper than
 *       {@link Builder#maxDepth(int) maxDepth}, a root other than {@code methodCall}, attributes, namespaces,
 *       stray text, unknown value types</td><td>{@link Fault#INVALID_REQUEST} (-32600)</td></tr>
 *   <tr><td>a method other than {@code pingback.ping}, including {@code system.multicall}, which is refused
 *       so that one request can never fan out into many pings</td><td>{@link Fault#METHOD_NOT_FOUND}
 *       (-32601)</td></tr>
 *   <tr><td>not exactly two parameters, or a parameter that is not a string</td>
 *       <td>{@link Fault#INVALID_PARAMS} (-32602)</td></tr>
 * </table>
 *
 * <p>XML-RPC rules: an untyped {@code <value>} is a string, as is {@code <string>}; string content is kept
 * exactly, whitespace included; whitespace, comments and processing instructions between elements are
 * ignored; the method name is compared after trimming surrounding whitespace. The request's media type is not
 * judged (senders use {@code text/xml}, {@code application/xml} or nothing); only its charset parameter is used.
 *
 * <p>Safety: the body is read into memory up to the cap plus one byte, then parsed by the JDK's StAX parser with
 * DTDs unsupported and any DOCTYPE refused (StAX's counterpart of
 * {@code http://apache.org/xml/features/disallow-doctype-decl}), no external entities, no DTD or schema access,
 * a resolver that refuses everything, XInclude never enabled, the JDK's secure processing limits tightened, and
 * an explicit depth counter instead of recursion. Nothing is ever read from a file or the network.
 *
 * <p>Immutable and thread-safe: build one and share it.
 */
public final class PingbackRequestParser {

    /** The default body cap, 64 KiB: a real {@code pingback.ping} call is a few hundred bytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /** The default nesting cap; a {@code pingback.ping} call nests 5 deep. */
    public static final int DEFAULT_MAX_DEPTH = 16;

    /** The smallest nesting cap that still admits a {@code pingback.ping} call. */
    public static final int MIN_DEPTH = 5;

    /** The largest nesting cap a builder accepts. */
    public static final int MAX_DEPTH = 1024;

    /** The largest body cap a builder accepts, 16 MiB. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final int maxBodyBytes;
    private final int maxDepth;
    private final PingbackCallReader reader;

    private PingbackRequestParser(Builder builder) {
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxDepth = builder.maxDepth;
        this.reader = new PingbackCallReader(maxDepth);
    }

    /**
     * Returns a parser with the default limits.
     *
     * @return a parser
     */
    public static PingbackRequestParser create() {
        return builder().build();
    }

    /**
     * Returns a builder with the default limits.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this parser's limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().maxBodyBytes(maxBodyBytes).maxDepth(maxDepth);
    }

    /**
     * Returns the body cap.
     *
     * @return the largest body parsed, in bytes
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Returns the nesting cap.
     *
     * @return the deepest element nesting parsed
     */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Parses a request as the TrackBack and Webmention parsers do: from the HTTP method, the raw
     * {@code Content-Type} header and the body. Only {@code POST} is accepted (XML-RPC calls are POSTs; a GET
     * never pings); the media type is not judged, its {@code charset} parameter decodes the body.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body bytes
     * @return the call or the fault: {@link Fault#INVALID_REQUEST} for another method, {@link Fault#PARSE_ERROR}
     *     for a charset the JDK does not know, else as {@link #parse(byte[], Charset)}
     * @throws NullPointerException if {@code method} or {@code body} is null
     */
    public PingbackParse parse(String method, @Nullable String contentType, byte[] body) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(body, "body must not be null");
        HeaderCharset header = headerCharset(method, contentType);
        return header.refused() != null ? header.refused() : parse(body, header.charset());
    }

    /**
     * Reads and parses a request from the HTTP method, the raw {@code Content-Type} header and the body stream;
     * the body is not read at all unless the method and charset are acceptable (see
     * {@link #parse(String, String, byte[])}), and never past the cap plus one byte; the stream is not closed.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body stream
     * @return the call or the fault
     * @throws NullPointerException if {@code method} or {@code body} is null
     */
    public PingbackParse parse(String method, @Nullable String contentType, InputStream body) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(body, "body must not be null");
        HeaderCharset header = headerCharset(method, contentType);
        return header.refused() != null ? header.refused() : parse(body, header.charset());
    }

    private record HeaderCharset(@Nullable Charset charset, PingbackParse.@Nullable Refused refused) {
    }

    private static HeaderCharset headerCharset(String method, @Nullable String contentType) {
        if (!method.equals("POST")) {
            return new HeaderCharset(null, new PingbackParse.Refused(Fault.INVALID_REQUEST,
                    "XML-RPC requests must use the POST method"));
        }
        String name = contentType == null ? null : ContentType.parse(contentType).charset();
        if (name == null) {
            return new HeaderCharset(null, null);
        }
        try {
            return new HeaderCharset(Charset.forName(name), null);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return new HeaderCharset(null, new PingbackParse.Refused(Fault.PARSE_ERROR,
                    "unsupported charset in Content-Type"));
        }
    }

    /**
     * Parses a request body held in memory, for a host that has already taken the charset from the
     * {@code Content-Type} (and refused methods other than {@code POST}) itself.
     *
     * @param body the body bytes
     * @param charset the charset parameter of the request's Content-Type, or null to let the XML declaration
     *     (else UTF-8) decide; when given it wins over the declaration, as RFC 7303 says
     * @return the call or the fault
     * @throws NullPointerException if {@code body} is null
     */
    public PingbackParse parse(byte[] body, @Nullable Charset charset) {
        Objects.requireNonNull(body, "body must not be null");
        if (body.length > maxBodyBytes) {
            return tooLarge();
        }
        return reader.read(body, body.length, charset);
    }

    /**
     * Reads and parses a request body. At most {@code maxBodyBytes + 1} bytes are read, so a client that keeps
     * sending is cut off at the cap; the stream is not closed.
     *
     * @param body the body stream
     * @param charset the charset parameter of the request's Content-Type, or null (see
     *     {@link #parse(byte[], Charset)})
     * @return the call or the fault; a failure to read the stream is {@link Fault#GENERIC}
     * @throws NullPointerException if {@code body} is null
     */
    public PingbackParse parse(InputStream body, @Nullable Charset charset) {
        Objects.requireNonNull(body, "body must not be null");
        byte[] bytes;
        try {
            bytes = BoundedBody.read(body, maxBodyBytes);
        } catch (IOException e) {
            return new PingbackParse.Refused(Fault.GENERIC, "could not read the request body");
        }
        if (bytes == null) {
            return tooLarge();
        }
        return reader.read(bytes, bytes.length, charset);
    }

    private PingbackParse tooLarge() {
        return new PingbackParse.Refused(Fault.INVALID_REQUEST,
                "request body exceeds " + maxBodyBytes + " bytes");
    }

    @Override
    public String toString() {
        return "PingbackRequestParser[maxBodyBytes=" + maxBodyBytes + ", maxDepth=" + maxDepth + "]";
    }

    /**
     * Collects the parser's limits. Not thread-safe; {@link #build()} checks every limit at once.
     */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
        }

        /**
         * Sets the body cap (default {@value PingbackRequestParser#DEFAULT_MAX_BODY_BYTES}).
         *
         * @param maxBodyBytes 1 to {@value PingbackRequestParser#MAX_BODY_BYTES}
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the nesting cap (default {@value PingbackRequestParser#DEFAULT_MAX_DEPTH}).
         *
         * @param maxDepth {@value PingbackRequestParser#MIN_DEPTH} to {@value PingbackRequestParser#MAX_DEPTH}
         * @return this builder
         */
        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         * @throws IllegalArgumentException naming every limit out of range
         */
        public PingbackRequestParser build() {
            List<String> problems = new ArrayList<>();
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
                problems.add("maxBodyBytes must be 1.." + MAX_BODY_BYTES + ", was " + maxBodyBytes);
            }
            if (maxDepth < MIN_DEPTH || maxDepth > MAX_DEPTH) {
                problems.add("maxDepth must be " + MIN_DEPTH + ".." + MAX_DEPTH + ", was " + maxDepth);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new PingbackRequestParser(this);
        }
    }
}
