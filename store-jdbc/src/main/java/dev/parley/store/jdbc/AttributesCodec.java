package dev.parley.store.jdbc;

import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes {@link dev.parley.storage.Comment#attributes()} as a flat JSON object of strings, so the column stays
 * readable (and queryable as {@code jsonb} on PostgreSQL) without a JSON library.
 *
 * <p>Exact both ways: keys are written sorted, and every character that a database might refuse or alter is
 * escaped as {@code \}{@code uXXXX}: control characters (U+0000 among them, which PostgreSQL cannot store in
 * text) and unpaired surrogates (which are not valid UTF-8). The encoded text is therefore plain valid Unicode
 * whatever the values hold. Stateless and thread-safe.
 */
final class AttributesCodec {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AttributesCodec() {
    }

    static String encode(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        StringBuilder json = new StringBuilder(64);
        json.append('{');
        for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, entry.getKey());
            json.append(':');
            appendString(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || isUnpairedSurrogate(value, i)) {
                        json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static boolean isUnpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    /**
     * Reads an object written by {@link #encode(Map)}, or any JSON object whose values are all strings.
     *
     * @throws IllegalArgumentException if the text is not such an object, or repeats a key
     */
    static Map<String, String> decode(String json) {
        return new Reader(json).object();
    }

    /** A recursive-descent reader for the one shape stored: an object of string members. */
    private static final class Reader {
        private final String json;
        private int pos;

        Reader(String json) {
            this.json = json;
        }

        Map<String, String> object() {
            Map<String, String> attributes = new TreeMap<>();
            skipWhitespace();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipWhitespace();
                    String key = string();
                    skipWhitespace();
                    expect(':');
                    skipWhitespace();
                    String value = string();
                    if (attributes.put(key, value) != null) {
                        throw malformed("repeated key \"" + key + "\"");
                    }
                    skipWhitespace();
                    char next = next();
                    if (next == '}') {
                        break;
                    }
                    if (next != ',') {
                        throw malformed("expected ',' or '}'");
                    }
                }
            }
            skipWhitespace();
            if (pos != json.length()) {
                throw malformed("text after the object");
            }
            return Map.copyOf(attributes);
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> value.append(hex4());
                    default -> throw malformed("unknown escape \\" + escaped);
                }
            }
        }

        private char hex4() {
            if (pos + 4 > json.length()) {
                throw malformed("truncated \\u escape");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(json.charAt(pos++), 16);
                if (digit < 0) {
                    throw malformed("bad hex digit in \\u escape");
                }
                code = code << 4 | digit;
            }
            return (char) code;
        }

        private void skipWhitespace() {
            while (pos < json.length() && " \t\r\n".indexOf(json.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos == json.length()) {
                throw malformed("unexpected end");
            }
            return json.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char expected) {
            if (next() != expected) {
                throw malformed("expected '" + expected + "'");
            }
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException("attributes are not a JSON object of strings: " + what
                    + " at offset " + Math.max(0, pos - 1));
        }
    }
}
