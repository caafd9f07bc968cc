package dev.parley.migrate.wxr;

import dev.parley.storage.Comment;
import dev.parley.storage.Provenance;
import dev.parley.storage.ThreadKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the numbers a WXR export gives comments and posts: a WordPress comment's own id and post id back when
 * they are numbers and unique in the file, fresh numbers above every such id for the rest.
 *
 * <p>It sees every comment once before the export writes ({@link #observe}), keeping the WordPress ids in a
 * sorted {@code long[]} (8 bytes a comment) and one candidate post id per thread. Of several comments sharing an
 * id (imported from two sites, say), the first written keeps it.
 *
 * <p>Not thread-safe: one instance per export.
 */
final class WxrNumbering {

    /** A positive number in canonical form: what WordPress writes, and what survives its integer casts. */
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final long CONFLICT = -1;

    private long[] rawIds = new long[64];
    private int rawCount;
    private final Map<ThreadKey, Long> postCandidates = new HashMap<>();

    private long[] duplicates = new long[0];
    private final Set<Long> claimedDuplicates = new HashSet<>();
    private final Set<Long> usedPostIds = new HashSet<>();
    private long nextCommentId = 1;
    private long nextPostId = 1;
    private boolean sealed;

    /**
     * Takes note of a comment of the store.
     *
     * @param comment the comment
     */
    void observe(Comment comment) {
        Provenance provenance = wordPress(comment);
        if (provenance == null) {
            return;
        }
        long id = number(provenance.sourceId());
        if (id > 0) {
            if (rawCount == rawIds.length) {
                rawIds = Arrays.copyOf(rawIds, rawIds.length * 2);
            }
            rawIds[rawCount++] = id;
        }
        long post = number(provenance.threadId());
        Long candidate = postCandidates.get(comment.thread());
        if (candidate == null) {
            postCandidates.put(comment.thread(), post > 0 ? post : CONFLICT);
        } else if (candidate != post) {
            postCandidates.put(comment.thread(), CONFLICT);
        }
    }

    /**
     * Ends the observation: finds the shared ids and where fresh numbers start.
     */
    void seal() {
        rawIds = Arrays.copyOf(rawIds, rawCount);
        Arrays.sort(rawIds);
        long[] shared = new long[rawCount];
        int sharedCount = 0;
        for (int i = 1; i < rawCount; i++) {
            if (rawIds[i] == rawIds[i - 1] && (sharedCount == 0 || shared[sharedCount - 1] != rawIds[i])) {
                shared[sharedCount++] = rawIds[i];
            }
        }
        duplicates = Arrays.copyOf(shared, sharedCount);
        nextCommentId = rawCount == 0 ? 1 : rawIds[rawCount - 1] + 1;
        long maxPost = 0;
        for (long candidate : postCandidates.values()) {
            maxPost = Math.max(maxPost, candidate);
        }
        nextPostId = maxPost + 1;
        sealed = true;
    }

    /**
     * Numbers a comment, in the order the export writes comments.
     *
     * @param comment the comment
     * @return its WordPress id when it is a number seen before {@link #seal()} and no comment written before
     *     holds it, else a fresh number
     */
    long commentId(Comment comment) {
        requireSealed();
        Provenance provenance = wordPress(comment);
        long raw = provenance == null ? 0 : number(provenance.sourceId());
        if (raw > 0 && Arrays.binarySearch(rawIds, raw) >= 0
                && (Arrays.binarySearch(duplicates, raw) < 0 || claimedDuplicates.add(raw))) {
            return raw;
        }
        return nextCommentId++;
    }

    /**
     * Numbers a thread's post, in the order the export writes threads.
     *
     * @param thread the thread
     * @return the post id its WordPress comments all name, when it is a number no thread written before holds,
     *     else a fresh number
     */
    long postId(ThreadKey thread) {
        requireSealed();
        Long candidate = postCandidates.get(thread);
        if (candidate != null && candidate > 0 && usedPostIds.add(candidate)) {
            return candidate;
        }
        long fresh = nextPostId++;
        usedPostIds.add(fresh);
        return fresh;
    }

    private void requireSealed() {
        if (!sealed) {
            throw new IllegalStateException("numbering used before it was sealed");
        }
    }

    static @Nullable Provenance wordPress(Comment comment) {
        Provenance provenance = comment.provenance();
        return provenance != null && WxrWriter.SYSTEM.equals(provenance.system()) ? provenance : null;
    }

    private static long number(@Nullable String value) {
        return value != null && NUMBER.matcher(value).matches() ? Long.parseLong(value) : 0;
    }
}
