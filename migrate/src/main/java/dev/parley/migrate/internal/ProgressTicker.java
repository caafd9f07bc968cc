package dev.parley.migrate.internal;

import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportSource;

/**
 * Tells a progress listener how far a pass is, at most five times a second.
 *
 * <p>Not API. Not thread-safe.
 */
public final class ProgressTicker {
    private static final long INTERVAL_NANOS = 200_000_000L;
    private final ImportProgress.Listener listener;
    private final ImportSource source;
    private final long total;
    private long items;
    private long last = System.nanoTime();
    private ImportProgress.Phase phase = ImportProgress.Phase.CHECKING;

    /**
     * Creates the ticker.
     *
     * @param listener what receives progress
     * @param source the file whose bytes read tell the fraction done
     */
    public ProgressTicker(ImportProgress.Listener listener, ImportSource source) {
        this.listener = listener;
        this.source = source;
        this.total = source.size();
    }

    /**
     * Counts one item of a phase, telling the listener if it is time.
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
            long now = System.nanoTime();
            if (now - last >= INTERVAL_NANOS) {
                last = now;
                listener.progress(new ImportProgress(phase, items, source.bytesRead(), total));
            }
        }
    }

    /**
     * Tells the listener a phase is done, with the whole file read.
     *
     * @param finished the phase
     */
    public void done(ImportProgress.Phase finished) {
        listener.progress(new ImportProgress(finished, phase == finished ? items : 0, total, total));
    }
}
