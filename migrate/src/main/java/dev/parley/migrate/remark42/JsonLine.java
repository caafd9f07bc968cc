package dev.parley.migrate.remark42;

import dev.parley.migrate.ImportFormatException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Reads one line of a Remark42 backup with Jackson's streaming parser, its object's members flat: the members of
 * {@code user}, {@code locator} and {@code edit} by dotted name ({@code user.name}), every other value as its
 * text, an object or array as compact JSON written anew from its tokens (numbers exactly as written).
 *
 * <p>Thread-safe: the factory is immutable, and each call has its own parser.
 */
final class JsonLine {

    /** Objects whose members are kept one by one, as {@code user.id}, rather than as one JSON text. */
    private static final Set<String> FLATTENED = Set.of("user", "locator", "edit");

    /** Slashes stay as they are in a URL re-serialized, not escaped as {@code \/}. */
    static final JsonFactory JSON = JsonFactory.builder().disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

    private JsonLine() {
    }

    /**
     * Opens a parser on the current line.
     *
     * @param line the file, at a line
     * @return the parser; closing it leaves the file open
     */
    static JsonParser open(LineInput line) {
        return JSON.createParser(ObjectReadContext.empty(), line);
    }

    /**
     * Reads the members of an object, flat.
     *
     * @param parser the parser, at the object's {@link JsonToken#START_OBJECT}
     * @return the members, in order
     */
    static List<Member> members(JsonParser parser) {
        List<Member> members = new ArrayList<>();
        readMembers(parser, "", members);
        return members;
    }

    /**
     * Checks that nothing but whitespace follows the value just read on its line.
     *
     * @param parser the parser, at the value's last token
     * @param line the line's number
     * @throws ImportFormatException if another value follows
     */
    static void expectEnd(JsonParser parser, int line) {
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw new ImportFormatException("more than one JSON value on the line", line,
                    parser.currentTokenLocation().getColumnNr(), null);
        }
    }

    /**
     * Turns a parser's exception into what the reader throws: an {@link UncheckedIOException} if the file could
     * not be read, else an {@link ImportFormatException} for the line, with the parser's column.
     *
     * @param e the parser's exception
     * @param line the line's number
     * @return the exception to throw
     */
    static RuntimeException failure(JacksonException e, int line) {
        if (e instanceof JacksonIOException && e.getCause() instanceof IOException io) {
            return new UncheckedIOException("cannot read line " + line, io);
        }
        TokenStreamLocation location = e.getLocation();
        int column = location == null ? -1 : location.getColumnNr();
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return new ImportFormatException("not valid JSON: " + message, line, column, e);
    }

    private static void readMembers(JsonParser parser, String prefix, List<Member> members) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && prefix.isEmpty() && FLATTENED.contains(name)) {
                readMembers(parser, name + ".", members);
            } else {
                members.add(new Member(name, value, text(parser, value)));
            }
        }
    }

    /**
     * Returns a value as text: a string as decoded, a number as written, {@code true}, {@code false},
     * {@code null}, or an object or array as compact JSON.
     *
     * @param parser the parser, at the value's first token
     * @param token that token
     * @return the text
     */
    static String text(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString();
            case START_OBJECT, START_ARRAY -> compact(parser);
            default -> token.asString();
        };
    }

    private static String compact(JsonParser parser) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            int depth = 0;
            JsonToken token = parser.currentToken();
            while (true) {
                switch (token) {
                    case START_OBJECT -> {
                        generator.writeStartObject();
                        depth++;
                    }
                    case START_ARRAY -> {
                        generator.writeStartArray();
                        depth++;
                    }
                    case END_OBJECT -> {
                        generator.writeEndObject();
                        depth--;
                    }
                    case END_ARRAY -> {
                        generator.writeEndArray();
                        depth--;
                    }
                    case PROPERTY_NAME -> generator.writeName(parser.currentName());
                    case VALUE_STRING -> generator.writeString(parser.getString());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getString());
                    case VALUE_TRUE -> generator.writeBoolean(true);
                    case VALUE_FALSE -> generator.writeBoolean(false);
                    case VALUE_NULL -> generator.writeNull();
                    default -> throw new IllegalStateException("unexpected token " + token);
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
            }
        }
        return out.toString();
    }

    /**
     * One member of a line's object.
     *
     * @param name its name, dotted inside {@code user}, {@code locator} and {@code edit}
     * @param token its value's first token
     * @param text its value as text (see {@link JsonLine#text(JsonParser, JsonToken)})
     */
    record Member(String name, JsonToken token, String text) {

        /**
         * Tells whether the value is a string, number, boolean or null.
         *
         * @return false for an object or array
         */
        boolean scalar() {
            return token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY;
        }
    }
}
