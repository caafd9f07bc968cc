package dev.parley.migrate.backup;

import dev.parley.migrate.ImportFormatException;
import dev.parley.storage.Comment;
import dev.parley.storage.Linkback;
import java.util.Arrays;

/**
 * What pass 1 of a restore keeps of each comment to check the backup's trees once the whole file has been read:
 * 128-bit hashes of its id, its thread, its parent and its root, its depth and its line, in arrays, never the
 * strings. Each comment takes 69 bytes (four 16-byte hashes, a 4-byte line, a 1-byte depth) in arrays that double
 * as they fill, so up to 138 bytes are allocated for it, and 8 to 16 bytes of the id table's slots; a linkback
 * takes 16 bytes more for the hash of its thread and source URL (up to 32 allocated) and 8 to 16 of slots.
 *
 * <p>The rules are the store's: a root (depth 0) is its own root; a reply's parent is in the backup, in the same
 * thread, with the same root, one level up. A reply the engine attached beside the comment it answered (at its
 * deepest level) has that stored parent, so the rule holds for it too.
 *
 * <p>Not thread-safe: one per restore pass.
 */
final class TreeCheck {

    private final HashedKeys ids = new HashedKeys();
    private final HashedKeys linkbacks = new HashedKeys();
    private long[] thread = new long[2 * 1_024];
    private long[] parent = new long[2 * 1_024];
    private long[] root = new long[2 * 1_024];
    private byte[] depth = new byte[1_024];
    private int[] line = new int[1_024];

    /**
     * Adds a comment.
     *
     * @param comment the comment
     * @param at its line in the file
     * @throws ImportFormatException if its id or its linkback (thread and source URL) was read before
     */
    void add(Comment comment, int at) {
        ids.hash(comment.id().value());
        int index = ids.addLast();
        if (index < 0) {
            throw new ImportFormatException("comment " + comment.id() + " appears twice in the backup", at, 1, null);
        }
        Linkback linkback = comment.linkback();
        if (linkback != null) {
            linkbacks.hash(comment.thread().value(), linkback.sourceUrl());
            if (linkbacks.addLast() < 0) {
                throw new ImportFormatException("comment " + comment.id() + " is a second linkback from "
                        + linkback.sourceUrl() + " in thread " + comment.thread(), at, 1, null);
            }
        }
        if (index == depth.length) {
            thread = Arrays.copyOf(thread, thread.length * 2);
            parent = Arrays.copyOf(parent, parent.length * 2);
            root = Arrays.copyOf(root, root.length * 2);
            depth = Arrays.copyOf(depth, depth.length * 2);
            line = Arrays.copyOf(line, line.length * 2);
        }
        ids.hash(comment.thread().value());
        store(thread, index, ids);
        if (comment.parentId() != null) {
            ids.hash(comment.parentId().value());
            store(parent, index, ids);
        }
        ids.hash(comment.rootId().value());
        store(root, index, ids);
        depth[index] = (byte) comment.depth();
        line[index] = at;
    }

    /**
     * Checks every comment added, in file order.
     *
     * @throws ImportFormatException naming the line of the first comment that breaks a rule, and the rule
     */
    void check() {
        for (int i = 0; i < ids.size(); i++) {
            if (depth[i] == 0) {
                if (ids.keyHi(i) != root[2 * i] || ids.keyLo(i) != root[2 * i + 1]) {
                    throw broken(i, "a root comment whose root id is not its own id");
                }
                continue;
            }
            int p = ids.find(parent[2 * i], parent[2 * i + 1]);
            if (p < 0) {
                throw broken(i, "its parent is not in the backup");
            }
            if (thread[2 * i] != thread[2 * p] || thread[2 * i + 1] != thread[2 * p + 1]) {
                throw broken(i, "its parent is in another thread");
            }
            if (root[2 * i] != root[2 * p] || root[2 * i + 1] != root[2 * p + 1]) {
                throw broken(i, "its root id is not its parent's root id");
            }
            if (depth[i] != depth[p] + 1) {
                throw broken(i, "its depth " + depth[i] + " is not its parent's depth " + depth[p] + " plus one");
            }
        }
    }

    private ImportFormatException broken(int index, String what) {
        return new ImportFormatException("the comment does not fit the backup's trees: " + what, line[index], 1,
                null);
    }

    private static void store(long[] pairs, int index, HashedKeys hashes) {
        pairs[2 * index] = hashes.hi();
        pairs[2 * index + 1] = hashes.lo();
    }
}
