package dev.parley.migrate.backup;

import dev.parley.migrate.ImportFormatException;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.io.EOFException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Reads a backup file line by line, strictly: the header, comments with every key in the writer's order, the
 * footer with the right count, and nothing after it. Each line must hold exactly one record. Any departure is an
 * {@link ImportFormatException} with its line and column.
 *
 * <p>Not thread-safe: one parser reads one stream once.
 */
final class BackupParser implements AutoCloseable {

    private final JsonParser json;
    private long comments;
    private int recordLine;
    private @Nullable TokenStreamLocation recordStart;
    private boolean ended;

    private BackupParser(JsonParser json) {
        this.json = json;
    }

    /**
     * Opens a parser on a backup's bytes.
     *
     * @param in the bytes, decompressed; not closed by {@link #close()}
     * @return the parser
     * @throws ImportFormatException if the first bytes cannot be read as JSON text (a cut gzip file)
     */
    static BackupParser open(InputStream in) {
        try {
            // The factory reads ahead to detect the encoding, which can already fail on a cut file.
            return new BackupParser(BackupFormat.JSON.createParser(ObjectReadContext.empty(), in));
        } catch (JacksonException e) {
            throw translate(e, null);
        }
    }

    /**
     * Reads and checks the header line.
     *
     * @throws ImportFormatException if the file does not start with a Parley backup header of version 1
     */
    void header() {
        guard(() -> {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new ImportFormatException("the file is empty: not a Parley backup", 1, 1, null);
            }
            startRecord(first, 1);
            String format = requiredString("format");
            if (!BackupFormat.FORMAT.equals(format)) {
                throw fail("not a Parley backup: the header's format is \"" + format + "\", not \""
                        + BackupFormat.FORMAT + "\"");
            }
            long version = integer("version");
            if (version != BackupFormat.VERSION) {
                throw fail("backup version " + version + " is not supported; this version of Parley reads version "
                        + BackupFormat.VERSION);
            }
            endObject();
            return null;
        });
    }

    /**
     * Reads the next comment, or the footer.
     *
     * @return the comment, or null when the footer was read and checked and nothing follows it
     * @throws ImportFormatException if the line is not a valid comment, or the footer is missing or wrong
     */
    @Nullable Comment next() {
        if (ended) {
            return null;
        }
        return guard(() -> {
            int line = recordLine + 1;
            JsonToken token = json.nextToken();
            if (token == null) {
                throw new ImportFormatException("the file ends after " + comments
                        + " comments without its footer line: it was cut short", line, -1, null);
            }
            startRecord(token, line);
            String name = nextName();
            if ("end".equals(name)) {
                footer();
                return null;
            }
            if (!"id".equals(name)) {
                throw fail("expected the key \"id\" of a comment or \"end\" of the footer, found \"" + name + "\"");
            }
            Comment comment = comment();
            comments++;
            return comment;
        });
    }

    /**
     * Returns how many comments were read.
     *
     * @return the count
     */
    long comments() {
        return comments;
    }

    /**
     * Returns the line of the record read last.
     *
     * @return the line, from 1
     */
    int line() {
        return recordLine;
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException("cannot close the backup", e.getCause());
        }
    }

    private void footer() {
        JsonToken token = json.nextToken();
        if (token != JsonToken.VALUE_TRUE) {
            throw fail("the footer's \"end\" must be true");
        }
        long count = integer("comments");
        endObject();
        if (count != comments) {
            throw new ImportFormatException("the footer counts " + count + " comments, but the file holds "
                    + comments + ": it was changed or cut short", recordLine, 1, null);
        }
        JsonToken after = json.nextToken();
        if (after != null) {
            throw fail("nothing may follow the footer, found " + describe(after));
        }
        ended = true;
    }

    private Comment comment() {
        TokenStreamLocation start = Objects.requireNonNull(recordStart);
        CommentId id = convert(requiredValue(), CommentId::of);
        ThreadKey thread = convert(requiredString("thread"), ThreadKey::of);
        CommentId parentId = convertNullable(string("parentId"), CommentId::of);
        CommentId rootId = convert(requiredString("rootId"), CommentId::of);
        long depth = integer("depth");
        CommentId inReplyToId = convertNullable(string("inReplyToId"), CommentId::of);
        Kind kind = convert(requiredString("kind"), Kind::valueOf);
        Status status = convert(requiredString("status"), Status::valueOf);
        Author author = author();
        String text = requiredString("text");
        String html = requiredString("html");
        Linkback linkback = linkback();
        String moderationReason = string("moderationReason");
        Instant createdAt = convert(requiredString("createdAt"), Instant::parse);
        Instant updatedAt = convert(requiredString("updatedAt"), Instant::parse);
        long version = integer("version");
        Map<String, String> attributes = attributes();
        Provenance provenance = provenance();
        endObject();
        if (depth < 0 || depth > Comment.MAX_DEPTH) {
            throw fail("depth must be between 0 and " + Comment.MAX_DEPTH + ", was " + depth, start);
        }
        try {
            return new Comment(id, thread, parentId, rootId, (int) depth, inReplyToId, kind, status, author, text,
                    html, linkback, moderationReason, createdAt, updatedAt, version, attributes, provenance);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw fail("not a comment Parley can store: " + e.getMessage(), start);
        }
    }

    private Author author() {
        expectName("author");
        expect(JsonToken.START_OBJECT, "an object");
        TokenStreamLocation start = json.currentTokenLocation();
        String name = requiredString("name");
        String email = string("email");
        String url = string("url");
        String userId = string("userId");
        String ip = string("ip");
        String userAgent = string("userAgent");
        endObject();
        try {
            return new Author(name, email, url, userId, ip, userAgent);
        } catch (IllegalArgumentException e) {
            throw fail("not an author Parley can store: " + e.getMessage(), start);
        }
    }

    private @Nullable Linkback linkback() {
        expectName("linkback");
        JsonToken token = json.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw fail("\"linkback\" must be an object or null, found " + describe(token));
        }
        TokenStreamLocation start = json.currentTokenLocation();
        String sourceUrl = requiredString("sourceUrl");
        String title = requiredString("title");
        endObject();
        try {
            return new Linkback(sourceUrl, title);
        } catch (IllegalArgumentException e) {
            throw fail("not a linkback Parley can store: " + e.getMessage(), start);
        }
    }

    private Map<String, String> attributes() {
        expectName("attributes");
        expect(JsonToken.START_OBJECT, "an object");
        Map<String, String> attributes = new HashMap<>();
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = json.currentName();
            if (json.nextToken() != JsonToken.VALUE_STRING) {
                throw fail("attribute \"" + key + "\" must be a string");
            }
            if (attributes.put(key, json.getString()) != null) {
                throw fail("attribute \"" + key + "\" appears twice");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw fail("expected an attribute or the end of \"attributes\", found " + describe(token));
        }
        return attributes;
    }

    private @Nullable Provenance provenance() {
        expectName("provenance");
        JsonToken token = json.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw fail("\"provenance\" must be an object or null, found " + describe(token));
        }
        TokenStreamLocation start = json.currentTokenLocation();
        String system = requiredString("system");
        String sourceId = requiredString("sourceId");
        String threadId = string("threadId");
        String parentId = string("parentId");
        String status = string("status");
        String type = string("type");
        String date = string("date");
        List<Provenance.Field> fields = pairs("fields");
        List<Provenance.Field> metadata = pairs("metadata");
        endObject();
        try {
            return new Provenance(system, sourceId, threadId, parentId, status, type, date, fields, metadata);
        } catch (IllegalArgumentException e) {
            throw fail("not a provenance Parley can store: " + e.getMessage(), start);
        }
    }

    private List<Provenance.Field> pairs(String name) {
        expectName(name);
        expect(JsonToken.START_ARRAY, "an array");
        List<Provenance.Field> pairs = new ArrayList<>();
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.START_ARRAY) {
            String key = pairString(name);
            String value = pairString(name);
            if (json.nextToken() != JsonToken.END_ARRAY) {
                throw fail("each entry of \"" + name + "\" must be a pair [name, value]");
            }
            try {
                pairs.add(new Provenance.Field(key, value));
            } catch (IllegalArgumentException e) {
                throw fail("not an entry Parley can store: " + e.getMessage());
            }
        }
        if (token != JsonToken.END_ARRAY) {
            throw fail("each entry of \"" + name + "\" must be a pair [name, value], found " + describe(token));
        }
        return pairs;
    }

    private String pairString(String name) {
        if (json.nextToken() != JsonToken.VALUE_STRING) {
            throw fail("each entry of \"" + name + "\" must be a pair of strings [name, value]");
        }
        return json.getString();
    }

    private void startRecord(JsonToken token, int line) {
        TokenStreamLocation at = json.currentTokenLocation();
        if (token != JsonToken.START_OBJECT) {
            throw fail("expected a record, a JSON object, found " + describe(token));
        }
        if (at.getLineNr() != line || at.getColumnNr() != 1) {
            throw fail("each record must be one line of its own: expected line " + line + " to start one");
        }
        recordLine = line;
        recordStart = at;
    }

    private String nextName() {
        JsonToken token = json.nextToken();
        if (token != JsonToken.PROPERTY_NAME) {
            throw fail("expected a key, found " + describe(token));
        }
        return json.currentName();
    }

    private void expectName(String name) {
        JsonToken token = json.nextToken();
        if (token != JsonToken.PROPERTY_NAME || !name.equals(json.currentName())) {
            throw fail("expected the key \"" + name + "\", found " + describe(token));
        }
    }

    private void expect(JsonToken expected, String what) {
        JsonToken token = json.nextToken();
        if (token != expected) {
            throw fail("\"" + json.currentName() + "\" must be " + what + ", found " + describe(token));
        }
    }

    private void endObject() {
        JsonToken token = json.nextToken();
        if (token != JsonToken.END_OBJECT) {
            throw fail("expected the end of the object, found " + describe(token));
        }
    }

    private @Nullable String string(String name) {
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

    private String requiredString(String name) {
        expectName(name);
        return requiredValue();
    }

    private String requiredValue() {
        String name = json.currentName();
        JsonToken token = json.nextToken();
        if (token != JsonToken.VALUE_STRING) {
            throw fail("\"" + name + "\" must be a string, found " + describe(token));
        }
        return json.getString();
    }

    private long integer(String name) {
        expectName(name);
        JsonToken token = json.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw fail("\"" + name + "\" must be a whole number, found " + describe(token));
        }
        return json.getLongValue();
    }

    private <T> T convert(String value, Function<String, T> conversion) {
        try {
            return conversion.apply(value);
        } catch (RuntimeException e) {
            throw fail("\"" + json.currentName() + "\" is not valid: " + e.getMessage());
        }
    }

    private <T> @Nullable T convertNullable(@Nullable String value, Function<String, T> conversion) {
        return value == null ? null : convert(value, conversion);
    }

    private String describe(@Nullable JsonToken token) {
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

    private ImportFormatException fail(String message) {
        return fail(message, json.currentTokenLocation());
    }

    private static ImportFormatException fail(String message, TokenStreamLocation at) {
        return new ImportFormatException(message, at.getLineNr(), at.getColumnNr(), null);
    }

    private <T extends @Nullable Object> T guard(Step<T> step) {
        try {
            return step.run();
        } catch (JacksonException e) {
            throw translate(e, json);
        }
    }

    private static RuntimeException translate(JacksonException e, @Nullable JsonParser json) {
        if (e instanceof UnexpectedEndOfInputException) {
            TokenStreamLocation at = e.getLocation();
            return new ImportFormatException("the file ends inside a record: it was cut short ("
                    + e.getOriginalMessage() + ")", line(at), column(at), e);
        }
        if (e instanceof JacksonIOException io) {
            if (io.getCause() instanceof EOFException || io.getCause() instanceof ZipException) {
                TokenStreamLocation at = json == null ? null : json.currentLocation();
                return new ImportFormatException("the compressed file is cut short or corrupt: "
                        + io.getCause().getMessage(), line(at), -1, e);
            }
            return new UncheckedIOException("cannot read the backup", io.getCause());
        }
        TokenStreamLocation at = e.getLocation();
        return new ImportFormatException("not valid JSON: " + e.getOriginalMessage(), line(at), column(at), e);
    }

    private static int line(@Nullable TokenStreamLocation at) {
        return at == null ? -1 : at.getLineNr();
    }

    private static int column(@Nullable TokenStreamLocation at) {
        return at == null ? -1 : at.getColumnNr();
    }

    @FunctionalInterface
    private interface Step<T extends @Nullable Object> {
        T run();
    }
}
