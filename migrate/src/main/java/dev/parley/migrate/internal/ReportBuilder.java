package dev.parley.migrate.internal;

import dev.parley.migrate.ImportReport;
import dev.parley.migrate.ImportWarning;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Collects an import's counts and warnings; warnings beyond the limit are counted, not kept.
 *
 * <p>Not API. Not thread-safe.
 */
public final class ReportBuilder {

    private final int maxWarnings;
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final Map<ImportWarning.Code, Long> warningCounts = new EnumMap<>(ImportWarning.Code.class);
    private final Map<ThreadKey, Long> threads = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    private final Map<Status, Long> statuses = new EnumMap<>(Status.class);
    private final Map<Kind, Long> kinds = new EnumMap<>(Kind.class);
    private final Map<String, Long> types = new TreeMap<>();
    private long read;
    private long inserted;
    private long updated;
    private long replaced;
    private long unchanged;

    /**
     * Creates an empty report.
     *
     * @param maxWarnings how many warnings to keep
     */
    public ReportBuilder(int maxWarnings) {
        this.maxWarnings = maxWarnings;
    }

    /**
     * Adds a warning.
     *
     * @param warning the warning
     */
    public void warn(ImportWarning warning) {
        warningCounts.merge(warning.code(), 1L, Long::sum);
        if (warnings.size() < maxWarnings) {
            warnings.add(warning);
        }
    }

    /**
     * Counts a comment read.
     *
     * @param thread its thread
     * @param status its status
     * @param kind its kind
     * @param rawType its source type, or null
     */
    public void read(ThreadKey thread, Status status, Kind kind, @Nullable String rawType) {
        read++;
        threads.merge(thread, 1L, Long::sum);
        statuses.merge(status, 1L, Long::sum);
        kinds.merge(kind, 1L, Long::sum);
        types.merge(rawType == null ? "" : rawType, 1L, Long::sum);
    }

    /**
     * Moves a comment read from one kind's count to another's: a linkback the store refused as a duplicate.
     *
     * @param from the kind it was counted under
     * @param to the kind it was stored as
     */
    public void kindChanged(Kind from, Kind to) {
        kinds.merge(from, -1L, Long::sum);
        kinds.merge(to, 1L, Long::sum);
    }

    /** Counts a comment inserted. */
    public void inserted() {
        inserted++;
    }

    /** Counts a comment updated in place. */
    public void updated() {
        updated++;
    }

    /** Counts a comment written anew. */
    public void replaced() {
        replaced++;
    }

    /** Counts a comment left as it was. */
    public void unchanged() {
        unchanged++;
    }

    /**
     * Returns how many comments have been read.
     *
     * @return the count
     */
    public long readCount() {
        return read;
    }

    /**
     * Takes over the writes of an earlier run over the same source that was abandoned part-way (the one-pass
     * import falling back to two passes): every comment it wrote, this run found stored as it would have built
     * it and counted unchanged, so it counts as the earlier run wrote it instead.
     *
     * @param earlier the abandoned run's counts
     */
    public void carryWrites(ReportBuilder earlier) {
        inserted += earlier.inserted;
        updated += earlier.updated;
        replaced += earlier.replaced;
        unchanged -= earlier.inserted + earlier.updated + earlier.replaced;
    }

    /**
     * Builds the report.
     *
     * @param dryRun whether nothing was written
     * @return the report
     */
    public ImportReport build(boolean dryRun) {
        return new ImportReport(dryRun, read, inserted, updated, replaced, unchanged, threads, statuses, kinds,
                types, warningCounts, warnings);
    }
}
