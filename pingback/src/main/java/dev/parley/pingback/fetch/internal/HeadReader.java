package dev.parley.pingback.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an HTTP/1.x status line and header section (RFC 9112), with limits on line length, field count and total
 * size so a hostile server cannot make the reader buffer without bound. Interim 1xx responses are skipped.
 * Obsolete line folding and whitespace before the colon are refused, as RFC 9112 asks of a client that cannot
 * repair them safely. Stateless.
 */
final class HeadReader {

    static final int MAX_LINE_BYTES = 8_192;
    static final int MAX_FIELDS = 100;
    static final int MAX_HEAD_BYTES = 65_536;
    private static final int MAX_INTERIM_RESPONSES = 8;

    private HeadReader() {
    }

    static ResponseHead read(InputStream in) throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM_RESPONSES; interim++) {
            ResponseHead head = readOne(in);
            if (head.status() == 101) {
                throw new ProtocolException("unexpected 101 Switching Protocols");
            }
            if (head.status() >= 200) {
                return head;
            }
        }
        throw new ProtocolException("more than " + MAX_INTERIM_RESPONSES + " interim 1xx responses");
    }

    private static ResponseHead readOne(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        String statusLine = readLine(in, budget);
        int status = status(statusLine);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int fields = 0;
        for (String line = readLine(in, budget); !line.isEmpty(); line = readLine(in, budget)) {
            if (++fields > MAX_FIELDS) {
                throw new ProtocolException("more than " + MAX_FIELDS + " header fields");
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                throw new ProtocolException("obsolete header line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw new ProtocolException("malformed header field: " + abbreviate(line));
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new ResponseHead(status, Collections.unmodifiableMap(headers));
    }

    private static int status(String line) throws ProtocolException {
        // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || !Character.isDigit(line.charAt(7))
                || line.charAt(8) != ' ' || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line: " + abbreviate(line));
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProtocolException("bad status code: " + abbreviate(line));
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100 || status > 599) {
            throw new ProtocolException("status code out of range: " + status);
        }
        return status;
    }

    /** One line without its CRLF (a bare LF is accepted too), decoded as ISO-8859-1 as RFC 9112 allows. */
    static String readLine(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the response head");
            }
            if (--budget[0] < 0) {
                throw new ProtocolException("response head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new ProtocolException("header line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
