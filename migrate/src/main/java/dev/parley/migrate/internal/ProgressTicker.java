package dev.parley.migrate.internal;

import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportSource;

/**
 * Counts the items of an import's passes and tells a {@link ProgressPacer} how far the file has been read,
 * every 256 items, so the clock is read rarely.
 *
 * <p>Not API. Not thread-safe.
 */
public final class ProgressTicker {
    private final ProgressPacer pacer;
    private final ImportSource source;
    private final long total;
    private long items;
    private ImportProgress.Phase phase = ImportProgress.Phase.CHECKING;

    /**
     * Creates the ticker.
     *
     * @param pacer what tells the listener, at its pace
     * @param source the file whose bytes read tell the fraction done
     */
    public ProgressTicker(ProgressPacer pacer, ImportSource source) {
        this.pacer = pacer;
        this.source = source;
        this.total = source.size();
    }

    /**
     * Counts one item of a phase.
     *
     * @param current the phase the item belongs to
     */
    public void tick(ImportProgress.Phase current) {
        if (current != phase) {
            phase = current;
            items = 0;
        }
        items++;
        if ((items & 255) == 0) {
            pacer.progress(() -> new ImportProgress(phase, items, source.bytesRead(), total));
        }
    }

    /**
     * Tells the listener a phase is done, with the whole file read.
     *
     * @param finished the phase
     */
    public void done(ImportProgress.Phase finished) {
        pacer.finish(new ImportProgress(finished, phase == finished ? items : 0, total, total));
    }
}
