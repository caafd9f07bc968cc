package dev.parley.migrate.internal;

import dev.parley.migrate.ImportFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML file into characters as the JDK's parser does (a UTF-16 byte order mark, else the
 * declaration's {@code encoding}, else UTF-8, as XML 1.0 appendix F says), strictly: bytes that are not valid in the encoding fail with the
 * line and column where they start.
 *
 * <p>The JDK's parser can decode by itself, but on bad bytes it prints {@code [Fatal Error] :-1:-1: ...} to
 * {@code System.err}, whatever reporter is set: its StAX error reporter hands that one error to the default
 * SAX-style handler. Decoding here keeps the library silent and gives the exact place.
 *
 * <p>Not API. Thread-safe: stateless; each reader it makes is for one thread.
 */
final class XmlDecoding {

    /** Enough for any XML declaration a real file has; a longer one falls back to UTF-8 and fails in parsing. */
    private static final int SNIFFED = 1_024;
    private static final Pattern ENCODING = Pattern.compile(
            "^<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private XmlDecoding() {
    }

    /**
     * Opens a reader on XML bytes, past any byte order mark.
     *
     * @param in the bytes; read through, not closed
     * @return the characters
     * @throws ImportFormatException if the declared encoding is unknown to this Java runtime
     * @throws IOException if the bytes cannot be read
     */
    static Reader reader(InputStream in) throws IOException {
        InputStream bytes = in.markSupported() ? in : new BufferedInputStream(in);
        bytes.mark(SNIFFED);
        byte[] head = bytes.readNBytes(SNIFFED);
        bytes.reset();
        Charset charset;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            // The JDK's parser, which this replaces, lets the declaration win over a UTF-8 mark; files rely on it.
            bom = 3;
            charset = declared(new String(head, bom, head.length - bom, StandardCharsets.ISO_8859_1));
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declared(new String(head, StandardCharsets.ISO_8859_1));
        }
        bytes.skipNBytes(bom);
        return new StrictReader(bytes, charset);
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset declared(String head) {
        Matcher matcher = ENCODING.matcher(head);
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = matcher.group(1);
        try {
            // A declaration of UTF-16 without a byte order mark is a contradiction the bytes settle: they are
            // ASCII-compatible, since the declaration read as ISO-8859-1.
            return name.toUpperCase(Locale.ROOT).startsWith("UTF-16") ? StandardCharsets.UTF_8
                    : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportFormatException("the declared encoding \"" + name + "\" is not supported", 1,
                    matcher.start(1) + 1, e);
        }
    }

    /**
     * Bytes that are not valid in the file's encoding.
     */
    static final class MalformedBytes extends IOException {

        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        MalformedBytes(Charset charset, int line, int column) {
            super("bytes that are not valid " + charset.name()
                    + " (is the file in another encoding than it declares?)");
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** Decodes strictly, counting lines and columns as XML does, so a decoding failure says where it is. */
    private static final class StrictReader extends Reader {

        private static final int BUFFER = 8_192;
        /** More than any decoder writes when flushed: a stateful encoding's last shift sequence. */
        private static final int FLUSH_ROOM = 16;

        private final InputStream in;
        private final Charset charset;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
        private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
        private boolean endOfInput;
        private boolean flushed;
        private int line = 1;
        private int column = 1;
        private boolean afterCarriageReturn;

        StrictReader(InputStream in, Charset charset) {
            this.in = in;
            this.charset = charset;
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!chars.hasRemaining() && !fill()) {
                return -1;
            }
            int n = Math.min(length, chars.remaining());
            chars.get(buffer, offset, n);
            return n;
        }

        /** Decodes the next characters into {@link #chars}; false at the end of the input. */
        private boolean fill() throws IOException {
            chars.clear();
            while (chars.position() == 0 && !flushed) {
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    advance(0, chars.position());
                    throw new MalformedBytes(charset, line, column);
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfInput) {
                    if (chars.remaining() < FLUSH_ROOM) {
                        break;
                    }
                    decoder.flush(chars);
                    flushed = true;
                } else {
                    bytes.compact();
                    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (read < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + read);
                    }
                    bytes.flip();
                }
            }
            chars.flip();
            advance(0, chars.limit());
            return chars.hasRemaining();
        }

        /**
         * Moves the line and column past characters handed out, a CR LF pair being one line end. It runs over
         * every character of the file, so it reads the array behind the buffer and only counts line ends; the
         * column is the distance from the last one.
         */
        private void advance(int from, int to) {
            char[] text = chars.array();
            int offset = chars.arrayOffset();
            int lastBreak = -1;
            boolean carriageReturn = afterCarriageReturn;
            for (int i = from; i < to; i++) {
                char c = text[offset + i];
                if (c == '\n') {
                    if (!carriageReturn) {
                        line++;
                    }
                    lastBreak = i;
                    carriageReturn = false;
                } else if (c == '\r') {
                    line++;
                    lastBreak = i;
                    carriageReturn = true;
                } else {
                    carriageReturn = false;
                }
            }
            afterCarriageReturn = carriageReturn;
            column = lastBreak < 0 ? column + (to - from) : to - lastBreak;
        }

        @Override
        public void close() {
            // The stream belongs to the caller, who closes it.
        }
    }
}
