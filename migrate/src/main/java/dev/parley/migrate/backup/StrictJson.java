package dev.parley.migrate.backup;

import dev.parley.migrate.ImportFormatException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads JSON tokens in an exact order: the next key must be the one named, a value of the type asked for. Every
 * departure is an {@link ImportFormatException} at the token's line and column, saying what was expected and
 * what was found.
 *
 * <p>Not thread-safe: it reads the parser it was given.
 */
final class StrictJson {

    private final JsonParser json;

    StrictJson(JsonParser json) {
        this.json = json;
    }

    String nextName() {
        JsonToken token = json.nextToken();
        if (token != JsonToken.PROPERTY_NAME) {
            throw fail("expected a key, found " + describe(token));
        }
        return json.currentName();
    }

    void expectName(String name) {
        JsonToken token = json.nextToken();
        if (token != JsonToken.PROPERTY_NAME || !name.equals(json.currentName())) {
            throw fail("expected the key \"" + name + "\", found " + describe(token));
        }
    }

    void expect(JsonToken expected, String what) {
        JsonToken token = json.nextToken();
        if (token != expected) {
            throw fail("\"" + json.currentName() + "\" must be " + what + ", found " + describe(token));
        }
    }

    void endObject() {
        JsonToken token = json.nextToken();
        if (token != JsonToken.END_OBJECT) {
            throw fail("expected the end of the object, found " + describe(token));
        }
    }

    @Nullable String string(String name) {
        expectName(name);
        JsonToken token = json.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw fail("\"" + name + "\" must be a string or null, found " + describe(token));
        }
        return json.getString();
    }

    String requiredString(String name) {
        expectName(name);
        return requiredValue();
    }

    String requiredValue() {
        String name = json.currentName();
        JsonToken token = json.nextToken();
        if (token != JsonToken.VALUE_STRING) {
            throw fail("\"" + name + "\" must be a string, found " + describe(token));
        }
        return json.getString();
    }

    long integer(String name) {
        expectName(name);
        JsonToken token = json.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw fail("\"" + name + "\" must be a whole number, found " + describe(token));
        }
        return json.getLongValue();
    }

    <T> T convert(String value, Function<String, T> conversion) {
        try {
            return conversion.apply(value);
        } catch (RuntimeException e) {
            throw fail("\"" + json.currentName() + "\" is not valid: " + e.getMessage());
        }
    }

    <T> @Nullable T convertNullable(@Nullable String value, Function<String, T> conversion) {
        return value == null ? null : convert(value, conversion);
    }

    String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case PROPERTY_NAME -> "the key \"" + json.currentName() + "\"";
            case START_OBJECT -> "an object";
            case END_OBJECT -> "the end of the object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "the end of the array";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> token.name();
        };
    }

    ImportFormatException fail(String message) {
        return fail(message, json.currentTokenLocation());
    }

    static ImportFormatException fail(String message, TokenStreamLocation at) {
        return new ImportFormatException(message, at.getLineNr(), at.getColumnNr(), null);
    }
}
