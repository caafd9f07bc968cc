package dev.parley.pingback.trackback.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body (WHATWG URL standard: {@code &}-separated pairs,
 * {@code +} is a space, {@code %XX} a byte) into the fields a parser asks for. Not API.
 *
 * <p>Stateless and thread-safe.
 */
public final class FormBody {

    private FormBody() {
    }

    /** The decoded fields, or why the body could not be decoded. */
    public sealed interface Decoded {
    }

    /**
     * The wanted fields that were present.
     *
     * @param fields field name to decoded value, only names that were asked for
     */
    public record Fields(Map<String, String> fields) implements Decoded {
    }

    /**
     * The body is not a usable form.
     *
     * @param problem an English explanation for the sender
     */
    public record Malformed(String problem) implements Decoded {
    }

    /**
     * Decodes the wanted fields of a body. Other fields are ignored; a wanted field given twice is malformed,
     * because two values for one field leave it unclear which the sender meant.
     *
     * @param body the body bytes
     * @param charset the charset the percent-decoded bytes are in; a name or value whose bytes (raw or
     *     percent-encoded) are not valid in it makes the body malformed, rather than being guessed at with
     *     U+FFFD, so a mangled URL is refused where it arrives instead of failing later
     * @param wanted the field names to return
     * @return the fields or the problem
     */
    public static Decoded decode(byte[] body, Charset charset, Set<String> wanted) {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int nameEnd = indexOf(body, (byte) '=', start, end);
                byte[] nameBytes = percentDecode(body, start, nameEnd);
                if (nameBytes == null) {
                    return new Malformed("malformed percent-encoding in a form field name");
                }
                // A name not valid in the charset cannot be a wanted one: ignored, like any unknown field.
                String name = text(nameBytes, charset);
                if (name != null && wanted.contains(name)) {
                    byte[] valueBytes = nameEnd < end ? percentDecode(body, nameEnd + 1, end) : new byte[0];
                    if (valueBytes == null) {
                        return new Malformed("malformed percent-encoding in form field " + name);
                    }
                    String value = text(valueBytes, charset);
                    if (value == null) {
                        return new Malformed("form field " + name + " is not valid " + charset.name()
                                + " (its bytes, raw or percent-encoded, must be " + charset.name() + ")");
                    }
                    if (fields.putIfAbsent(name, value) != null) {
                        return new Malformed("form field " + name + " appears more than once");
                    }
                }
            }
            start = end + 1;
        }
        return new Fields(fields);
    }

    private static int indexOf(byte[] body, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return to;
    }

    /** The bytes as text, or null when they are not valid in the charset. */
    private static @Nullable String text(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte @Nullable [] percentDecode(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = Character.digit(body[i + 1], 16);
                int lo = Character.digit(body[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
