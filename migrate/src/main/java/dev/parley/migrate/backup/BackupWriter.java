package dev.parley.migrate.backup;

import dev.parley.migrate.CommentWriter;
import dev.parley.migrate.ExportReport;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.internal.ExportOptions;
import dev.parley.migrate.internal.ProgressPacer;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes Parley's own backup of a store: every component of every comment, so that restoring it into an empty
 * store gives the same store back, and a backup of that is the same file byte for byte.
 *
 * <p><b>Format.</b> JSON lines in UTF-8, each ending in a line feed:
 * <ol>
 *   <li>the header, {@code {"format":"parley-backup","version":1}};</li>
 *   <li>one comment per line, in the store's scan order (ascending created at, then id), with every key
 *       always written, {@code null} where a component is null, in this order: {@code id}, {@code thread},
 *       {@code parentId}, {@code rootId}, {@code depth}, {@code inReplyToId}, {@code kind}, {@code status},
 *       {@code author} ({@code name}, {@code email}, {@code url}, {@code userId}, {@code ip},
 *       {@code userAgent}), {@code text}, {@code html}, {@code linkback} ({@code sourceUrl}, {@code title}),
 *       {@code moderationReason}, {@code createdAt} and {@code updatedAt} (ISO-8601 instants, as
 *       {@link java.time.Instant#toString()} writes them), {@code version}, {@code attributes} (an object, keys
 *       sorted), {@code provenance} ({@code system}, {@code sourceId}, {@code threadId}, {@code parentId},
 *       {@code status}, {@code type}, {@code date}, {@code fields} and {@code metadata} as arrays of
 *       {@code [name, value]} pairs in order);</li>
 *   <li>the footer, {@code {"end":true,"comments":N}}: a file without it was cut short.</li>
 * </ol>
 * Strings are kept exactly: control characters and unpaired surrogates are written as {@code \}{@code uXXXX}
 * escapes, which {@link BackupReader} reads back as the same {@code char}s.
 *
 * <p>The store is read page by page; memory is O(threads), to count them. Comments written while a backup runs
 * may or may not be in it: for a consistent backup, write none meanwhile.
 *
 * <p>Immutable and thread-safe; one call writes one file. Build one with {@link #builder()}.
 */
public final class BackupWriter implements CommentWriter {

    private final int pageSize;
    private final Clock clock;

    private BackupWriter(Builder builder) {
        this.pageSize = builder.pageSize;
        this.clock = builder.clock;
    }

    /**
     * Returns a builder with the defaults: pages of {@value dev.parley.storage.PageRequest#MAX_LIMIT} comments,
     * the system clock.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the backup; to compress it, pass a {@link java.util.zip.GZIPOutputStream} and finish it after.
     *
     * @param store the store to read
     * @param out where to write; flushed, not closed
     * @param progress what receives progress, phase {@link ImportProgress.Phase#EXPORTING}
     * @return the comments and threads written; a backup has no warnings
     * @throws UncheckedIOException if writing fails
     * @throws dev.parley.storage.StoreException if reading the store fails
     */
    @Override
    public ExportReport write(CommentStore store, OutputStream out, ImportProgress.Listener progress) {
        Objects.requireNonNull(store, "store must not be null");
        Objects.requireNonNull(out, "out must not be null");
        ProgressPacer pacer = new ProgressPacer(progress, clock);
        Set<String> threads = new HashSet<>();
        long count = 0;
        try (JsonGenerator json = BackupFormat.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("format", BackupFormat.FORMAT);
            json.writeNumberProperty("version", BackupFormat.VERSION);
            json.writeEndObject();
            json.writeRaw('\n');
            PageRequest request = PageRequest.first(Order.OLDEST_FIRST, pageSize);
            while (true) {
                Page page = store.scan(request);
                for (Comment comment : page.items()) {
                    writeComment(json, comment);
                    json.writeRaw('\n');
                    threads.add(comment.thread().value());
                    count++;
                }
                long written = count;
                pacer.progress(() -> new ImportProgress(ImportProgress.Phase.EXPORTING, written, 0, -1));
                Cursor next = page.next();
                if (next == null) {
                    break;
                }
                request = request.next(next);
            }
            json.writeStartObject();
            json.writeBooleanProperty("end", true);
            json.writeNumberProperty("comments", count);
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException("cannot write the backup", e.getCause());
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup", e);
        }
        pacer.finish(new ImportProgress(ImportProgress.Phase.EXPORTING, count, 0, -1));
        return new ExportReport(count, threads.size(), List.of());
    }

    private static void writeComment(JsonGenerator json, Comment comment) {
        json.writeStartObject();
        json.writeStringProperty("id", comment.id().value());
        json.writeStringProperty("thread", comment.thread().value());
        json.writeStringProperty("parentId", id(comment.parentId()));
        json.writeStringProperty("rootId", comment.rootId().value());
        json.writeNumberProperty("depth", comment.depth());
        json.writeStringProperty("inReplyToId", id(comment.inReplyToId()));
        json.writeStringProperty("kind", comment.kind().name());
        json.writeStringProperty("status", comment.status().name());
        Author author = comment.author();
        json.writeName("author");
        json.writeStartObject();
        json.writeStringProperty("name", author.name());
        json.writeStringProperty("email", author.email());
        json.writeStringProperty("url", author.url());
        json.writeStringProperty("userId", author.userId());
        json.writeStringProperty("ip", author.ip());
        json.writeStringProperty("userAgent", author.userAgent());
        json.writeEndObject();
        json.writeStringProperty("text", comment.text());
        json.writeStringProperty("html", comment.html());
        Linkback linkback = comment.linkback();
        json.writeName("linkback");
        if (linkback == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringProperty("sourceUrl", linkback.sourceUrl());
            json.writeStringProperty("title", linkback.title());
            json.writeEndObject();
        }
        json.writeStringProperty("moderationReason", comment.moderationReason());
        json.writeStringProperty("createdAt", comment.createdAt().toString());
        json.writeStringProperty("updatedAt", comment.updatedAt().toString());
        json.writeNumberProperty("version", comment.version());
        json.writeName("attributes");
        json.writeStartObject();
        for (Map.Entry<String, String> attribute : new TreeMap<>(comment.attributes()).entrySet()) {
            json.writeStringProperty(attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        json.writeName("provenance");
        Provenance provenance = comment.provenance();
        if (provenance == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringProperty("system", provenance.system());
            json.writeStringProperty("sourceId", provenance.sourceId());
            json.writeStringProperty("threadId", provenance.threadId());
            json.writeStringProperty("parentId", provenance.parentId());
            json.writeStringProperty("status", provenance.status());
            json.writeStringProperty("type", provenance.type());
            json.writeStringProperty("date", provenance.date());
            writeFields(json, "fields", provenance.fields());
            writeFields(json, "metadata", provenance.metadata());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeFields(JsonGenerator json, String name, List<Provenance.Field> fields) {
        json.writeName(name);
        json.writeStartArray();
        for (Provenance.Field field : fields) {
            json.writeStartArray();
            json.writeString(field.name());
            json.writeString(field.value());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static @Nullable String id(@Nullable CommentId id) {
        return id == null ? null : id.value();
    }

    /**
     * Collects the options of a {@link BackupWriter}; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private int pageSize = ExportOptions.DEFAULT_PAGE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets how many comments are read from the store at a time.
         *
         * @param pageSize 1 to {@value dev.parley.storage.PageRequest#MAX_LIMIT}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Sets the clock that paces progress reports.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException naming every bad option
         */
        public BackupWriter build() {
            List<String> problems = new ArrayList<>();
            ExportOptions.checkPageSize(pageSize, problems);
            if (clock == null) {
                problems.add("clock must not be null");
            }
            ExportOptions.throwIfAny(problems);
            return new BackupWriter(this);
        }
    }
}
