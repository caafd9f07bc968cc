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
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns an XML body's bytes into characters before the XML parser sees them. Not API.
 *
 * <p>The JDK's StAX parser prints "[Fatal Error]" to standard error when it meets bytes invalid in the
 * document's encoding, whatever reporter is installed, so a hostile body could write to a server's console.
 * Decoding here first (strictly: malformed bytes are a fault, not U+FFFD) keeps that out of the parser and
 * lets the fault name the problem. The charset is chosen as RFC 7303 and XML 1.0 appendix F say: a byte order
 * mark, else the Content-Type charset parameter, else UTF-16's byte pattern, else the encoding in the XML
 * declaration, else UTF-8. A byte order mark that contradicts the Content-Type charset or the XML declaration
 * (UTF-16 bytes declaring UTF-8, a UTF-8 mark declaring UTF-16; XML 1.0 section 4.3.3), and unmarked UTF-16 whose
 * declaration names another encoding, are refused rather than read one way.
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
        Charset bom = null;
        int offset = 0;
        if (startsWith(body, length, 0xEF, 0xBB, 0xBF)) {
            bom = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(body, length, 0xFE, 0xFF)) {
            bom = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(body, length, 0xFF, 0xFE)) {
            bom = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        if (bom != null && declared != null && !agrees(bom, declared.name())) {
            return new Undecodable("the byte order mark says " + bom.name() + " but the Content-Type charset is "
                    + declared.name());
        }
        Charset charset = bom != null ? bom : declared;
        boolean unmarkedUtf16 = false;
        if (charset == null) {
            if (startsWith(body, length, 0x00, 0x3C, 0x00, 0x3F)) {
                charset = StandardCharsets.UTF_16BE;
                unmarkedUtf16 = true;
            } else if (startsWith(body, length, 0x3C, 0x00, 0x3F, 0x00)) {
                charset = StandardCharsets.UTF_16LE;
                unmarkedUtf16 = true;
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
        // XML 1.0 section 4.3.3 and appendix F: the mark (or UTF-16's own byte pattern) names the encoding, and a
        // declaration naming another one is a fatal error, not something to read past.
        String named = bom != null || unmarkedUtf16 ? declaredEncoding(chars) : null;
        if (named != null && !agrees(charset, named)) {
            return new Undecodable((bom != null ? "the byte order mark says " : "the body is ") + charset.name()
                    + " but the XML declaration says encoding=\"" + named + "\"");
        }
        return new Text(chars);
    }

    /**
     * Whether an encoding name agrees with what the bytes are: UTF-8 only with UTF-8; UTF-16BE or UTF-16LE with
     * {@code UTF-16} or its own byte order.
     *
     * @param actual the encoding the bytes are in, by their byte order mark or byte pattern
     * @param name an encoding name from a declaration or a charset parameter
     * @return true if the name does not contradict the bytes
     */
    public static boolean agrees(Charset actual, String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (actual.equals(StandardCharsets.UTF_8)) {
            return lower.equals("utf-8");
        }
        if (actual.equals(StandardCharsets.UTF_16BE)) {
            return lower.equals("utf-16") || lower.equals("utf-16be");
        }
        if (actual.equals(StandardCharsets.UTF_16LE)) {
            return lower.equals("utf-16") || lower.equals("utf-16le");
        }
        return !lower.startsWith("utf-16");
    }

    /**
     * The encoding pseudo-attribute of the XML declaration at the start of decoded text (after a byte order mark,
     * if one is left), or null when there is no declaration or it names no encoding.
     *
     * @param text the decoded text
     * @return the encoding name as written, or null
     */
    public static @Nullable String declaredEncoding(CharSequence text) {
        int skip = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int window = Math.min(text.length(), skip + DECLARATION_WINDOW);
        return encodingOf(text.subSequence(skip, window).toString());
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
        return encodingOf(StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(body, 0, window)).toString());
    }

    private static @Nullable String encodingOf(String head) {
        if (!head.startsWith("<?xml")) {
            return null;
        }
        String declaration = head;
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
