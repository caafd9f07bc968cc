package dev.parley.migrate.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The importer's index: every comment of a source by a 128-bit key, with its thread and its parent's key, and
 * after {@link #resolve(int @Nullable [], int)} its place in the tree. Primitive arrays only, about 60 bytes per
 * comment, so a source of a million comments is indexed in a few tens of megabytes whatever the size of their
 * text.
 *
 * <p>It resolves in steps: each {@link #resolve(int @Nullable [], int)} places the comments added since the last
 * one, finding parents among all comments added so far. The two-pass import adds the whole source and resolves
 * once; the thread-by-thread import adds and resolves one thread at a time.
 *
 * <p>Not API. Not thread-safe.
 */
public final class TreeIndex {

    /** No problem with the comment's parent. */
    public static final byte FINE = 0;
    /** The parent key names no comment. */
    public static final byte ORPHAN = 1;
    /** The parent key is the comment's own. */
    public static final byte SELF_PARENT = 2;
    /** The parent is in another thread. */
    public static final byte CROSS_THREAD = 3;
    /** The comment closed a cycle of parents and was made a root. */
    public static final byte CYCLE = 4;

    private static final int NONE = -1;

    private final KeyTable keys = new KeyTable();
    private long[] parentHi = new long[1024];
    private long[] parentLo = new long[1024];
    private boolean[] hasParent = new boolean[1024];
    private int[] thread = new int[1024];

    private int[] parent = new int[1024];
    private int[] root = new int[1024];
    private int[] depth = new int[1024];
    private int[] attach = new int[1024];
    private byte[] problem = new byte[1024];
    /** Comments below this index are placed. */
    private int resolved;

    /**
     * Adds a comment.
     *
     * @param hi the key's high bits
     * @param lo the key's low bits
     * @param threadOrdinal the comment's thread
     * @param withParent whether the comment names a parent
     * @param pHi the parent key's high bits, ignored without a parent
     * @param pLo the parent key's low bits, ignored without a parent
     * @return the comment's index, or -1 if the key is indexed already
     */
    public int add(long hi, long lo, int threadOrdinal, boolean withParent, long pHi, long pLo) {
        int index = keys.add(hi, lo);
        if (index == NONE) {
            return NONE;
        }
        if (index == thread.length) {
            grow();
        }
        hasParent[index] = withParent;
        parentHi[index] = pHi;
        parentLo[index] = pLo;
        thread[index] = threadOrdinal;
        return index;
    }

    /**
     * Finds a comment by key.
     *
     * @param hi the key's high bits
     * @param lo the key's low bits
     * @return its index, or -1
     */
    public int find(long hi, long lo) {
        return keys.find(hi, lo);
    }

    /**
     * Returns the number of comments indexed.
     *
     * @return the size
     */
    public int size() {
        return keys.size();
    }

    /**
     * Returns a comment's key's high bits.
     *
     * @param index the comment
     * @return the high 64 bits
     */
    public long keyHi(int index) {
        return keys.keyHi(index);
    }

    /**
     * Returns a comment's key's low bits.
     *
     * @param index the comment
     * @return the low 64 bits
     */
    public long keyLo(int index) {
        return keys.keyLo(index);
    }

    /**
     * Returns a comment's thread.
     *
     * @param index the comment
     * @return the thread ordinal it was added with
     */
    public int thread(int index) {
        return thread[index];
    }

    /**
     * Finds the parent, root and depth of every comment added since the last call, looking parents up among all
     * comments added so far. A parent that is missing, the comment itself, in another thread (by
     * {@code threadGroups}), or closes a cycle leaves the comment a root, with the problem noted. A comment deeper
     * than {@code maxDepth} is attached to its ancestor at {@code maxDepth - 1}.
     *
     * @param threadGroups for each thread ordinal, the group of threads it is stored with: parents in the same
     *     group are in the same thread; null when a parent key can only name a comment of the same thread
     * @param maxDepth the deepest level a comment is stored at
     */
    public void resolve(int @Nullable [] threadGroups, int maxDepth) {
        int size = keys.size();
        int from = resolved;
        for (int i = from; i < size; i++) {
            parent[i] = NONE;
            problem[i] = FINE;
            if (!hasParent[i]) {
                continue;
            }
            int p = find(parentHi[i], parentLo[i]);
            if (p == NONE) {
                problem[i] = ORPHAN;
            } else if (p == i) {
                problem[i] = SELF_PARENT;
            } else if (threadGroups != null && threadGroups[thread[p]] != threadGroups[thread[i]]) {
                problem[i] = CROSS_THREAD;
            } else {
                parent[i] = p;
            }
        }
        Arrays.fill(depth, from, size, NONE);
        int[] path = new int[64];
        // A walk never goes below the comments placed before: their depth is known.
        byte[] state = new byte[size - from];
        for (int start = from; start < size; start++) {
            if (depth[start] != NONE) {
                continue;
            }
            // Walk up to a comment whose depth is known, or a root, keeping the path; meeting a comment already
            // on the path means a cycle, which is cut at that comment.
            int length = 0;
            int at = start;
            while (at != NONE && depth[at] == NONE) {
                if (state[at - from] == 1) {
                    // Cut at the comment whose parent closes the loop: the last one walked, so the path still
                    // unwinds from a root downwards.
                    int last = path[length - 1];
                    parent[last] = NONE;
                    problem[last] = CYCLE;
                    break;
                }
                state[at - from] = 1;
                if (length == path.length) {
                    path = Arrays.copyOf(path, length * 2);
                }
                path[length++] = at;
                at = parent[at];
            }
            for (int k = length - 1; k >= 0; k--) {
                int node = path[k];
                state[node - from] = 2;
                int p = parent[node];
                if (p == NONE) {
                    depth[node] = 0;
                    root[node] = node;
                    attach[node] = NONE;
                } else {
                    depth[node] = depth[p] + 1;
                    root[node] = root[p];
                    if (depth[node] <= maxDepth) {
                        attach[node] = p;
                    } else {
                        // Below the deepest level: hang at maxDepth under the ancestor at maxDepth - 1, which is
                        // where the parent hangs if it is at maxDepth itself.
                        attach[node] = attach[p];
                    }
                }
            }
        }
        resolved = size;
    }

    /**
     * Returns the comment a comment answers, after {@link #resolve(int @Nullable [], int)}.
     *
     * @param index the comment
     * @return its parent's index, or -1 for a root
     */
    public int parent(int index) {
        return parent[index];
    }

    /**
     * Returns where a comment is stored in the tree: its parent, or for a comment deeper than the deepest level,
     * its ancestor at the level above it.
     *
     * @param index the comment
     * @return the index it hangs under, or -1 for a root
     */
    public int attachedTo(int index) {
        return attach[index];
    }

    /**
     * Returns a comment's root.
     *
     * @param index the comment
     * @return its root's index (its own for a root)
     */
    public int root(int index) {
        return root[index];
    }

    /**
     * Returns a comment's depth in the source's tree, which may be deeper than it is stored.
     *
     * @param index the comment
     * @return 0 for a root
     */
    public int depth(int index) {
        return depth[index];
    }

    /**
     * Returns the problem found with a comment's parent.
     *
     * @param index the comment
     * @return {@link #FINE} or one of the problem constants
     */
    public byte problem(int index) {
        return problem[index];
    }

    private void grow() {
        int capacity = thread.length * 2;
        parentHi = Arrays.copyOf(parentHi, capacity);
        parentLo = Arrays.copyOf(parentLo, capacity);
        hasParent = Arrays.copyOf(hasParent, capacity);
        thread = Arrays.copyOf(thread, capacity);
        parent = Arrays.copyOf(parent, capacity);
        root = Arrays.copyOf(root, capacity);
        depth = Arrays.copyOf(depth, capacity);
        attach = Arrays.copyOf(attach, capacity);
        problem = Arrays.copyOf(problem, capacity);
    }
}
