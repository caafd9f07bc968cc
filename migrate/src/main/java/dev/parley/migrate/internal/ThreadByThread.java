package dev.parley.migrate.internal;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.MigrateException;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.migrate.ThreadMapper;
import dev.parley.storage.Comment;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one-pass import, for a source whose threads come whole and whose ids are scoped per thread: it keeps one
 * thread's records until the reader hands the thread over after them, then indexes the thread, resolves its
 * parents by id (replies before parents, orphans, self-parents and cycles as the two-pass import finds them),
 * maps it, and builds and queues every comment of it. A thread the reader never finishes (the file breaks
 * inside it) is never written.
 *
 * <p>Two cases throw {@link TwoPassesNeeded} out of the reader, so that the import falls back to two passes: a
 * thread of more than the buffer's bound, before the comment past the bound is kept; and a thread with a reply
 * whose parent is not among the comments of that thread read so far, before anything of that thread is queued.
 * Such a parent may come in a later item of the same post (a post split over two items), and only two passes
 * attach the reply to it whatever the order; the threads queued before are whole and have every parent, so no
 * later item can change them.
 *
 * <p>Not API. Not thread-safe.
 */
public final class ThreadByThread implements CommentReader.Handler {

    private final ImportPlan plan;
    private final ThreadMapper mapper;
    private final CommentPlacer placer;
    private final StoreWriter writer;
    private final ReportBuilder report;
    private final ProgressTicker ticker;
    private final int maxBuffered;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, ThreadKey> mapped = new HashMap<>();
    private int buffered;
    private long threadsDone;
    private @Nullable String lastThread;

    /**
     * Creates the handler.
     *
     * @param plan the index, filled thread by thread
     * @param mapper the host's thread mapping
     * @param placer builds and writes each comment
     * @param writer what the placer writes to, told where threads begin
     * @param report collects counts and warnings
     * @param ticker tells progress
     * @param maxBuffered the most comments of one thread kept at once
     */
    public ThreadByThread(ImportPlan plan, ThreadMapper mapper, CommentPlacer placer, StoreWriter writer,
            ReportBuilder report, ProgressTicker ticker, int maxBuffered) {
        this.plan = plan;
        this.mapper = mapper;
        this.placer = placer;
        this.writer = writer;
        this.report = report;
        this.ticker = ticker;
        this.maxBuffered = maxBuffered;
    }

    @Override
    public void comment(SourceComment comment) {
        if (buffered == maxBuffered) {
            throw new TwoPassesNeeded("thread " + comment.threadId() + " has more than " + maxBuffered
                    + " comments", comment.threadId(), threadsDone, lastThread);
        }
        pending.add(new Pending(comment, null));
        buffered++;
    }

    @Override
    public void warning(ImportWarning warning) {
        // Kept in order with the comments, so the report lists warnings in file order as the two-pass import does.
        pending.add(new Pending(null, warning));
    }

    @Override
    public void thread(SourceThread thread) {
        plan.describe(thread);
        ticker.tick(ImportProgress.Phase.WRITING);
        end(thread.id(), true);
    }

    /** Ends the source: comments the reader left without their thread are written under the thread they name. */
    public void finish() {
        String threadId = null;
        for (Pending record : pending) {
            if (record.comment() != null) {
                threadId = record.comment().threadId();
                break;
            }
        }
        if (threadId != null) {
            end(threadId, false);
        }
        for (Pending record : pending) {
            report.warn(record.warning());
        }
        pending.clear();
    }

    /**
     * Returns how many threads with comments have been queued whole for writing.
     *
     * @return the count
     */
    public long threadsDone() {
        return threadsDone;
    }

    /**
     * Returns the last thread queued whole.
     *
     * @return its source id, or null before the first
     */
    public @Nullable String lastThread() {
        return lastThread;
    }

    /**
     * Returns the thread being read: the one the comments kept so far name.
     *
     * @return its source id, or null if no comment of it has been read
     */
    public @Nullable String currentThread() {
        for (Pending record : pending) {
            if (record.comment() != null) {
                return record.comment().threadId();
            }
        }
        return null;
    }

    /** Ends a thread; {@code more} tells whether the source may hold more of it, so a parent could still come. */
    private void end(String threadId, boolean more) {
        if (buffered == 0) {
            for (Pending record : pending) {
                report.warn(record.warning());
            }
            pending.clear();
            return;
        }
        int[] at = new int[buffered];
        int[] occurrence = new int[buffered];
        int n = 0;
        for (Pending record : pending) {
            SourceComment comment = record.comment();
            if (comment == null) {
                continue;
            }
            if (!comment.threadId().equals(threadId)) {
                throw new MigrateException("the reader handed thread " + threadId + " over after a comment of"
                        + " thread " + comment.threadId() + ": its threads do not come whole");
            }
            at[n] = plan.index(comment);
            occurrence[n++] = plan.lastOccurrence();
        }
        plan.index().resolve(null, Comment.MAX_DEPTH);
        for (int i = 0; more && i < n; i++) {
            if (plan.index().problem(at[i]) == TreeIndex.ORPHAN) {
                throw new TwoPassesNeeded("thread " + threadId + " has a reply whose parent it does not hold yet",
                        threadId, threadsDone, lastThread);
            }
        }
        ThreadKey key = mapped.get(threadId);
        if (key == null) {
            key = plan.mapThread(threadId, mapper, report, "the " + threadsDone + " threads before it were"
                    + " imported whole and stay; nothing of this one was written");
            mapped.put(threadId, key);
        }
        writer.startThread(buffered);
        n = 0;
        for (Pending record : pending) {
            SourceComment comment = record.comment();
            if (comment == null) {
                report.warn(record.warning());
            } else {
                placer.place(comment, at[n], occurrence[n], key);
                n++;
            }
        }
        pending.clear();
        buffered = 0;
        threadsDone++;
        lastThread = threadId;
    }

    /** One record kept in file order: a comment or a warning. */
    private record Pending(@Nullable SourceComment comment, @Nullable ImportWarning warning) {
    }

    /**
     * The one-pass import cannot go on without holding too much or depending on the order of the file: the
     * import falls back to two passes. Either a thread holds more comments than the one-pass import keeps at
     * once, or a thread has a reply whose parent a later item of the same thread could supply.
     */
    public static final class TwoPassesNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String thread;
        private final long threadsDone;
        private final @Nullable String lastThread;

        /**
         * Creates the signal.
         *
         * @param why what the one-pass import met
         * @param thread the thread it met it in, of which nothing was queued
         * @param threadsDone how many threads were queued whole before
         * @param lastThread the last of them, or null
         */
        TwoPassesNeeded(String why, String thread, long threadsDone, @Nullable String lastThread) {
            super(why, null, false, false);
            this.thread = thread;
            this.threadsDone = threadsDone;
            this.lastThread = lastThread;
        }

        /**
         * Returns the thread the one-pass import stopped in; nothing of it was queued.
         *
         * @return its source id
         */
        public String thread() {
            return thread;
        }

        /**
         * Returns how many threads were queued whole before the one-pass import stopped.
         *
         * @return the count
         */
        public long threadsDone() {
            return threadsDone;
        }

        /**
         * Returns the last thread queued whole before the one-pass import stopped.
         *
         * @return its source id, or null if none was
         */
        public @Nullable String lastThread() {
            return lastThread;
        }
    }
}
