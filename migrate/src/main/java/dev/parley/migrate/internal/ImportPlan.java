package dev.parley.migrate.internal;

import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.MigrateException;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.migrate.ThreadMapper;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an import learns of its source: the threads and their Parley keys, and every comment's key in the tree
 * index. The two-pass import fills it in its first pass and maps every thread at once; the thread-by-thread
 * import fills and maps it one thread at a time.
 *
 * <p>Not API. Not thread-safe.
 */
public final class ImportPlan {
    private final IdScope scope;
    private final ImportKeys keys;
    private final TreeIndex index = new TreeIndex();
    private final Map<String, Integer> threadOrdinals = new HashMap<>();
    private final List<String> threadIds = new ArrayList<>();
    private final List<@Nullable SourceThread> described = new ArrayList<>();
    private final BitSet withComments = new BitSet();
    private ThreadKey @Nullable [] threadKeys;
    private int @Nullable [] threadGroups;
    private int lastOccurrence;

    /**
     * Creates an empty plan.
     *
     * @param scope where the source's ids are unique
     * @param keys the key maker
     */
    public ImportPlan(IdScope scope, ImportKeys keys) {
        this.scope = scope;
        this.keys = keys;
    }

    private int ordinal(String threadId) {
        Integer ordinal = threadOrdinals.get(threadId);
        if (ordinal == null) {
            ordinal = threadIds.size();
            threadOrdinals.put(threadId, ordinal);
            threadIds.add(threadId);
            described.add(null);
        }
        return ordinal;
    }

    /**
     * Notes a thread the source describes; the first description of an id wins.
     *
     * @param thread the thread
     */
    public void describe(SourceThread thread) {
        int ordinal = ordinal(thread.id());
        if (described.get(ordinal) == null) {
            described.set(ordinal, thread);
        }
    }

    /**
     * Returns the scope a comment's id is unique in.
     *
     * @param comment the comment
     * @return its thread's id for thread-scoped ids, else empty
     */
    public String scopeOf(SourceComment comment) {
        return scope == IdScope.THREAD ? comment.threadId() : "";
    }

    /**
     * Indexes a comment under the first free occurrence of its key.
     *
     * @param comment the comment
     * @return its index in {@link #index()}; which occurrence of its key it took is {@link #lastOccurrence()}
     */
    public int index(SourceComment comment) {
        int thread = ordinal(comment.threadId());
        withComments.set(thread);
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
            int at = index.add(keys.hi(), keys.lo(), thread, parentId != null, pHi, pLo);
            if (at >= 0) {
                lastOccurrence = occurrence;
                return at;
            }
        }
    }

    /**
     * Returns which occurrence of its key the comment last {@link #index(SourceComment) indexed} took.
     *
     * @return 1 for the first comment with its id in its scope, 2 for a second one, and so on
     */
    public int lastOccurrence() {
        return lastOccurrence;
    }

    /**
     * Maps every thread that has comments, described or only named, to its Parley key, and groups threads stored together.
     *
     * @param mapper the host's mapping
     * @param report where a thread named but not described is reported
     * @throws MigrateException if the mapper refuses a thread
     */
    public void mapThreads(ThreadMapper mapper, ReportBuilder report) {
        ThreadKey[] keysByOrdinal = new ThreadKey[threadIds.size()];
        int[] groupsByOrdinal = new int[threadIds.size()];
        Map<ThreadKey, Integer> groups = new HashMap<>();
        for (int i = 0; i < threadIds.size(); i++) {
            if (!withComments.get(i)) {
                // A post without comments (a WordPress page, an attachment) is not the mapper's business.
                groupsByOrdinal[i] = -1 - i;
                continue;
            }
            ThreadKey key = map(i, mapper, report, "nothing was written");
            keysByOrdinal[i] = key;
            Integer group = groups.putIfAbsent(key, groups.size());
            groupsByOrdinal[i] = group == null ? groups.size() - 1 : group;
        }
        threadKeys = keysByOrdinal;
        threadGroups = groupsByOrdinal;
    }

    /**
     * Maps one thread, for an import that writes thread by thread: the thread a comment just
     * {@link #index(SourceComment) indexed} belongs to, described or only named.
     *
     * @param threadId the thread's id in the source
     * @param mapper the host's mapping
     * @param report where a thread named but not described is reported
     * @param written what the error says was written before, should the mapper refuse the thread
     * @return its Parley key
     * @throws MigrateException if the mapper refuses the thread
     */
    public ThreadKey mapThread(String threadId, ThreadMapper mapper, ReportBuilder report, String written) {
        return map(ordinal(threadId), mapper, report, written);
    }

    private ThreadKey map(int ordinal, ThreadMapper mapper, ReportBuilder report, String written) {
        SourceThread thread = described.get(ordinal);
        if (thread == null) {
            thread = SourceThread.ofId(threadIds.get(ordinal));
            report.warn(new ImportWarning(ImportWarning.Code.THREAD_MISSING, thread.id(), null,
                    "comments name thread " + thread.id() + ", which the source does not describe:"
                            + " mapped from its id alone"));
        }
        try {
            return Objects.requireNonNull(mapper.map(thread), "the thread mapper returned null");
        } catch (RuntimeException e) {
            throw new MigrateException("the thread mapper refused thread " + thread.id() + " (link "
                    + thread.link() + "): " + e.getMessage() + "; " + written, e);
        }
    }

    /**
     * Returns where the source's ids are unique.
     *
     * @return the scope
     */
    public IdScope scope() {
        return scope;
    }

    /**
     * Returns the key maker.
     *
     * @return the keys
     */
    public ImportKeys keys() {
        return keys;
    }

    /**
     * Returns the tree index.
     *
     * @return the index
     */
    public TreeIndex index() {
        return index;
    }

    /**
     * Resolves the tree index once the threads are mapped: parents in threads stored together are followed.
     *
     * @param maxDepth the deepest level a comment is stored at
     */
    public void resolve(int maxDepth) {
        index.resolve(Objects.requireNonNull(threadGroups, "threads must be mapped first"), maxDepth);
    }

    /**
     * Returns the Parley key of a thread, after {@link #mapThreads(ThreadMapper, ReportBuilder)}.
     *
     * @param ordinal the thread's ordinal in the index
     * @return its key
     */
    public ThreadKey threadKey(int ordinal) {
        return Objects.requireNonNull(threadKeys, "threads must be mapped first")[ordinal];
    }
}
