package dev.parley.migrate.internal;

import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Places an indexed, resolved comment in its tree, builds it and hands it to the writer, reporting what it
 * meets: the step both import modes end each comment with.
 *
 * <p>Not API. Not thread-safe.
 */
public final class CommentPlacer {
    private final ImportPlan plan;
    private final CommentFactory factory;
    private final StoreWriter writer;
    private final ReportBuilder report;
    private final ProgressTicker ticker;
    private final Map<ThreadKey, Set<String>> linkbackSources = new HashMap<>();

    /**
     * Creates the placer.
     *
     * @param plan the index the comments are resolved in
     * @param factory builds the comments
     * @param writer writes them
     * @param report collects counts and warnings
     * @param ticker tells progress
     */
    public CommentPlacer(ImportPlan plan, CommentFactory factory, StoreWriter writer, ReportBuilder report,
            ProgressTicker ticker) {
        this.plan = plan;
        this.factory = factory;
        this.writer = writer;
        this.report = report;
        this.ticker = ticker;
    }

    /**
     * Builds and writes a comment.
     *
     * @param comment the source comment
     * @param at its index in the plan's resolved tree index
     * @param occurrence which occurrence of its id in its scope it is, from 1
     * @param thread its Parley thread
     */
    public void place(SourceComment comment, int at, int occurrence, ThreadKey thread) {
        for (ImportWarning warning : comment.warnings()) {
            report.warn(warning);
        }
        if (occurrence > 1) {
            report.warn(new ImportWarning(ImportWarning.Code.DUPLICATE_ID, comment.threadId(), comment.id(),
                    "id " + comment.id() + " is used by " + occurrence + " comments: imported under a key of"
                            + " its own; replies attach to the first"));
        }
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
        TreeIndex index = plan.index();
        switch (index.problem(at)) {
            case TreeIndex.ORPHAN -> warn(comment, ImportWarning.Code.ORPHAN_PARENT, "parent "
                    + comment.parentId() + " is not in the source" + (plan.scope() == IdScope.THREAD
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
        return plan.keys().commentId(plan.index().keyHi(at), plan.index().keyLo(at));
    }

    private void warn(SourceComment comment, ImportWarning.Code code, String message) {
        report.warn(new ImportWarning(code, comment.threadId(), comment.id(), message));
    }
}
