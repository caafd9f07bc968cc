package dev.parley.store.jdbc;

import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes {@link dev.parley.storage.Comment#attributes()} as a flat JSON object of strings, so the column stays
 * readable (and queryable as {@code jsonb} on PostgreSQL) without a JSON library.
 *
 * <p>Exact both ways: keys are written sorted, and every character that a database might refuse or alter is
 * escaped as {@code \}{@code uXXXX} (see {@link JsonText#appendString(StringBuilder, String)}): control
 * characters (U+0000 among them, which PostgreSQL cannot store in text) and unpaired surrogates (which are not
 * valid UTF-8). The encoded text is therefore plain valid Unicode whatever the values hold. Stateless and
 * thread-safe.
 */
final class AttributesCodec {

    private static final String SHAPE = "attributes are not a JSON object of strings";

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
            JsonText.appendString(json, entry.getKey());
            json.append(':');
            JsonText.appendString(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    /**
     * Reads an object written by {@link #encode(Map)}, or any JSON object whose values are all strings.
     *
     * @throws IllegalArgumentException if the text is not such an object, or repeats a key
     */
    static Map<String, String> decode(String json) {
        JsonText.Reader reader = new JsonText.Reader(json, SHAPE);
        Map<String, String> attributes = new TreeMap<>();
        reader.object(key -> {
            if (attributes.put(key, reader.string()) != null) {
                throw reader.malformed("repeated key \"" + key + "\"");
            }
        });
        reader.end();
        return Map.copyOf(attributes);
    }
}
