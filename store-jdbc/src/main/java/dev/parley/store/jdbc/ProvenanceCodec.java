package dev.parley.store.jdbc;

import dev.parley.storage.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a {@link Provenance} as one JSON object, for the {@code provenance} column, without a JSON library:
 *
 * <pre>{@code
 * {"system":"wordpress","sourceId":"17","threadId":"4","parentId":"0","status":"1","type":"",
 *  "date":"2009-05-17 23:04:33","fields":[["comment_agent",""]],"metadata":[["akismet_result","false"]]}
 * }</pre>
 *
 * <p>Null components are left out; an empty string is written as one. Fields and metadata are arrays of
 * {@code [name, value]} pairs, so their order and repeated names survive, which a JSON object would not
 * promise. Exact both ways: strings are escaped as the attributes are ({@link JsonText}), so control
 * characters (U+0000 among them, which PostgreSQL text refuses) and unpaired surrogates (which UTF-8 cannot
 * hold) come back as they were, on every database. For the same reason the column is text and never cast to
 * PostgreSQL's {@code jsonb}, which refuses {@code \u0000}. Stateless and thread-safe.
 */
final class ProvenanceCodec {

    private static final String SHAPE = "provenance is not a JSON object of its components";

    private ProvenanceCodec() {
    }

    /** Encodes a provenance, or returns null for none. */
    static @Nullable String encode(@Nullable Provenance provenance) {
        if (provenance == null) {
            return null;
        }
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        member(json, "system", provenance.system());
        member(json, "sourceId", provenance.sourceId());
        member(json, "threadId", provenance.threadId());
        member(json, "parentId", provenance.parentId());
        member(json, "status", provenance.status());
        member(json, "type", provenance.type());
        member(json, "date", provenance.date());
        entries(json, "fields", provenance.fields());
        entries(json, "metadata", provenance.metadata());
        return json.append('}').toString();
    }

    private static void member(StringBuilder json, String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        JsonText.appendString(json, name);
        json.append(':');
        JsonText.appendString(json, value);
    }

    private static void entries(StringBuilder json, String name, List<Provenance.Field> entries) {
        json.append(',');
        JsonText.appendString(json, name);
        json.append(":[");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('[');
            JsonText.appendString(json, entries.get(i).name());
            json.append(',');
            JsonText.appendString(json, entries.get(i).value());
            json.append(']');
        }
        json.append(']');
    }

    /**
     * Reads a provenance written by {@link #encode(Provenance)}; members may come in any order, optional ones
     * may be absent or {@code null}, and whitespace may surround every token.
     *
     * @param json the column's text, or null
     * @return the provenance, or null for a null column
     * @throws IllegalArgumentException if the text is not such an object (an unknown or repeated member, a
     *     missing system or source id, a value of the wrong type), or holds values no provenance may hold
     */
    static @Nullable Provenance decode(@Nullable String json) {
        if (json == null) {
            return null;
        }
        JsonText.Reader reader = new JsonText.Reader(json, SHAPE);
        Map<String, @Nullable String> strings = new HashMap<>();
        Map<String, List<Provenance.Field>> lists = new HashMap<>();
        reader.object(name -> {
            boolean repeated = strings.containsKey(name) || lists.containsKey(name);
            switch (name) {
                case "fields", "metadata" -> lists.put(name, entries(reader));
                case "system", "sourceId", "threadId", "parentId", "status", "type", "date" ->
                        strings.put(name, reader.consume("null") ? null : reader.string());
                default -> throw reader.malformed("unknown member \"" + name + "\"");
            }
            if (repeated) {
                throw reader.malformed("repeated member \"" + name + "\"");
            }
        });
        reader.end();
        String system = strings.get("system");
        String sourceId = strings.get("sourceId");
        if (system == null || sourceId == null) {
            throw new IllegalArgumentException(SHAPE + ": " + (system == null ? "system" : "sourceId")
                    + " is missing");
        }
        return new Provenance(system, sourceId, strings.get("threadId"), strings.get("parentId"),
                strings.get("status"), strings.get("type"), strings.get("date"),
                lists.getOrDefault("fields", List.of()), lists.getOrDefault("metadata", List.of()));
    }

    /** Reads an array of {@code [name, value]} string pairs. */
    private static List<Provenance.Field> entries(JsonText.Reader reader) {
        List<Provenance.Field> entries = new ArrayList<>();
        reader.array(() -> {
            reader.expect('[');
            reader.skipWhitespace();
            String name = reader.string();
            reader.skipWhitespace();
            reader.expect(',');
            reader.skipWhitespace();
            String value = reader.string();
            reader.skipWhitespace();
            reader.expect(']');
            entries.add(new Provenance.Field(name, value));
        });
        return entries;
    }
}
