package dev.parley.migrate;

import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an import did, or in a dry run would do: how many comments it read and wrote, counts by thread, status,
 * kind and raw source type, and every warning.
 *
 * <p>Counts are exact. The warnings themselves are kept up to the importer's limit (see
 * {@link Importer.Builder#maxWarnings(int)}); {@link #warningCounts()} counts them all.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dryRun true if nothing was written
 * @param read comments read from the source
 * @param inserted comments stored that were not there before
 * @param updated comments stored before whose source had changed, updated in place
 * @param replaced comments stored before whose place changed (thread, parent, kind or date), written anew
 * @param unchanged comments stored before whose source had not changed: left as they are, moderation included
 * @param threads comments read per Parley thread, in key order
 * @param statuses comments read per status
 * @param kinds comments read per kind
 * @param types comments read per raw source type; a source without types counts under the empty string
 * @param warningCounts warnings per code, every one counted
 * @param warnings the warnings, in the order found, up to the limit
 */
public record ImportReport(
        boolean dryRun,
        long read,
        long inserted,
        long updated,
        long replaced,
        long unchanged,
        Map<ThreadKey, Long> threads,
        Map<Status, Long> statuses,
        Map<Kind, Long> kinds,
        Map<String, Long> types,
        Map<ImportWarning.Code, Long> warningCounts,
        List<ImportWarning> warnings) {

    /**
     * Copies the collections.
     *
     * @throws NullPointerException if a collection is null
     */
    public ImportReport {
        threads = Collections.unmodifiableMap(new LinkedHashMap<>(threads));
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        warningCounts = Collections.unmodifiableMap(new LinkedHashMap<>(warningCounts));
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns how many warnings were found in all.
     *
     * @return the total of {@link #warningCounts()}
     */
    public long warningTotal() {
        return warningCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the number of comments read with a status.
     *
     * @param status the status
     * @return the count, 0 if none
     */
    public long count(Status status) {
        return statuses.getOrDefault(Objects.requireNonNull(status, "status"), 0L);
    }

    /**
     * Returns the number of warnings with a code.
     *
     * @param code the code
     * @return the count, 0 if none
     */
    public long count(ImportWarning.Code code) {
        return warningCounts.getOrDefault(Objects.requireNonNull(code, "code"), 0L);
    }

    /**
     * Renders the report as text for a terminal or a log: totals, then counts, then at most
     * {@code maxWarningLines} warnings.
     *
     * @param maxWarningLines how many warnings to list, 0 or more
     * @return the text, lines ending in {@code \n}
     */
    public String format(int maxWarningLines) {
        if (maxWarningLines < 0) {
            throw new IllegalArgumentException("max warning lines must be 0 or more, was " + maxWarningLines);
        }
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run: nothing was written.\n" : "");
        out.append("Read ").append(read).append(" comments in ").append(threads.size()).append(" threads: ")
                .append(inserted).append(dryRun ? " to insert, " : " inserted, ")
                .append(updated).append(dryRun ? " to update, " : " updated, ")
                .append(replaced).append(dryRun ? " to replace, " : " replaced, ")
                .append(unchanged).append(" unchanged.\n");
        out.append("By status:");
        statuses.forEach((status, n) -> out.append(' ').append(status.name().toLowerCase(Locale.ROOT))
                .append(' ').append(n));
        out.append("\nBy kind:");
        kinds.forEach((kind, n) -> out.append(' ').append(kind.name().toLowerCase(Locale.ROOT))
                .append(' ').append(n));
        out.append("\nBy source type:");
        types.forEach((type, n) -> out.append(' ').append(type.isEmpty() ? "(none)" : type).append(' ').append(n));
        out.append('\n');
        long total = warningTotal();
        out.append("Warnings: ").append(total);
        warningCounts.forEach((code, n) -> out.append(' ').append(code).append(' ').append(n));
        out.append('\n');
        int listed = 0;
        for (ImportWarning warning : warnings) {
            if (listed == maxWarningLines) {
                break;
            }
            out.append("  ").append(warning).append('\n');
            listed++;
        }
        if (total > listed) {
            out.append("  ... and ").append(total - listed).append(" more\n");
        }
        return out.toString();
    }
}
