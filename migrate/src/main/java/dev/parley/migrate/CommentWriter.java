package dev.parley.migrate;

import dev.parley.storage.CommentStore;
import java.io.OutputStream;

/**
 * Writes every comment of a store to one export format (WordPress WXR, Disqus's import format, Parley's own
 * backup), streaming: it reads the store page by page, whatever its size.
 *
 * <p>A writer gives back the source's own values where an imported comment's
 * {@link dev.parley.storage.Provenance} holds them and they still agree with the comment (a WordPress raw
 * status that still maps to the comment's status, say), and Parley's values otherwise.
 *
 * <p>Implementations are immutable and thread-safe; one call writes one file.
 */
public interface CommentWriter {

    /**
     * Writes the store's comments.
     *
     * @param store the store to read
     * @param out where to write; flushed, not closed
     * @param progress what receives progress, phase {@link ImportProgress.Phase#EXPORTING}
     * @return what was written, and what could not be written exactly
     * @throws java.io.UncheckedIOException if writing fails
     * @throws dev.parley.storage.StoreException if reading the store fails
     */
    ExportReport write(CommentStore store, OutputStream out, ImportProgress.Listener progress);
}
