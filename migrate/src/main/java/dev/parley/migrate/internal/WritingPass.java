package dev.parley.migrate.internal;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.MigrateException;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;

/**
 * The two-pass import's second pass: finds each comment in the plan its first pass made, and hands it to the
 * placer.
 *
 * <p>Not API. Not thread-safe.
 */
public final class WritingPass implements CommentReader.Handler {
    private final ImportPlan plan;
    private final CommentPlacer placer;
    private final ReportBuilder report;
    private final ProgressTicker ticker;
    private final boolean[] seen;

    /**
     * Creates the pass.
     *
     * @param plan what the first pass learned, resolved and with its threads mapped
     * @param placer builds and writes each comment
     * @param report collects counts and warnings
     * @param ticker tells progress
     */
    public WritingPass(ImportPlan plan, CommentPlacer placer, ReportBuilder report, ProgressTicker ticker) {
        this.plan = plan;
        this.placer = placer;
        this.report = report;
        this.ticker = ticker;
        this.seen = new boolean[plan.index().size()];
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
        TreeIndex index = plan.index();
        String scopeKey = plan.scopeOf(comment);
        int at;
        int occurrence = 1;
        while (true) {
            plan.keys().key(scopeKey, comment.id(), occurrence);
            at = index.find(plan.keys().hi(), plan.keys().lo());
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
        placer.place(comment, at, occurrence, plan.threadKey(index.thread(at)));
    }
}
