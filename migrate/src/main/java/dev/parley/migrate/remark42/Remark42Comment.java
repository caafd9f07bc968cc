package dev.parley.migrate.remark42;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.internal.RawFields;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * One comment line of a Remark42 backup, its members sorted into what maps onto a {@link SourceComment} and
 * what is kept raw, as the module's README tells.
 *
 * <p>Not thread-safe: one instance per line.
 */
final class Remark42Comment {

    /** The system name of every comment read. */
    static final String SYSTEM = "remark42";
    /** The thread of a comment without {@code locator.url}. */
    static final String UNKNOWN_THREAD = "unknown";

    private final int line;
    private final RawFields fields = new RawFields();
    private @Nullable String id;
    private @Nullable String parentId;
    private @Nullable String orig;
    private @Nullable String text;
    private @Nullable String name;
    private @Nullable String url;
    private @Nullable String time;
    private JsonLine.@Nullable Member delete;
    private @Nullable String editTime;
    private @Nullable String title;
    private final Set<Mapped> taken = EnumSet.noneOf(Mapped.class);

    private Remark42Comment(int line) {
        this.line = line;
    }

    /**
     * Sorts a line's members.
     *
     * @param members the members of the line's object, in order
     * @param line the line's number
     * @return the comment
     */
    static Remark42Comment of(List<JsonLine.Member> members, int line) {
        Remark42Comment comment = new Remark42Comment(line);
        for (JsonLine.Member member : members) {
            comment.add(member);
        }
        return comment;
    }

    /** Members mapped onto a component; the first of each, when a scalar, is taken. */
    private enum Mapped {
        ID("id", false), PID("pid", false), ORIG("orig", false), USER_NAME("user.name", false),
        LOCATOR_URL("locator.url", false), TIME("time", false), DELETE("delete", false),
        // Also kept raw: the rendered HTML beside the Markdown source, the title beside the thread's, and the
        // edit time, whose offset and digits the parsed instant does not keep.
        TEXT("text", true), TITLE("title", true), EDIT_TIME("edit.time", true);

        final String member;
        final boolean alsoRaw;

        Mapped(String member, boolean alsoRaw) {
            this.member = member;
            this.alsoRaw = alsoRaw;
        }

        static @Nullable Mapped of(String member) {
            for (Mapped mapped : values()) {
                if (mapped.member.equals(member)) {
                    return mapped;
                }
            }
            return null;
        }
    }

    private void add(JsonLine.Member member) {
        Mapped mapped = Mapped.of(member.name());
        if (mapped == null || !member.scalar() || !taken.add(mapped)) {
            fields.add(member.name(), member.text());
            return;
        }
        if (mapped.alsoRaw) {
            fields.add(member.name(), member.text());
        }
        String value = member.token() == JsonToken.VALUE_NULL ? null : member.text();
        switch (mapped) {
            case ID -> id = value;
            case PID -> parentId = value;
            case ORIG -> orig = value;
            case USER_NAME -> name = value;
            case LOCATOR_URL -> url = value;
            case TIME -> time = value;
            case DELETE -> delete = value == null ? null : member;
            case TEXT -> text = value;
            case TITLE -> title = value;
            case EDIT_TIME -> editTime = value;
        }
    }

    /**
     * Returns the comment's id.
     *
     * @return the {@code id}, or null if missing, null or empty
     */
    @Nullable String id() {
        return id == null || id.isEmpty() ? null : id;
    }

    /**
     * Returns the page the comment is on.
     *
     * @return the {@code locator.url}, or null if missing, null or empty
     */
    @Nullable String url() {
        return url == null || url.isEmpty() ? null : url;
    }

    /**
     * Returns the title of the page, as the comment carries it.
     *
     * @return the {@code title}, or null if missing, null or empty
     */
    @Nullable String title() {
        return title == null || title.isEmpty() ? null : title;
    }

    /**
     * Maps the comment.
     *
     * @return the comment
     * @throws IllegalStateException if it has no id
     * @throws IllegalArgumentException if an id is longer than a provenance holds
     */
    SourceComment toSourceComment() {
        String sourceId = id();
        if (sourceId == null) {
            throw new IllegalStateException("a comment without an id is skipped, not mapped");
        }
        String rawUrl = url();
        String threadId = rawUrl == null ? UNKNOWN_THREAD : rawUrl;
        SourceComment.Builder comment = SourceComment.builder(sourceId, threadId);
        if (rawUrl == null) {
            comment.warning(ImportWarning.Code.THREAD_MISSING, "line " + line
                    + ": no \"locator.url\": imported under the thread \"" + UNKNOWN_THREAD + "\"");
        }
        String parent = parentId == null || parentId.isEmpty() ? null : parentId;
        String status = delete == null ? null : delete.text();
        String date = time;
        comment.parentId(parent)
                .status(delete != null && delete.token() == JsonToken.VALUE_TRUE ? Status.DELETED : Status.APPROVED)
                .author(name == null ? "" : name, null, null)
                .createdAt(createdAt(comment))
                .updatedAt(updatedAt(comment));
        if (orig != null && !orig.isEmpty()) {
            comment.content(orig, ContentFormat.MARKDOWN);
        } else {
            comment.content(text == null ? "" : text, ContentFormat.HTML);
        }
        // A raw value longer than a provenance's raw status or date holds is kept whole as a field instead.
        if (status != null && status.length() > Provenance.MAX_RAW_LENGTH) {
            fields.add(Mapped.DELETE.member, status);
            status = null;
        }
        if (date != null && date.length() > Provenance.MAX_RAW_LENGTH) {
            fields.add(Mapped.TIME.member, date);
            date = null;
        }
        Provenance.Builder provenance = Provenance.builder(SYSTEM, sourceId)
                .threadId(rawUrl)
                .parentId(parent)
                .status(status)
                .date(date);
        fields.addTo(provenance, RawFields.length(SYSTEM, sourceId, rawUrl, parent, status, date), comment);
        return comment.provenance(provenance.build()).build();
    }

    private Instant createdAt(SourceComment.Builder comment) {
        if (time == null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK, "line " + line + ": no \"time\": "
                    + Instant.EPOCH + " is used");
            return Instant.EPOCH;
        }
        Instant parsed = rfc3339(time);
        if (parsed == null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK, "line " + line + ": \"time\" \"" + time
                    + "\" is not an RFC 3339 date: " + Instant.EPOCH + " is used; the raw value is kept");
            return Instant.EPOCH;
        }
        return parsed;
    }

    private @Nullable Instant updatedAt(SourceComment.Builder comment) {
        if (editTime == null) {
            return null;
        }
        Instant parsed = rfc3339(editTime);
        if (parsed == null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK, "line " + line + ": \"edit.time\" \"" + editTime
                    + "\" is not an RFC 3339 date: no edit time is set; the raw value is kept");
        }
        return parsed;
    }

    /**
     * Parses an RFC 3339 time, as Go writes it ({@code 2017-12-20T15:18:22.88-06:00}, up to nine digits of a
     * second, {@code Z} or an offset).
     *
     * @param value the text
     * @return the instant, or null if the text is not such a time
     */
    static @Nullable Instant rfc3339(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
