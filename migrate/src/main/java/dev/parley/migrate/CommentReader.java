package dev.parley.migrate;

/**
 * Reads one source format and hands each thread and comment to a {@link Handler}, streaming: a reader keeps no
 * more than one record in memory, whatever the file's size.
 *
 * <p>A reader maps what it can (status, kind, dates in UTC) and keeps every raw value in the comment's
 * {@link dev.parley.storage.Provenance}; it does not resolve parents, which is the {@link Importer}'s second
 * pass. It may be called several times on the same source and must hand over the same records each time.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface CommentReader {

    /**
     * Returns the source system's name, the {@link dev.parley.storage.Provenance#system()} of every comment it
     * reads: {@code wordpress}, {@code disqus}, {@code remark42}, {@code isso}.
     *
     * @return the name
     */
    String system();

    /**
     * Tells where the source's comment ids are unique.
     *
     * @return the scope of ids and parent ids
     */
    IdScope idScope();

    /**
     * Tells whether the reader hands each thread over whole: all of a thread's comments (and its warnings) one
     * after another, then the thread itself, before anything of the next thread. With ids scoped per thread
     * ({@link IdScope#THREAD}) that lets the {@link Importer} write thread by thread in one reading. A thread id
     * may still come back later in the source (two items of one post); its comments are then a continuation of
     * the thread, and since a reply in the earlier part may answer a comment of the later one, the importer falls
     * back to two passes when a part of a thread ends with a parent it does not hold. The default is false, for
     * readers that make no such promise.
     *
     * @return true if threads come whole
     */
    default boolean threadsComeWhole() {
        return false;
    }

    /**
     * Reads the whole source.
     *
     * <p>A thread may be handed over before or after its comments, or never (a comment then names a thread the
     * source does not describe). A record the reader cannot take as a comment at all is reported through
     * {@link Handler#warning(ImportWarning)} and skipped; a file that is not of the format (not well-formed,
     * truncated) throws.
     *
     * @param source the file
     * @param handler what receives the records, on the calling thread
     * @throws ImportFormatException if the file is not of this format, with the line and column when known
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    void read(ImportSource source, Handler handler);

    /**
     * Receives what a reader reads, in source order.
     */
    interface Handler {

        /**
         * Receives a thread.
         *
         * @param thread the thread
         */
        void thread(SourceThread thread);

        /**
         * Receives a comment.
         *
         * @param comment the comment
         */
        void comment(SourceComment comment);

        /**
         * Receives a warning not tied to one comment (a record skipped, a thread described twice).
         *
         * @param warning the warning
         */
        void warning(ImportWarning warning);
    }
}
