package dev.parley.migrate;

import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.ContentRenderer;
import dev.parley.migrate.internal.CommentFactory;
import dev.parley.migrate.internal.CommentPlacer;
import dev.parley.migrate.internal.ImportKeys;
import dev.parley.migrate.internal.ImportPlan;
import dev.parley.migrate.internal.ProgressPacer;
import dev.parley.migrate.internal.ProgressTicker;
import dev.parley.migrate.internal.ReportBuilder;
import dev.parley.migrate.internal.StoreWriter;
import dev.parley.migrate.internal.ThreadByThread;
import dev.parley.migrate.internal.WritingPass;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Imports a source into a {@link CommentStore}: any store, any source size, nothing lost.
 *
 * <p><b>Thread by thread, in one reading</b> (the default for a reader whose threads
 * {@link CommentReader#threadsComeWhole() come whole} and whose ids are scoped per thread: WordPress WXR). The
 * importer keeps one thread's comments until the reader hands the thread over after them, then resolves their
 * parents by id within the thread, whatever their order, maps the thread with the {@link ThreadMapper}, and
 * writes it. A thread's new comments go to the store in one {@link CommentStore#insertAll(List)} call (one
 * transaction on a database store), all or none, when the thread has at most {@value CommentStore#MAX_BATCH}
 * of them; batches of {@link Builder#batchSize(int)} hold whole threads. A file that breaks (not well-formed,
 * truncated) leaves every thread before the break written whole and nothing of the thread the break is in: the
 * import throws {@link ImportStoppedException}, with the line and column, how many threads were written and the
 * last of them, and a report of what was written; fixing the file and running the import again completes it. A
 * thread of more than {@link Builder#maxThreadComments(int)} comments is not kept: the import falls back to two
 * passes over the whole source (the threads written before stay, and are counted as written; should the source
 * then break, the {@link ImportStoppedException} names them, and nothing after them is written), so memory stays
 * bounded whatever a thread's size. A thread id that comes back later in the file (two items of one post)
 * continues its thread, its replies finding their parents among the comments written before. The result never
 * depends on the order of the items: a thread with a reply whose parent it does not hold (an orphan, or a parent
 * in a later item of a post split over two items) is not written in one reading, but makes the import fall back
 * to two passes in the same way, before anything of that thread is written. A file whose threads all have their
 * parents, as WordPress writes them, is read once; one with an orphan costs a second reading from there.
 *
 * <p><b>Two passes</b> (for every other reader, such as Disqus's, whose posts name threads anywhere in the file,
 * and whenever {@link Builder#twoPasses(boolean)} asks for it). The first reads the whole source without
 * writing: it checks the file (a truncated or not well-formed file fails here, with nothing written), maps every
 * thread with the {@link ThreadMapper}, and indexes every comment by a key made from its source ids, so that
 * parents are found by id whatever their order in the file. The second pass reads the source again and writes, in
 * batches of {@link Builder#batchSize(int)} comments ({@link CommentStore#insertAll(List)}: one transaction per
 * batch on a database store).
 *
 * <p>Memory is about 60 bytes per comment for the index, whatever the text, plus the source URL of each linkback
 * (to keep one linkback per page and thread) and the report's counts per thread, and in one reading the comments
 * of one thread; a file is never held in memory.
 *
 * <p><b>Trees.</b> A reply stays under its parent whatever the parent's status (a deleted or spam parent
 * keeps its replies: it is a status, not a removal). A parent the source does not hold, the comment itself,
 * a parent in another thread, or a cycle of parents make the comment a root, with a warning; the source's
 * parent id stays in the comment's provenance. A reply deeper than {@link Comment#MAX_DEPTH} is stored at that
 * depth under its ancestor, still answering its own parent ({@link Comment#inReplyToId()}).
 *
 * <p><b>Ids and re-imports.</b> A comment's Parley id is derived from its source system, the
 * {@link Builder#sourceName(String) source name} and its source ids, so importing the same source again finds
 * every comment written before: a comment whose source record has not changed is left as it is, moderation
 * done in Parley included; one whose source changed is updated; one whose thread, parent, kind or date changed
 * is written anew.
 *
 * <p><b>Content.</b> The source's content is kept as the comment's text and rendered to html by the same
 * renderer as posted comments (WordPress's line-break rules for HTML; Markdown through CommonMark first).
 *
 * <p>Immutable and thread-safe; each {@link #run(CommentReader, ImportSource)} is independent.
 */
public final class Importer {

    /** The default number of comments written per batch. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The default number of warnings a report keeps (all are counted). */
    public static final int DEFAULT_MAX_WARNINGS = 10_000;
    /** The default number of comments of one thread an import in one reading keeps at once. */
    public static final int DEFAULT_MAX_THREAD_COMMENTS = 10_000;

    private final CommentStore store;
    private final ThreadMapper threadMapper;
    private final String sourceName;
    private final ContentRenderer renderer;
    private final boolean dryRun;
    private final int batchSize;
    private final int maxWarnings;
    private final ImportProgress.Listener progress;
    private final Clock clock;
    private final boolean twoPasses;
    private final int maxThreadComments;

    private Importer(Builder builder) {
        this.store = builder.store;
        this.threadMapper = builder.threadMapper;
        this.sourceName = builder.sourceName;
        this.renderer = builder.renderer;
        this.dryRun = builder.dryRun;
        this.batchSize = builder.batchSize;
        this.maxWarnings = builder.maxWarnings;
        this.progress = builder.progress;
        this.clock = builder.clock;
        this.twoPasses = builder.twoPasses;
        this.maxThreadComments = builder.maxThreadComments;
    }

    /**
     * Returns a builder; a store is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Imports a source, thread by thread in one reading or in two passes, as the class documentation tells.
     *
     * @param reader the source's format
     * @param source the file
     * @return what was done (or, in a dry run, what would be)
     * @throws ImportStoppedException if the source breaks after whole threads of it were written, in one
     *     reading: those threads stay, nothing of the broken one is written
     * @throws ImportFormatException if the source is not of the reader's format and nothing was written
     * @throws MigrateException if the thread mapper refuses a thread (in two passes nothing was written; in one
     *     reading the threads before it stay), or the source changed between the two passes
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws dev.parley.storage.StoreException if the store fails; the batches written before stay, and running
     *     the import again completes it
     */
    public ImportReport run(CommentReader reader, ImportSource source) {
        Objects.requireNonNull(reader, "reader must not be null");
        Objects.requireNonNull(source, "source must not be null");
        if (twoPasses || reader.idScope() != IdScope.THREAD || !reader.threadsComeWhole()) {
            return runTwoPasses(reader, source, new ReportBuilder(maxWarnings));
        }
        ReportBuilder report = new ReportBuilder(maxWarnings);
        try {
            return runOnce(reader, source, report);
        } catch (ThreadByThread.TwoPassesNeeded needed) {
            ReportBuilder again = new ReportBuilder(maxWarnings);
            if (!dryRun) {
                again.carryWrites(report);
            }
            try {
                return runTwoPasses(reader, source, again);
            } catch (ImportFormatException broken) {
                if (needed.threadsDone() == 0 || broken instanceof ImportStoppedException) {
                    throw broken;
                }
                // The first pass broke after the one-pass import had written whole threads: they stay, say so.
                throw new ImportStoppedException(broken, report.build(dryRun), needed.threadsDone(),
                        needed.lastThread(), needed.thread());
            }
        }
    }

    private ImportReport runOnce(CommentReader reader, ImportSource source, ReportBuilder report) {
        ImportPlan plan = new ImportPlan(reader.idScope(), new ImportKeys(reader.system(), sourceName));
        ProgressTicker ticker = new ProgressTicker(new ProgressPacer(progress, clock), source);
        StoreWriter writer = new StoreWriter(store, dryRun, batchSize, report);
        CommentPlacer placer = new CommentPlacer(plan, factory(), writer, report, ticker);
        ThreadByThread handler = new ThreadByThread(plan, threadMapper, placer, writer, report, ticker,
                maxThreadComments);
        try {
            reader.read(source, handler);
            handler.finish();
        } catch (ImportFormatException broken) {
            // Only whole threads are queued: write them, so the report and the store agree on what is in.
            flushAfter(writer, broken);
            throw new ImportStoppedException(broken, report.build(dryRun), handler.threadsDone(),
                    handler.lastThread(), handler.currentThread());
        } catch (MigrateException | UncheckedIOException | ThreadByThread.TwoPassesNeeded stopped) {
            flushAfter(writer, stopped);
            throw stopped;
        }
        writer.flush();
        ticker.done(ImportProgress.Phase.WRITING);
        return report.build(dryRun);
    }

    private static void flushAfter(StoreWriter writer, RuntimeException failure) {
        try {
            writer.flush();
        } catch (RuntimeException flushing) {
            flushing.addSuppressed(failure);
            throw flushing;
        }
    }

    private ImportReport runTwoPasses(CommentReader reader, ImportSource source, ReportBuilder report) {
        ImportKeys keys = new ImportKeys(reader.system(), sourceName);
        ImportPlan plan = new ImportPlan(reader.idScope(), keys);
        ProgressTicker ticker = new ProgressTicker(new ProgressPacer(progress, clock), source);

        reader.read(source, new CommentReader.Handler() {
            @Override
            public void thread(SourceThread thread) {
                plan.describe(thread);
                ticker.tick(ImportProgress.Phase.CHECKING);
            }

            @Override
            public void comment(SourceComment comment) {
                plan.index(comment);
                ticker.tick(ImportProgress.Phase.CHECKING);
            }

            @Override
            public void warning(ImportWarning warning) {
                // Reported in the second pass, which sees the same warnings again.
            }
        });
        ticker.done(ImportProgress.Phase.CHECKING);
        plan.mapThreads(threadMapper, report);
        plan.resolve(Comment.MAX_DEPTH);

        StoreWriter writer = new StoreWriter(store, dryRun, batchSize, report);
        CommentPlacer placer = new CommentPlacer(plan, factory(), writer, report, ticker);
        reader.read(source, new WritingPass(plan, placer, report, ticker));
        writer.flush();
        ticker.done(ImportProgress.Phase.WRITING);
        return report.build(dryRun);
    }

    private CommentFactory factory() {
        CommentRenderer base = CommentRenderer.standard() == renderer
                ? CommentRenderer.builder().maxInputLength(CommentRenderer.MAX_INPUT_LENGTH_LIMIT).build() : null;
        ContentRenderer html = base != null ? base : renderer;
        ContentRenderer markdown = base != null ? base.toBuilder().htmlParagraphs(false).build() : renderer;
        return new CommentFactory(html, markdown);
    }

    /**
     * Collects an {@link Importer}'s settings.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private CommentStore store;
        private ThreadMapper threadMapper = ThreadMapper.byPath();
        private String sourceName = "";
        private ContentRenderer renderer = CommentRenderer.standard();
        private boolean dryRun;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxWarnings = DEFAULT_MAX_WARNINGS;
        private ImportProgress.Listener progress = ImportProgress.Listener.NONE;
        private Clock clock = Clock.systemUTC();
        private boolean twoPasses;
        private int maxThreadComments = DEFAULT_MAX_THREAD_COMMENTS;

        private Builder() {
        }

        /**
         * Sets the store to import into. Required.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(CommentStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /**
         * Sets how source threads become Parley threads. The default is {@link ThreadMapper#byPath()}.
         *
         * @param threadMapper the mapping
         * @return this builder
         */
        public Builder threadMapper(ThreadMapper threadMapper) {
            this.threadMapper = Objects.requireNonNull(threadMapper, "thread mapper must not be null");
            return this;
        }

        /**
         * Names the source, so that two sources of the same system (two WordPress sites) imported into one
         * store get distinct ids. It is part of every id: import the same source under the same name each time.
         * The default is empty.
         *
         * @param sourceName the name, at most 200 characters
         * @return this builder
         */
        public Builder sourceName(String sourceName) {
            Objects.requireNonNull(sourceName, "source name must not be null");
            if (sourceName.length() > 200) {
                throw new IllegalArgumentException(
                        "source name must be at most 200 characters, was " + sourceName.length());
            }
            this.sourceName = sourceName;
            return this;
        }

        /**
         * Sets the renderer that turns content into html. The default is Parley's standard renderer with its
         * input limit raised to the whole text, and WordPress's line-break rules off for Markdown, whose HTML
         * has its breaks laid out already; a renderer set here is used as it is for every format.
         *
         * @param renderer the renderer
         * @return this builder
         */
        public Builder renderer(ContentRenderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer must not be null");
            return this;
        }

        /**
         * Reads, checks and compares with the store without writing anything. The default is false.
         *
         * @param dryRun true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Sets how many comments are written per batch. The default is {@value #DEFAULT_BATCH_SIZE}.
         *
         * @param batchSize 1 to {@value CommentStore#MAX_BATCH}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > CommentStore.MAX_BATCH) {
                throw new IllegalArgumentException(
                        "batch size must be between 1 and " + CommentStore.MAX_BATCH + ", was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets how many warnings the report keeps; all are counted. The default is
         * {@value #DEFAULT_MAX_WARNINGS}.
         *
         * @param maxWarnings 0 or more
         * @return this builder
         */
        public Builder maxWarnings(int maxWarnings) {
            if (maxWarnings < 0) {
                throw new IllegalArgumentException("max warnings must be 0 or more, was " + maxWarnings);
            }
            this.maxWarnings = maxWarnings;
            return this;
        }

        /**
         * Sets what receives progress. The default ignores it.
         *
         * @param progress the listener
         * @return this builder
         */
        public Builder progress(ImportProgress.Listener progress) {
            this.progress = Objects.requireNonNull(progress, "progress must not be null");
            return this;
        }

        /**
         * Sets the clock progress is paced by (at most one report every 250 ms). The default is the system
         * clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Makes the import read the source twice whatever the reader: the whole file is checked before anything
         * is written, so a broken file writes nothing, at the cost of a second reading. The default is false:
         * a reader whose threads come whole is imported thread by thread in one reading.
         *
         * @param twoPasses true to always read twice
         * @return this builder
         */
        public Builder twoPasses(boolean twoPasses) {
            this.twoPasses = twoPasses;
            return this;
        }

        /**
         * Sets how many comments of one thread an import in one reading keeps at once; a larger thread makes the
         * import fall back to two passes. The default is {@value #DEFAULT_MAX_THREAD_COMMENTS}, a few tens of
         * megabytes of comments.
         *
         * @param maxThreadComments 1 or more
         * @return this builder
         */
        public Builder maxThreadComments(int maxThreadComments) {
            if (maxThreadComments < 1) {
                throw new IllegalArgumentException(
                        "max thread comments must be 1 or more, was " + maxThreadComments);
            }
            this.maxThreadComments = maxThreadComments;
            return this;
        }

        /**
         * Builds the importer.
         *
         * @return the importer
         * @throws IllegalStateException if no store was set
         */
        public Importer build() {
            if (store == null) {
                throw new IllegalStateException("a store is required: call store(...)");
            }
            return new Importer(this);
        }
    }
}
