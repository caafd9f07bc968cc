package dev.parley.migrate.internal;

import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.storage.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The raw fields of one source record, collected in source order and added to a provenance only as far as it
 * can hold them: an entry past {@link Provenance#MAX_ENTRIES}, past {@link Provenance#MAX_TOTAL_LENGTH} or with
 * a name longer than {@link Provenance.Field#MAX_NAME_LENGTH} is left out, and one
 * {@link ImportWarning.Code#METADATA_TRUNCATED} warning names what was.
 *
 * <p>Not API. Not thread-safe: one instance per record.
 */
public final class RawFields {

    private static final int NAMES_LISTED = 5;
    private static final int NAME_SHOWN = 40;

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /**
     * Adds a field after those added before.
     *
     * @param name the name
     * @param value the raw value
     */
    public void add(String name, String value) {
        names.add(Objects.requireNonNull(name, "name must not be null"));
        values.add(Objects.requireNonNull(value, "value must not be null"));
    }

    /**
     * Adds to the provenance every field it can hold, in order, and warns on the comment about the rest.
     *
     * @param provenance the provenance being built
     * @param used the characters the provenance's system, ids and raw values already take
     * @param comment the comment the warning goes to
     */
    public void addTo(Provenance.Builder provenance, long used, SourceComment.Builder comment) {
        long total = used;
        int entries = 0;
        List<String> left = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = values.get(i);
            long size = (long) name.length() + value.length();
            if (entries == Provenance.MAX_ENTRIES || total + size > Provenance.MAX_TOTAL_LENGTH
                    || name.length() > Provenance.Field.MAX_NAME_LENGTH) {
                left.add(name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "…" : name);
                continue;
            }
            provenance.field(name, value);
            total += size;
            entries++;
        }
        if (!left.isEmpty()) {
            comment.warning(ImportWarning.Code.METADATA_TRUNCATED, left.size()
                    + " raw field(s) past what a provenance holds left out: "
                    + String.join(", ", left.subList(0, Math.min(NAMES_LISTED, left.size())))
                    + (left.size() > NAMES_LISTED ? ", …" : ""));
        }
    }

    /**
     * Returns the characters of the values a provenance's fixed components hold, for {@code used}.
     *
     * @param values the system, ids and raw values, each possibly null
     * @return the sum of their lengths
     */
    public static long length(@Nullable String... values) {
        long total = 0;
        for (String value : values) {
            total += value == null ? 0 : value.length();
        }
        return total;
    }
}
