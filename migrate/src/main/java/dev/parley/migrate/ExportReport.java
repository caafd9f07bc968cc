package dev.parley.migrate;

import java.util.List;

/**
 * What an export wrote: comments and threads, and every value it could not write exactly (a character XML
 * cannot hold, a comment whose parent id the format cannot express).
 *
 * <p>Immutable and thread-safe.
 *
 * @param comments comments written
 * @param threads threads written
 * @param warnings what could not be written exactly, one line each, naming the comment
 */
public record ExportReport(long comments, long threads, List<String> warnings) {

    /**
     * Copies the warnings.
     *
     * @throws NullPointerException if the warnings are null
     */
    public ExportReport {
        warnings = List.copyOf(warnings);
    }
}
