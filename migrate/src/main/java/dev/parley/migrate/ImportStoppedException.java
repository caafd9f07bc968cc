package dev.parley.migrate;

import org.jspecify.annotations.Nullable;

/**
 * A source broke (not well-formed, truncated, unreadable at a point) after an import that writes thread by
 * thread had written whole threads of it. Every thread before the break is written whole, with all its
 * comments; nothing of the thread the break is in is written. {@link #report()} counts what was written, by
 * thread; the message gives the line and column of the break, how many threads were written and the last of
 * them. Fixing the file and running the same import again completes it: the threads written are found
 * unchanged, by their ids.
 *
 * <p>Immutable once thrown.
 */
public final class ImportStoppedException extends ImportFormatException {

    private static final long serialVersionUID = 1L;

    private final transient ImportReport report;
    private final long threadsWritten;
    private final @Nullable String lastThread;

    /**
     * Creates the exception.
     *
     * @param cause the reader's exception, whose place and message it repeats
     * @param report what was written before the break
     * @param threadsWritten how many source threads with comments were written whole
     * @param lastThread the source id of the last of them, or null if none was
     * @param brokenThread the source id of the thread the break is in, or null if not known
     */
    public ImportStoppedException(ImportFormatException cause, ImportReport report, long threadsWritten,
            @Nullable String lastThread, @Nullable String brokenThread) {
        super(cause.detail() + "; " + written(report, threadsWritten, lastThread, brokenThread), cause.line(),
                cause.column(), cause);
        this.report = report;
        this.threadsWritten = threadsWritten;
        this.lastThread = lastThread;
    }

    private static String written(ImportReport report, long threads, @Nullable String last,
            @Nullable String broken) {
        String where = broken == null ? "" : " of thread " + broken;
        if (threads == 0) {
            return "nothing was written" + where.replace(" of thread", ", the break is in thread");
        }
        return (report.dryRun() ? "a dry run: nothing was written, but " : "")
                + (threads == 1 ? "the thread before the break was"
                        : "the " + threads + " threads before the break were")
                + " imported whole (" + report.read() + " comments, the last thread "
                + last + ") and nothing" + where + " was; fix the file and run the import again to complete it";
    }

    /**
     * Returns what was written before the break: counts by thread, status and kind, and warnings.
     *
     * @return the report
     */
    public ImportReport report() {
        return report;
    }

    /**
     * Returns how many source threads with comments were written whole before the break.
     *
     * @return the count
     */
    public long threadsWritten() {
        return threadsWritten;
    }

    /**
     * Returns the last source thread written whole.
     *
     * @return its source id, or null if none was written
     */
    public @Nullable String lastThread() {
        return lastThread;
    }
}
