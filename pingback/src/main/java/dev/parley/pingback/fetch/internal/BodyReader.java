package dev.parley.pingback.fetch.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body: framing (chunked, {@code Content-Length}, or until close), then content coding (gzip,
 * deflate), with the byte cap applied both on the wire and after decoding, so a gzip bomb stops as soon as its
 * decoded output passes the cap. Stateless.
 */
final class BodyReader {

    private static final int BUFFER = 8_192;

    private BodyReader() {
    }

    /** The body bytes; only {@code length} of {@code bytes} are valid. */
    record Body(byte[] bytes, int length) {
    }

    /**
     * Reads the body. With {@code truncate}, a body over the cap is cut at {@code maxBytes} decoded bytes instead
     * of failing with {@link TooLargeException}, and nothing past that is read from the wire.
     */
    static Body read(ResponseHead head, InputStream in, int maxBytes, boolean truncate) throws IOException {
        InputStream framed = framed(head, in, maxBytes, truncate);
        // Truncating, the decoded bytes are capped below and the wire is read only as far as they need.
        InputStream wire = truncate ? framed : LimitedInputStream.capped(framed, maxBytes, "body on the wire");
        String coding = contentCoding(head);
        Inflater inflater = null;
        InputStream decoded;
        switch (coding) {
            case "identity" -> decoded = wire;
            case "gzip", "x-gzip" -> decoded = new GZIPInputStream(wire, BUFFER);
            case "deflate" -> {
                BufferedInputStream buffered = new BufferedInputStream(wire, BUFFER);
                inflater = new Inflater(!hasZlibHeader(buffered));
                decoded = new InflaterInputStream(buffered, inflater, BUFFER);
            }
            default -> throw new ProtocolException("unsupported Content-Encoding: " + coding);
        }
        try (InputStream closing = decoded) {
            return truncate ? readUpTo(closing, maxBytes)
                    : readAll(LimitedInputStream.capped(closing, maxBytes, "decoded body"), maxBytes);
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static InputStream framed(ResponseHead head, InputStream in, int maxBytes, boolean truncate)
            throws IOException {
        List<String> transferCodings = head.values("transfer-encoding");
        if (!transferCodings.isEmpty()) {
            String joined = String.join(",", transferCodings).toLowerCase(Locale.ROOT).replace(" ", "");
            if (!joined.equals("chunked")) {
                throw new ProtocolException("unsupported Transfer-Encoding: " + joined);
            }
            return new ChunkedInputStream(in);
        }
        List<String> lengths = head.values("content-length");
        if (!lengths.isEmpty()) {
            long length = contentLength(lengths);
            if (length > maxBytes && !truncate) {
                throw new TooLargeException("Content-Length " + length + " is larger than " + maxBytes + " bytes");
            }
            return LimitedInputStream.exactly(in, length);
        }
        return in;
    }

    /** RFC 9110 8.6: several values are acceptable only if they are all the same number. */
    private static long contentLength(List<String> values) throws ProtocolException {
        long length = -1;
        for (String value : String.join(",", values).split(",", -1)) {
            String digits = value.strip();
            if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new ProtocolException("bad Content-Length: " + values);
            }
            long parsed = Long.parseLong(digits);
            if (length >= 0 && parsed != length) {
                throw new ProtocolException("conflicting Content-Length values: " + values);
            }
            length = parsed;
        }
        return length;
    }

    private static String contentCoding(ResponseHead head) throws ProtocolException {
        List<String> values = head.values("content-encoding");
        String joined = String.join(",", values).toLowerCase(Locale.ROOT).replace(" ", "");
        if (joined.isEmpty() || joined.equals("identity")) {
            return "identity";
        }
        if (joined.indexOf(',') >= 0) {
            throw new ProtocolException("stacked Content-Encoding is not supported: " + joined);
        }
        return joined;
    }

    /** RFC 9110 says deflate is zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart. */
    private static boolean hasZlibHeader(BufferedInputStream in) throws IOException {
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        in.reset();
        return cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    }

    /** The first {@code maxBytes} bytes, or fewer if the stream ends first; nothing more is read. */
    private static Body readUpTo(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = new byte[maxBytes];
        int length = 0;
        while (length < maxBytes) {
            int n = in.read(bytes, length, maxBytes - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return new Body(bytes, length);
    }

    private static Body readAll(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = new byte[Math.min(maxBytes, BUFFER)];
        int length = 0;
        while (true) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) maxBytes + 1, Math.max(BUFFER, 2L * length)));
            }
            int n = in.read(bytes, length, bytes.length - length);
            if (n < 0) {
                return new Body(bytes, length);
            }
            length += n;
        }
    }
}
