package dev.parley.migrate;

import java.util.Objects;

/**
 * How far an import, export or restore has come.
 *
 * <p>Immutable and thread-safe.
 *
 * @param phase what is being done
 * @param items comments (and threads) handled so far in this phase
 * @param bytesRead bytes of the file read so far in this phase, or 0 when no file is read
 * @param totalBytes the file's size, or -1 when unknown (an export, a database source)
 */
public record ImportProgress(Phase phase, long items, long bytesRead, long totalBytes) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if the phase is null
     */
    public ImportProgress {
        Objects.requireNonNull(phase, "phase must not be null");
    }

    /**
     * Returns the fraction done, from 0 to 1, when the total is known.
     *
     * @return the fraction, or -1 if the total is unknown
     */
    public double fraction() {
        if (totalBytes <= 0) {
            return -1;
        }
        return Math.min(1.0, (double) bytesRead / totalBytes);
    }

    /** The phases of a migration. */
    public enum Phase {
        /**
         * The first of two passes: the whole source is read and checked, and every comment's place in its tree
         * found. An import in one reading has no such phase.
         */
        CHECKING,
        /**
         * Comments are written (or, in a dry run, compared with the store): the second of two passes, or the
         * one reading of an import thread by thread.
         */
        WRITING,
        /** Comments are read from a store and written to a file. */
        EXPORTING
    }

    /**
     * Receives progress, on the thread doing the work, a few times a second at most. It must return quickly.
     */
    @FunctionalInterface
    public interface Listener {

        /** A listener that ignores progress. */
        Listener NONE = progress -> { };

        /**
         * Receives progress.
         *
         * @param progress how far the work has come
         */
        void progress(ImportProgress progress);
    }
}
