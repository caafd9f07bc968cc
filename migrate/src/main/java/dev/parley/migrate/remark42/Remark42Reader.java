package dev.parley.migrate.remark42;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a Remark42 backup (its automatic {@code backup-<site>-<date>.gz} or an export from its admin API),
 * plain or gzip-compressed, streaming: it holds one comment at a time, and the URLs of the threads handed
 * over; the meta header, users and all, is read token by token.
 *
 * <p>The file is one JSON value per line. The first line that is not blank is the meta header,
 * {@code {"version":1,"users":[...],"posts":[{"url":...,"read_only":...}]}}: version 0 and 1 are read, anything
 * else is refused; its users are skipped. Each post's URL is handed over first as a thread (its id and link the
 * URL). Each later line is one comment, mapped as the module's README tells, with every member it does not map
 * kept in the comment's provenance (system {@code remark42}): content from the Markdown source {@code orig},
 * else the rendered HTML {@code text}; status deleted if {@code delete} is true, else approved; dates RFC 3339,
 * in UTC; the author's name only, as Remark42's {@code user.ip} is a keyed hash, not an address. A comment on a
 * page the header does not list hands its thread over just before it, titled from the comment's
 * {@code title}.
 *
 * <p>A line that is not valid JSON, a header that is not one, and a truncated or damaged gzip stream throw an
 * {@link ImportFormatException} with the line (and the parser's column). A line holding JSON that is not an
 * object, an object without {@code id}, or one whose id no provenance can hold is skipped with a
 * {@link ImportWarning.Code#RECORD_SKIPPED} warning naming the line; a raw {@code time} or {@code delete} too long
 * for a provenance's raw date or status is kept among its fields. Parents are passed on raw: Remark42's comment ids are unique across the site.
 *
 * <p>Stateless and thread-safe; each call reads the source anew and hands over the same records.
 */
public final class Remark42Reader implements CommentReader {

    /**
     * Creates a reader.
     */
    public Remark42Reader() {
    }

    /**
     * Returns {@code remark42}.
     *
     * @return the system name
     */
    @Override
    public String system() {
        return Remark42Comment.SYSTEM;
    }

    /**
     * Returns {@link IdScope#SOURCE}: a {@code pid} may name a comment of any page of the site.
     *
     * @return the scope
     */
    @Override
    public IdScope idScope() {
        return IdScope.SOURCE;
    }

    /**
     * Reads the backup, handing over records on the calling thread, in file order.
     *
     * @param source the file, possibly gzip-compressed
     * @param handler what receives the records
     * @throws ImportFormatException if the file is empty, its first line is not a meta header of version 0 or
     *     1, a line is not one valid JSON value, or the gzip stream is truncated or damaged
     * @throws UncheckedIOException if the file cannot be read
     */
    @Override
    public void read(ImportSource source, Handler handler) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(handler, "handler must not be null");
        try (InputStream in = source.open()) {
            LineInput lines = new LineInput(in);
            Set<String> threads = null;
            while (lines.nextLine()) {
                try (JsonParser parser = JsonLine.open(lines)) {
                    JsonToken first = parser.nextToken();
                    if (first == null) {
                        continue;
                    }
                    if (threads == null) {
                        threads = readHeader(parser, lines.number(), handler);
                    } else {
                        readComment(parser, first, lines.number(), threads, handler);
                    }
                } catch (JacksonException e) {
                    throw JsonLine.failure(e, lines.number());
                }
            }
            if (threads == null) {
                throw new ImportFormatException("not a Remark42 backup: the file is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static Set<String> readHeader(JsonParser parser, int line, Handler handler) {
        MetaHeader header = MetaHeader.read(parser, line);
        Set<String> threads = new HashSet<>();
        for (String url : header.posts()) {
            threads.add(url);
            handler.thread(new SourceThread(url, url, null, null));
        }
        for (String problem : header.problems()) {
            handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, null,
                    "line " + line + ": " + problem));
        }
        return threads;
    }

    private static void readComment(JsonParser parser, JsonToken first, int line, Set<String> threads,
            Handler handler) {
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren();
            JsonLine.expectEnd(parser, line);
            handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, null, "line " + line + ": "
                    + describe(first) + ", not a comment object: skipped"));
            return;
        }
        Remark42Comment comment = Remark42Comment.of(JsonLine.members(parser), line);
        JsonLine.expectEnd(parser, line);
        String url = comment.url();
        if (comment.id() == null) {
            handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, url, null, "line " + line
                    + ": a comment without \"id\": skipped"));
            return;
        }
        if (url != null && threads.add(url)) {
            handler.thread(new SourceThread(url, url, null, comment.title()));
        }
        SourceComment mapped;
        try {
            mapped = comment.toSourceComment();
        } catch (IllegalArgumentException e) {
            // Only an id or a locator longer than any provenance holds gets here: the record cannot be kept.
            handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, comment.id(), "line " + line
                    + ": the comment cannot be kept, skipped: " + e.getMessage()));
            return;
        }
        handler.comment(mapped);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "JSON null";
            default -> "JSON " + token;
        };
    }
}
