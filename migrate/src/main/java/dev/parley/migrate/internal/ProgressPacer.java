package dev.parley.migrate.internal;

import dev.parley.migrate.ImportProgress;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Hands progress to a listener a few times a second at most, as {@link ImportProgress.Listener} promises, and
 * always the last report of a phase.
 *
 * <p>Not API. Not thread-safe: one pacer per run, used on the thread doing the work.
 */
public final class ProgressPacer {

    /** The least time between two reports, but for the last of a phase. */
    public static final long INTERVAL_MILLIS = 250;

    private final ImportProgress.Listener listener;
    private final Clock clock;
    private boolean reported;
    private long last;

    /**
     * Creates a pacer.
     *
     * @param listener what receives progress
     * @param clock what tells the time
     */
    public ProgressPacer(ImportProgress.Listener listener, Clock clock) {
        this.listener = Objects.requireNonNull(listener, "progress listener must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * Reports progress if none was reported in the last {@value #INTERVAL_MILLIS} ms; the progress is only
     * made when it is reported.
     *
     * @param progress makes the progress to report
     */
    public void progress(Supplier<ImportProgress> progress) {
        long now = clock.millis();
        if (!reported || now - last >= INTERVAL_MILLIS) {
            reported = true;
            last = now;
            listener.progress(progress.get());
        }
    }

    /**
     * Reports the last progress of a phase, whenever the report before it was.
     *
     * @param progress the progress
     */
    public void finish(ImportProgress progress) {
        reported = true;
        last = clock.millis();
        listener.progress(progress);
    }
}
