package dev.parley.pingback.xmlrpc.internal;

import java.io.CharArrayReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.jspecify.annotations.Nullable;

/**
 * Turns an XML body's bytes into characters before the XML parser sees them. Not API.
 *
 * <p>The JDK's StAX parser prints "[Fatal Error]" to standard error when it meets bytes invalid in the
 * document's encoding, whatever reporter is installed, so a hostile body could write to a server's console.
 * Decoding here first (strictly: malformed bytes are a fault, not U+FFFD) keeps that out of the parser and
 * lets the fault name the problem. The charset is chosen as RFC 7303 and XML 1.0 appendix F say: the
 * Content-Type charset parameter, else a byte order mark, else the encoding in the XML declaration, else
 * UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlBodyDecoder {

    private static final int DECLARATION_WINDOW = 256;

    private XmlBodyDecoder() {
    }

    /** The decoded text, or why the bytes could not be decoded. */
    public sealed interface Decoded {
    }

    /**
     * The body as characters, without a byte order mark. The buffer is the decoder's own, handed over without
     * a copy: its reader is the only one to look at it.
     *
     * @param chars the characters, from its position to its limit
     */
    public record Text(CharBuffer chars) implements Decoded {

        /**
         * Returns a reader over the characters.
         *
         * @return a new reader
         */
        public Reader reader() {
            return new CharArrayReader(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
        }
    }

    /**
     * The body could not be decoded.
     *
     * @param problem an English explanation for the sender
     */
    public record Undecodable(String problem) implements Decoded {
    }

    /**
     * Decodes a body.
     *
     * @param body the bytes
     * @param length how many bytes of {@code body} to decode
     * @param declared the Content-Type charset, or null
     * @return the text or the problem
     */
    public static Decoded decode(byte[] body, int length, @Nullable Charset declared) {
        Charset charset = declared;
        int offset = 0;
        if (charset == null) {
            if (startsWith(body, length, 0xEF, 0xBB, 0xBF)) {
                charset = StandardCharsets.UTF_8;
                offset = 3;
            } else if (startsWith(body, length, 0xFE, 0xFF) || startsWith(body, length, 0x00, 0x3C, 0x00, 0x3F)) {
                charset = StandardCharsets.UTF_16BE;
            } else if (startsWith(body, length, 0xFF, 0xFE) || startsWith(body, length, 0x3C, 0x00, 0x3F, 0x00)) {
                charset = StandardCharsets.UTF_16LE;
            } else {
                String name = declaredEncoding(body, length);
                if (name == null) {
                    charset = StandardCharsets.UTF_8;
                } else {
                    try {
                        charset = Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return new Undecodable("the XML declaration names an unsupported encoding");
                    }
                }
            }
        }
        CharBuffer chars;
        try {
            chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, length - offset));
        } catch (CharacterCodingException e) {
            return new Undecodable("request body is not valid " + charset.name());
        }
        if (chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
            chars.position(chars.position() + 1);
        }
        return new Text(chars);
    }

    private static boolean startsWith(byte[] body, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The encoding pseudo-attribute of an ASCII-compatible XML declaration, or null. */
    private static @Nullable String declaredEncoding(byte[] body, int length) {
        int window = Math.min(length, DECLARATION_WINDOW);
        if (!startsWith(body, length, '<', '?', 'x', 'm', 'l')) {
            return null;
        }
        CharBuffer head = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(body, 0, window));
        String declaration = head.toString();
        int end = declaration.indexOf("?>");
        if (end < 0) {
            return null;
        }
        declaration = declaration.substring(0, end);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return null;
        }
        int i = at + "encoding".length();
        while (i < declaration.length() && isSpace(declaration.charAt(i))) {
            i++;
        }
        if (i >= declaration.length() || declaration.charAt(i) != '=') {
            return null;
        }
        i++;
        while (i < declaration.length() && isSpace(declaration.charAt(i))) {
            i++;
        }
        if (i >= declaration.length()) {
            return null;
        }
        char quote = declaration.charAt(i);
        int close = quote == '"' || quote == '\'' ? declaration.indexOf(quote, i + 1) : -1;
        return close < 0 ? null : declaration.substring(i + 1, close);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
