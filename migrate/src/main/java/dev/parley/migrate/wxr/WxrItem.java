package dev.parley.migrate.wxr;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <item>} being read: what identifies its thread, and its comments until they can be handed over.
 *
 * <p>A comment is handed over as soon as it ends if its thread is settled (a {@code wp:post_id} came before it,
 * as WordPress writes it) and its date needs nothing from the post. Otherwise it waits, in order, for what it
 * needs or for the item's end: an item without a post id (Disqus's import format, a hand-made file) has its
 * thread id settled only then. The thread itself is handed over at the item's end, after its comments, when
 * every element that describes it has been read.
 *
 * <p>Not thread-safe: one read, one thread.
 */
final class WxrItem {

    private final int position;
    private final CommentReader.Handler handler;
    private @Nullable String title;
    private @Nullable String link;
    private @Nullable String guid;
    private @Nullable String postId;
    private @Nullable String postName;
    private @Nullable String threadIdentifier;
    private @Nullable String postDateGmt;
    private boolean postDateGmtRead;
    private int comments;
    private final Deque<WxrComment> waiting = new ArrayDeque<>();

    /**
     * Starts an item.
     *
     * @param position the item's place in the file, from 1
     * @param handler what receives its records
     */
    WxrItem(int position, CommentReader.Handler handler) {
        this.position = position;
        this.handler = handler;
    }

    void title(String raw) {
        if (title == null) {
            title = raw;
        }
    }

    void link(String raw) {
        if (link == null) {
            link = XmlText.trimToNull(raw);
        }
    }

    void guid(String raw) {
        if (guid == null) {
            guid = XmlText.trimToNull(raw);
        }
    }

    void postName(String raw) {
        if (postName == null) {
            postName = XmlText.trimToNull(raw);
        }
    }

    void threadIdentifier(String raw) {
        if (threadIdentifier == null) {
            threadIdentifier = XmlText.trimToNull(raw);
        }
    }

    void postId(String raw) {
        if (postId == null) {
            postId = XmlText.trimToNull(raw);
            handOver();
        }
    }

    void postDateGmt(String raw) {
        if (!postDateGmtRead) {
            postDateGmtRead = true;
            postDateGmt = XmlText.trim(raw);
            handOver();
        }
    }

    /**
     * Returns the place the next comment takes in this item.
     *
     * @return the position, from 1
     */
    int nextCommentPosition() {
        return comments + 1;
    }

    void comment(WxrComment comment) {
        comments++;
        waiting.add(comment);
        handOver();
    }

    /** Hands over the comments that no longer wait for anything, keeping their order. */
    private void handOver() {
        if (postId == null) {
            return;
        }
        while (!waiting.isEmpty() && (postDateGmtRead || waiting.peek().hasOwnDate())) {
            emit(waiting.poll(), postId);
        }
    }

    /** Ends the item: settles its thread id, hands over the comments still waiting, then the thread. */
    void end() {
        String threadId = postId != null ? postId : threadIdentifier;
        if (threadId == null && comments > 0) {
            threadId = link != null ? link : guid != null ? guid : "item-" + position;
            String from = link != null ? "its link" : guid != null ? "its guid" : "its place in the file";
            handler.warning(new ImportWarning(ImportWarning.Code.MISSING_ID, threadId, null, "item " + position
                    + " has comments but no wp:post_id or dsq:thread_identifier: its thread id is taken from "
                    + from));
        }
        if (threadId == null) {
            return;
        }
        while (!waiting.isEmpty()) {
            emit(waiting.poll(), threadId);
        }
        String identifier = postId == null && threadIdentifier != null ? threadIdentifier : postName;
        String plainTitle = title == null ? null : WxrValues.decodeHtml(title);
        handler.thread(new SourceThread(threadId, link, identifier,
                plainTitle == null || plainTitle.isEmpty() ? null : plainTitle));
    }

    private void emit(WxrComment raw, String threadId) {
        SourceComment comment;
        try {
            comment = raw.toSourceComment(threadId, position, postDateGmt);
        } catch (IllegalArgumentException e) {
            handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, threadId, raw.id(),
                    "a comment of item " + position + " cannot be kept: " + e.getMessage()));
            return;
        }
        handler.comment(comment);
    }
}
