package dev.parley.store.jdbc;

import java.util.function.Consumer;

/**
 * What the hand-written JSON codecs of this package ({@link AttributesCodec}, {@link ProvenanceCodec}) share:
 * writing a Java string as a JSON string that every database stores exactly, and a cursor that reads JSON
 * text back. Stateless and thread-safe; a {@link Reader} is not, one per decode.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * Appends {@code value} as a JSON string. Every character that a database might refuse or alter is escaped
     * as {@code \}{@code uXXXX}: control characters and DEL (U+0000 among them, which PostgreSQL cannot store in
     * text) and unpaired surrogates (which are not valid UTF-8). The result is plain valid Unicode whatever
     * {@code value} holds, and reads back as {@code value} exactly.
     */
    static void appendString(StringBuilder json, String value) {
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
     * A position in JSON text, for the codecs' recursive-descent readers. Every failure is an
     * {@link IllegalArgumentException} that starts with the shape the caller expected and says where it failed.
     */
    static final class Reader {
        private final String json;
        private final String shape;
        private int pos;

        /**
         * @param json the text
         * @param shape what the text should be, for messages: "attributes are not a JSON object of strings"
         */
        Reader(String json, String shape) {
            this.json = json;
            this.shape = shape;
        }

        /** Reads a JSON string, the opening quote included. */
        String string() {
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

        /** Consumes {@code literal} ({@code null}, say) if the text continues with it. */
        boolean consume(String literal) {
            if (json.startsWith(literal, pos)) {
                pos += literal.length();
                return true;
            }
            return false;
        }

        void skipWhitespace() {
            while (pos < json.length() && " \t\r\n".indexOf(json.charAt(pos)) >= 0) {
                pos++;
            }
        }

        char peek() {
            if (pos == json.length()) {
                throw malformed("unexpected end");
            }
            return json.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char expected) {
            if (next() != expected) {
                throw malformed("expected '" + expected + "'");
            }
        }

        /**
         * Reads an object, from its opening brace: {@code member} gets each member's name, the value's first
         * character next, and reads the value.
         */
        void object(Consumer<String> member) {
            elements('{', '}', () -> {
                String name = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                member.accept(name);
            });
        }

        /** Reads an array, from its opening bracket: {@code element} reads each element. */
        void array(Runnable element) {
            elements('[', ']', element);
        }

        private void elements(char open, char close, Runnable element) {
            skipWhitespace();
            expect(open);
            skipWhitespace();
            if (peek() == close) {
                next();
                return;
            }
            while (true) {
                skipWhitespace();
                element.run();
                skipWhitespace();
                char next = next();
                if (next == close) {
                    return;
                }
                if (next != ',') {
                    throw malformed("expected ',' or '" + close + "'");
                }
            }
        }

        /** Requires that only whitespace is left. */
        void end() {
            skipWhitespace();
            if (pos != json.length()) {
                throw malformed("text after the value");
            }
        }

        IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException(shape + ": " + what + " at offset " + Math.max(0, pos - 1));
        }
    }
}
