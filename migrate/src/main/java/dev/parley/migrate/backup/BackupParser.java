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
    private final StrictJson in;
    private long comments;
    private int recordLine;
    private @Nullable TokenStreamLocation recordStart;
    private boolean ended;

    private BackupParser(JsonParser json) {
        this.json = json;
        this.in = new StrictJson(json);
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
            String format = in.requiredString("format");
            if (!BackupFormat.FORMAT.equals(format)) {
                throw in.fail("not a Parley backup: the header's format is \"" + format + "\", not \""
                        + BackupFormat.FORMAT + "\"");
            }
            long version = in.integer("version");
            if (version != BackupFormat.VERSION) {
                throw in.fail("backup version " + version + " is not supported; this version of Parley reads version "
                        + BackupFormat.VERSION);
            }
            in.endObject();
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
            String name = in.nextName();
            if ("end".equals(name)) {
                footer();
                return null;
            }
            if (!"id".equals(name)) {
                throw in.fail("expected the key \"id\" of a comment or \"end\" of the footer, found \"" + name + "\"");
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
            throw in.fail("the footer's \"end\" must be true");
        }
        long count = in.integer("comments");
        in.endObject();
        if (count != comments) {
            throw new ImportFormatException("the footer counts " + count + " comments, but the file holds "
                    + comments + ": it was changed or cut short", recordLine, 1, null);
        }
        JsonToken after = json.nextToken();
        if (after != null) {
            throw in.fail("nothing may follow the footer, found " + in.describe(after));
        }
        ended = true;
    }

    private Comment comment() {
        TokenStreamLocation start = Objects.requireNonNull(recordStart);
        CommentId id = in.convert(in.requiredValue(), CommentId::of);
        ThreadKey thread = in.convert(in.requiredString("thread"), ThreadKey::of);
        CommentId parentId = in.convertNullable(in.string("parentId"), CommentId::of);
        CommentId rootId = in.convert(in.requiredString("rootId"), CommentId::of);
        long depth = in.integer("depth");
        CommentId inReplyToId = in.convertNullable(in.string("inReplyToId"), CommentId::of);
        Kind kind = in.convert(in.requiredString("kind"), Kind::valueOf);
        Status status = in.convert(in.requiredString("status"), Status::valueOf);
        Author author = author();
        String text = in.requiredString("text");
        String html = in.requiredString("html");
        Linkback linkback = linkback();
        String moderationReason = in.string("moderationReason");
        Instant createdAt = in.convert(in.requiredString("createdAt"), Instant::parse);
        Instant updatedAt = in.convert(in.requiredString("updatedAt"), Instant::parse);
        long version = in.integer("version");
        Map<String, String> attributes = attributes();
        Provenance provenance = provenance();
        in.endObject();
        if (depth < 0 || depth > Comment.MAX_DEPTH) {
            throw StrictJson.fail("depth must be between 0 and " + Comment.MAX_DEPTH + ", was " + depth, start);
        }
        try {
            return new Comment(id, thread, parentId, rootId, (int) depth, inReplyToId, kind, status, author, text,
                    html, linkback, moderationReason, createdAt, updatedAt, version, attributes, provenance);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw StrictJson.fail("not a comment Parley can store: " + e.getMessage(), start);
        }
    }

    private Author author() {
        in.expectName("author");
        in.expect(JsonToken.START_OBJECT, "an object");
        TokenStreamLocation start = json.currentTokenLocation();
        String name = in.requiredString("name");
        String email = in.string("email");
        String url = in.string("url");
        String userId = in.string("userId");
        String ip = in.string("ip");
        String userAgent = in.string("userAgent");
        in.endObject();
        try {
            return new Author(name, email, url, userId, ip, userAgent);
        } catch (IllegalArgumentException e) {
            throw StrictJson.fail("not an author Parley can store: " + e.getMessage(), start);
        }
    }

    private @Nullable Linkback linkback() {
        in.expectName("linkback");
        JsonToken token = json.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw in.fail("\"linkback\" must be an object or null, found " + in.describe(token));
        }
        TokenStreamLocation start = json.currentTokenLocation();
        String sourceUrl = in.requiredString("sourceUrl");
        String title = in.requiredString("title");
        in.endObject();
        try {
            return new Linkback(sourceUrl, title);
        } catch (IllegalArgumentException e) {
            throw StrictJson.fail("not a linkback Parley can store: " + e.getMessage(), start);
        }
    }

    private Map<String, String> attributes() {
        in.expectName("attributes");
        in.expect(JsonToken.START_OBJECT, "an object");
        Map<String, String> attributes = new HashMap<>();
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = json.currentName();
            if (json.nextToken() != JsonToken.VALUE_STRING) {
                throw in.fail("attribute \"" + key + "\" must be a string");
            }
            if (attributes.put(key, json.getString()) != null) {
                throw in.fail("attribute \"" + key + "\" appears twice");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw in.fail("expected an attribute or the end of \"attributes\", found " + in.describe(token));
        }
        return attributes;
    }

    private @Nullable Provenance provenance() {
        in.expectName("provenance");
        JsonToken token = json.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw in.fail("\"provenance\" must be an object or null, found " + in.describe(token));
        }
        TokenStreamLocation start = json.currentTokenLocation();
        String system = in.requiredString("system");
        String sourceId = in.requiredString("sourceId");
        String threadId = in.string("threadId");
        String parentId = in.string("parentId");
        String status = in.string("status");
        String type = in.string("type");
        String date = in.string("date");
        List<Provenance.Field> fields = pairs("fields");
        List<Provenance.Field> metadata = pairs("metadata");
        in.endObject();
        try {
            return new Provenance(system, sourceId, threadId, parentId, status, type, date, fields, metadata);
        } catch (IllegalArgumentException e) {
            throw StrictJson.fail("not a provenance Parley can store: " + e.getMessage(), start);
        }
    }

    private List<Provenance.Field> pairs(String name) {
        in.expectName(name);
        in.expect(JsonToken.START_ARRAY, "an array");
        List<Provenance.Field> pairs = new ArrayList<>();
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.START_ARRAY) {
            String key = pairString(name);
            String value = pairString(name);
            if (json.nextToken() != JsonToken.END_ARRAY) {
                throw in.fail("each entry of \"" + name + "\" must be a pair [name, value]");
            }
            try {
                pairs.add(new Provenance.Field(key, value));
            } catch (IllegalArgumentException e) {
                throw in.fail("not an entry Parley can store: " + e.getMessage());
            }
        }
        if (token != JsonToken.END_ARRAY) {
            throw in.fail("each entry of \"" + name + "\" must be a pair [name, value], found " + in.describe(token));
        }
        return pairs;
    }

    private String pairString(String name) {
        if (json.nextToken() != JsonToken.VALUE_STRING) {
            throw in.fail("each entry of \"" + name + "\" must be a pair of strings [name, value]");
        }
        return json.getString();
    }

    private void startRecord(JsonToken token, int line) {
        TokenStreamLocation at = json.currentTokenLocation();
        if (token != JsonToken.START_OBJECT) {
            throw in.fail("expected a record, a JSON object, found " + in.describe(token));
        }
        if (at.getLineNr() != line || at.getColumnNr() != 1) {
            throw in.fail("each record must be one line of its own: expected line " + line + " to start one");
        }
        recordLine = line;
        recordStart = at;
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
