package dev.parley.migrate;

import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.ContentRenderer;
import dev.parley.migrate.internal.CommentFactory;
import dev.parley.migrate.internal.ImportKeys;
import dev.parley.migrate.internal.ReportBuilder;
import dev.parley.migrate.internal.StoreWriter;
import dev.parley.migrate.internal.TreeIndex;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports a source into a {@link CommentStore}: any store, any source size, nothing lost.
 *
 * <p><b>Two passes.</b> The first reads the whole source without writing: it checks the file (a truncated or
 * not well-formed file fails here, with nothing written), maps every thread with the {@link ThreadMapper}, and
 * indexes every comment by a key made from its source ids, so that parents are found by id whatever their
 * order in the file. The second pass reads the source again and writes, in batches of
 * {@link Builder#batchSize(int)} comments ({@link CommentStore#insertAll(List)}: one transaction per batch on a
 * database store). Memory is about 60 bytes per comment for the index, whatever the text; a file is never
 * held in memory.
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

    private final CommentStore store;
    private final ThreadMapper threadMapper;
    private final String sourceName;
    private final ContentRenderer renderer;
    private final boolean dryRun;
    private final int batchSize;
    private final int maxWarnings;
    private final ImportProgress.Listener progress;

    private Importer(Builder builder) {
        this.store = builder.store;
        this.threadMapper = builder.threadMapper;
        this.sourceName = builder.sourceName;
        this.renderer = builder.renderer;
        this.dryRun = builder.dryRun;
        this.batchSize = builder.batchSize;
        this.maxWarnings = builder.maxWarnings;
        this.progress = builder.progress;
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
     * Imports a source.
     *
     * @param reader the source's format
     * @param source the file
     * @return what was done (or, in a dry run, what would be)
     * @throws ImportFormatException if the source is not of the reader's format; nothing was written
     * @throws MigrateException if the thread mapper refuses a thread (nothing was written), or the source
     *     changed between the two passes
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws dev.parley.storage.StoreException if the store fails; the batches written before stay, and running
     *     the import again completes it
     */
    public ImportReport run(CommentReader reader, ImportSource source) {
        Objects.requireNonNull(reader, "reader must not be null");
        Objects.requireNonNull(source, "source must not be null");
        ReportBuilder report = new ReportBuilder(maxWarnings);
        ImportKeys keys = new ImportKeys(reader.system(), sourceName);
        Plan plan = new Plan(reader.idScope(), keys);
        Ticker ticker = new Ticker(progress, source);

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
        plan.index.resolve(plan.threadGroups, Comment.MAX_DEPTH);

        CommentRenderer base = CommentRenderer.standard() == renderer
                ? CommentRenderer.builder().maxInputLength(CommentRenderer.MAX_INPUT_LENGTH_LIMIT).build() : null;
        ContentRenderer html = base != null ? base : renderer;
        ContentRenderer markdown = base != null ? base.toBuilder().htmlParagraphs(false).build() : renderer;
        CommentFactory factory = new CommentFactory(html, markdown);
        StoreWriter writer = new StoreWriter(store, dryRun, batchSize, report);
        SecondPass second = new SecondPass(plan, factory, writer, report, ticker);
        reader.read(source, second);
        writer.flush();
        ticker.done(ImportProgress.Phase.WRITING);
        return report.build(dryRun);
    }

    /** What the first pass learned: threads, and every comment's key in the tree index. */
    private static final class Plan {
        final IdScope scope;
        final ImportKeys keys;
        final TreeIndex index = new TreeIndex();
        final Map<String, Integer> threadOrdinals = new HashMap<>();
        final List<String> threadIds = new ArrayList<>();
        final List<SourceThread> described = new ArrayList<>();
        ThreadKey[] threadKeys;
        int[] threadGroups;

        Plan(IdScope scope, ImportKeys keys) {
            this.scope = scope;
            this.keys = keys;
        }

        int ordinal(String threadId) {
            Integer ordinal = threadOrdinals.get(threadId);
            if (ordinal == null) {
                ordinal = threadIds.size();
                threadOrdinals.put(threadId, ordinal);
                threadIds.add(threadId);
                described.add(null);
            }
            return ordinal;
        }

        void describe(SourceThread thread) {
            int ordinal = ordinal(thread.id());
            if (described.get(ordinal) == null) {
                described.set(ordinal, thread);
            }
        }

        String scopeOf(SourceComment comment) {
            return scope == IdScope.THREAD ? comment.threadId() : "";
        }

        void index(SourceComment comment) {
            int thread = ordinal(comment.threadId());
            String scopeKey = scopeOf(comment);
            String parentId = comment.parentId();
            long pHi = 0;
            long pLo = 0;
            if (parentId != null) {
                keys.key(scopeKey, parentId, 1);
                pHi = keys.hi();
                pLo = keys.lo();
            }
            for (int occurrence = 1; ; occurrence++) {
                keys.key(scopeKey, comment.id(), occurrence);
                if (index.add(keys.hi(), keys.lo(), thread, parentId != null, pHi, pLo) >= 0) {
                    return;
                }
            }
        }

        void mapThreads(ThreadMapper mapper, ReportBuilder report) {
            threadKeys = new ThreadKey[threadIds.size()];
            threadGroups = new int[threadIds.size()];
            Map<ThreadKey, Integer> groups = new HashMap<>();
            for (int i = 0; i < threadIds.size(); i++) {
                SourceThread thread = described.get(i);
                if (thread == null) {
                    thread = SourceThread.ofId(threadIds.get(i));
                    report.warn(new ImportWarning(ImportWarning.Code.THREAD_MISSING, thread.id(), null,
                            "comments name thread " + thread.id() + ", which the source does not describe:"
                                    + " mapped from its id alone"));
                }
                ThreadKey key;
                try {
                    key = Objects.requireNonNull(mapper.map(thread), "the thread mapper returned null");
                } catch (RuntimeException e) {
                    throw new MigrateException("the thread mapper refused thread " + thread.id() + " (link "
                            + thread.link() + "): " + e.getMessage() + "; nothing was written", e);
                }
                threadKeys[i] = key;
                Integer group = groups.putIfAbsent(key, groups.size());
                threadGroups[i] = group == null ? groups.size() - 1 : group;
            }
        }
    }

    /** The second pass: places each comment in its tree, builds it and hands it to the writer. */
    private static final class SecondPass implements CommentReader.Handler {
        private final Plan plan;
        private final CommentFactory factory;
        private final StoreWriter writer;
        private final ReportBuilder report;
        private final Ticker ticker;
        private final boolean[] seen;
        private final Map<ThreadKey, Set<String>> linkbackSources = new HashMap<>();

        SecondPass(Plan plan, CommentFactory factory, StoreWriter writer, ReportBuilder report, Ticker ticker) {
            this.plan = plan;
            this.factory = factory;
            this.writer = writer;
            this.report = report;
            this.ticker = ticker;
            this.seen = new boolean[plan.index.size()];
        }

        @Override
        public void thread(SourceThread thread) {
            ticker.tick(ImportProgress.Phase.WRITING);
        }

        @Override
        public void warning(ImportWarning warning) {
            report.warn(warning);
        }

        @Override
        public void comment(SourceComment comment) {
            TreeIndex index = plan.index;
            String scopeKey = plan.scopeOf(comment);
            int at = -1;
            int occurrence = 1;
            while (true) {
                plan.keys.key(scopeKey, comment.id(), occurrence);
                at = index.find(plan.keys.hi(), plan.keys.lo());
                if (at < 0) {
                    throw new MigrateException("comment " + comment.id() + " of thread " + comment.threadId()
                            + " was not in the source's first reading: the file changed during the import");
                }
                if (!seen[at]) {
                    seen[at] = true;
                    break;
                }
                occurrence++;
            }
            for (ImportWarning warning : comment.warnings()) {
                report.warn(warning);
            }
            if (occurrence > 1) {
                report.warn(new ImportWarning(ImportWarning.Code.DUPLICATE_ID, comment.threadId(), comment.id(),
                        "id " + comment.id() + " is used by " + occurrence + " comments: imported under a key of"
                                + " its own; replies attach to the first"));
            }
            ThreadKey thread = plan.threadKeys[index.thread(at)];
            Comment.Builder placed = Comment.builder().id(id(at)).thread(thread);
            placeInTree(comment, at, placed);

            boolean linkbackAllowed = true;
            String source = CommentFactory.linkbackSource(comment);
            if (source != null) {
                linkbackAllowed = linkbackSources.computeIfAbsent(thread, t -> new HashSet<>()).add(source);
            }
            Comment built = factory.build(comment, placed, linkbackAllowed, report::warn);
            report.read(thread, built.status(), built.kind(), comment.provenance().type());
            writer.write(built, report::warn);
            ticker.tick(ImportProgress.Phase.WRITING);
        }

        private void placeInTree(SourceComment comment, int at, Comment.Builder placed) {
            TreeIndex index = plan.index;
            switch (index.problem(at)) {
                case TreeIndex.ORPHAN -> warn(comment, ImportWarning.Code.ORPHAN_PARENT, "parent "
                        + comment.parentId() + " is not in the source" + (plan.scope == IdScope.THREAD
                                ? " (in this thread)" : "") + ": imported as a root");
                case TreeIndex.SELF_PARENT -> warn(comment, ImportWarning.Code.SELF_PARENT,
                        "the comment names itself as its parent: imported as a root");
                case TreeIndex.CROSS_THREAD -> warn(comment, ImportWarning.Code.CROSS_THREAD_PARENT, "parent "
                        + comment.parentId() + " is in another thread: imported as a root");
                case TreeIndex.CYCLE -> warn(comment, ImportWarning.Code.PARENT_CYCLE, "parent "
                        + comment.parentId() + " leads back to this comment: the cycle is cut here, as a root");
                default -> { }
            }
            int parent = index.parent(at);
            if (parent < 0) {
                placed.asRoot();
                return;
            }
            int depth = index.depth(at);
            if (depth > Comment.MAX_DEPTH) {
                warn(comment, ImportWarning.Code.DEPTH_CAPPED, "reply at depth " + depth + " stored at depth "
                        + Comment.MAX_DEPTH + ", still answering " + comment.parentId());
            }
            placed.parentId(id(index.attachedTo(at)))
                    .rootId(id(index.root(at)))
                    .depth(Math.min(depth, Comment.MAX_DEPTH))
                    .inReplyToId(id(parent));
        }

        private CommentId id(int at) {
            return plan.keys.commentId(plan.index.keyHi(at), plan.index.keyLo(at));
        }

        private void warn(SourceComment comment, ImportWarning.Code code, String message) {
            report.warn(new ImportWarning(code, comment.threadId(), comment.id(), message));
        }
    }

    /** Tells the progress listener how far a pass is, at most five times a second. */
    private static final class Ticker {
        private static final long INTERVAL_NANOS = 200_000_000L;
        private final ImportProgress.Listener listener;
        private final ImportSource source;
        private final long total;
        private long items;
        private long last = System.nanoTime();
        private ImportProgress.Phase phase = ImportProgress.Phase.CHECKING;

        Ticker(ImportProgress.Listener listener, ImportSource source) {
            this.listener = listener;
            this.source = source;
            this.total = source.size();
        }

        void tick(ImportProgress.Phase current) {
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

        void done(ImportProgress.Phase finished) {
            listener.progress(new ImportProgress(finished, phase == finished ? items : 0, total, total));
        }
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
