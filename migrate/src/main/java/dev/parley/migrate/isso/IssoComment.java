package dev.parley.migrate.isso;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.internal.RawFields;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps one row of the query {@link IssoSchema#commentQuery()} onto a {@link SourceComment}, as the module's
 * README tells.
 *
 * <p>Stateless and thread-safe.
 */
final class IssoComment {

    /** The system name of every comment read. */
    static final String SYSTEM = "isso";

    /** The largest time in seconds taken: far past any comment, and small enough for microseconds in a long. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(9_000_000_000_000L);
    private static final long MICROS = 1_000_000L;

    private IssoComment() {
    }

    /**
     * Returns the source id of a thread: its uri, or {@code tid:} and its id when it has none.
     *
     * @param tid the thread's id as text, or null
     * @param uri the thread's uri, or null
     * @return the id, not empty
     */
    static String threadId(@Nullable String tid, @Nullable String uri) {
        if (uri != null && !uri.isEmpty()) {
            return uri;
        }
        return "tid:" + (tid == null ? "NULL" : tid);
    }

    /**
     * Maps the current row.
     *
     * @param row the row
     * @param schema the schema the query was made from
     * @return the comment
     * @throws SQLException if a value cannot be read
     * @throws IllegalArgumentException if the row cannot be kept as a comment: its id is NULL or empty, or an id
     *     is longer than a provenance holds
     */
    static SourceComment map(ResultSet row, IssoSchema schema) throws SQLException {
        String id = row.getString(1);
        if (id == null || id.isEmpty()) {
            // Isso's id is an INTEGER PRIMARY KEY, but a hand-made or damaged table may hold a NULL.
            throw new IllegalArgumentException("its id is " + (id == null ? "NULL" : "empty"));
        }
        String tid = row.getString(2);
        String parent = row.getString(3);
        String created = row.getString(4);
        String modified = row.getString(5);
        String mode = row.getString(6);
        boolean threadExists = row.getBoolean(16);
        String threadId = threadId(tid, threadExists ? row.getString(17) : null);

        SourceComment.Builder comment = SourceComment.builder(id, threadId);
        String author = row.getString(9);
        comment.parentId(parent)
                .status(status(mode, comment))
                .author(author == null ? "" : author, empty(row.getString(10)), empty(row.getString(11)))
                .client(empty(row.getString(7)), null)
                .content(nullToEmpty(row.getString(8)), ContentFormat.MARKDOWN)
                .createdAt(createdAt(created, comment))
                .updatedAt(updatedAt(modified, comment));

        RawFields fields = new RawFields();
        add(fields, "tid", tid);
        add(fields, "modified", modified);
        add(fields, "likes", row.getString(12));
        add(fields, "dislikes", row.getString(13));
        byte[] voters = row.getBytes(14);
        if (voters != null) {
            fields.add("voters", Base64.getEncoder().encodeToString(voters));
        }
        add(fields, "notification", row.getString(15));
        List<String> extra = schema.extra();
        for (int i = 0; i < extra.size(); i++) {
            int column = IssoSchema.FIRST_EXTRA + 2 * i;
            Object raw = row.getObject(column);
            if (raw instanceof byte[] bytes) {
                fields.add(extra.get(i), Base64.getEncoder().encodeToString(bytes));
            } else {
                add(fields, extra.get(i), row.getString(column + 1));
            }
        }
        // A raw value longer than a provenance's raw status or date holds is kept whole as a field instead.
        String rawMode = mode;
        if (rawMode != null && rawMode.length() > Provenance.MAX_RAW_LENGTH) {
            fields.add("mode", rawMode);
            rawMode = null;
        }
        String rawCreated = created;
        if (rawCreated != null && rawCreated.length() > Provenance.MAX_RAW_LENGTH) {
            fields.add("created", rawCreated);
            rawCreated = null;
        }
        Provenance.Builder provenance = Provenance.builder(SYSTEM, id)
                .threadId(threadId)
                .parentId(parent)
                .status(rawMode)
                .date(rawCreated);
        fields.addTo(provenance, RawFields.length(SYSTEM, id, threadId, parent, rawMode, rawCreated), comment);
        return comment.provenance(provenance.build()).build();
    }

    private static Status status(@Nullable String mode, SourceComment.Builder comment) {
        Status status = mode == null ? null : switch (mode) {
            case "1" -> Status.APPROVED;
            case "2" -> Status.PENDING;
            case "4" -> Status.DELETED;
            default -> null;
        };
        if (status == null) {
            comment.warning(ImportWarning.Code.UNKNOWN_STATUS, (mode == null ? "no mode" : "mode " + mode)
                    + " is not one of Isso's (1 accepted, 2 pending, 4 deleted): imported as pending; the raw "
                    + "value is kept");
            return Status.PENDING;
        }
        return status;
    }

    private static Instant createdAt(@Nullable String created, SourceComment.Builder comment) {
        Instant instant = created == null ? null : epochSeconds(created);
        if (instant == null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK, (created == null ? "no created time"
                    : "created \"" + created + "\" is not a time in seconds") + ": " + Instant.EPOCH + " is used"
                    + (created == null ? "" : "; the raw value is kept"));
            return Instant.EPOCH;
        }
        return instant;
    }

    private static @Nullable Instant updatedAt(@Nullable String modified, SourceComment.Builder comment) {
        if (modified == null) {
            return null;
        }
        Instant instant = epochSeconds(modified);
        if (instant == null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK, "modified \"" + modified
                    + "\" is not a time in seconds: no edit time is set; the raw value is kept");
        }
        return instant;
    }

    /**
     * Reads a time in seconds since the epoch, as SQLite writes a REAL ({@code 1459934286.291534}), to the
     * microsecond, half even, exactly as written in decimal: never through a double, never in a local zone.
     *
     * @param text the seconds
     * @return the instant, or null if the text is not a number or is out of range
     */
    static @Nullable Instant epochSeconds(String text) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        // Checked before rescaling: 1e999999999 would otherwise become a billion-digit number.
        if (seconds.abs().compareTo(MAX_SECONDS) > 0) {
            return null;
        }
        long micros = seconds.setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1_000L);
    }

    private static void add(RawFields fields, String name, @Nullable String value) {
        if (value != null) {
            fields.add(name, value);
        }
    }

    private static @Nullable String empty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
