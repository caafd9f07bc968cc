package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.core.Location;
import dev.parley.core.MoreReplies;
import dev.parley.core.ReplyPage;
import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.examples.Post;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the post page's links lead, on pages of a fixed number of roots read oldest first: the page that shows
 * a comment among the comments before it, and the page before a page.
 *
 * <p>The engine's {@link Location#pageCursor()} is the page that <em>starts</em> at the comment's root, which for
 * the newest comment is a page holding that comment alone. A reader landing on a comment is better served by
 * the page that <em>ends</em> at its root: the roots before it, then the root with all its replies, and the
 * next-page link to what follows. Both answers are read through the engine's pages in the opposite order, so
 * they skip what the viewer does not see exactly as the pages do.
 *
 * <p>Each answer reads at most {@value #MAX_PAGE_READS} engine pages, so a long run of roots the viewer does not
 * see (spam, deleted) costs every page view a bounded read, not a walk to the start of the thread. Past that
 * bound the answers fall back: the comment's page is the engine's own page cursor, and the page before a page
 * is the first page.
 *
 * <p>Immutable and thread-safe: the engine is.
 */
final class ContextPages {

    /** The most engine pages one answer reads; each is itself bounded by the engine. */
    static final int MAX_PAGE_READS = 2;

    /**
     * The most pages of replies {@link #url} reads to find a reply past its root's cut: with the default
     * {@code repliesPerPage} of 250, ten thousand replies under one root.
     */
    static final int MAX_REPLY_PAGES = 40;

    private final CommentService comments;
    private final int rootsPerPage;

    /**
     * Creates the links of pages of {@code rootsPerPage} roots.
     *
     * @param comments the engine
     * @param rootsPerPage how many roots a page shows, 1 to {@value PageRequest#MAX_LIMIT}
     */
    ContextPages(CommentService comments, int rootsPerPage) {
        this.comments = Objects.requireNonNull(comments, "comments");
        if (rootsPerPage < 1 || rootsPerPage > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("rootsPerPage must be 1.." + PageRequest.MAX_LIMIT + ", was "
                    + rootsPerPage);
        }
        this.rootsPerPage = rootsPerPage;
    }

    /**
     * The page that shows a located comment in its context: up to {@code rootsPerPage - 1} visible roots before
     * its root, then its root. When there are fewer roots before it, that is the first page. When they could not
     * be counted within the read bound, it is the page that starts at the root ({@link Location#pageCursor()}).
     *
     * @param location where the comment is, located in {@link Order#OLDEST_FIRST}
     * @param viewer who reads
     * @return the cursor to read the page with, or null for the first page
     */
    @Nullable Cursor around(Location location, Viewer viewer) {
        Before before = rootsBefore(location.comment().thread(), Cursor.after(location.root()), rootsPerPage,
                viewer);
        if (before.roots().size() < rootsPerPage) {
            return before.complete() ? null : location.pageCursor();
        }
        // The page is read after the root just before those it shows.
        return Cursor.after(before.roots().get(rootsPerPage - 1).comment());
    }

    /**
     * The URL that shows a located comment, with its fragment: the page of {@link #around}, or, for a reply
     * past what that page shows under its root ({@link ThreadNode#moreReplies()}), the page of replies that
     * holds it. Finding that page reads the thread page and then pages of replies, at most
     * {@value #MAX_REPLY_PAGES}; past them, or when the reply is on no page (hidden below a held reply), the
     * thread page it is.
     *
     * @param post the post of the comment's thread
     * @param location where the comment is, located in {@link Order#OLDEST_FIRST}
     * @param viewer who reads
     * @param urls the site's URLs
     * @return a site-relative URL ending in the comment's fragment
     */
    String url(Post post, Location location, Viewer viewer, SiteUrls urls) {
        CommentId id = location.comment().id();
        Cursor cursor = around(location, viewer);
        String page = urls.page(post, cursor) + "#" + SiteUrls.anchor(id);
        if (location.comment().parentId() == null) {
            return page;
        }
        CommentId rootId = location.root().id();
        ThreadNode root = null;
        for (ThreadNode node : comments.page(post.thread(), Order.OLDEST_FIRST, cursor, rootsPerPage, viewer).roots()) {
            if (node.comment().id().equals(rootId)) {
                root = node;
            }
        }
        if (root == null || holds(root.replies(), id)) {
            return page;
        }
        MoreReplies more = root.moreReplies().orElse(null);
        for (int reads = 0; more != null && reads < MAX_REPLY_PAGES; reads++) {
            Optional<ReplyPage> replies = comments.replies(rootId, more.cursor(), viewer);
            if (replies.isEmpty()) {
                return page;
            }
            if (holds(replies.get().replies(), id)) {
                return urls.replies(post, rootId, more.cursor()) + "#" + SiteUrls.anchor(id);
            }
            more = replies.get().moreReplies();
        }
        return page;
    }

    private static boolean holds(List<ThreadNode> nodes, CommentId id) {
        for (ThreadNode node : nodes) {
            if (node.comment().id().equals(id) || holds(node.replies(), id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page before a page: the {@code rootsPerPage} visible roots before the page's first root.
     *
     * @param thread the thread
     * @param after the cursor the page was read with, null for the first page
     * @param page the page
     * @param viewer who reads
     * @return empty on the first page; else the previous page's cursor, holding null when it is the first page
     *     or when the roots before could not be counted within the read bound ({@link Previous#exact()} false)
     */
    Optional<Previous> previous(ThreadKey thread, @Nullable Cursor after, ThreadPage page, Viewer viewer) {
        if (after == null) {
            return Optional.empty();
        }
        Cursor start = page.roots().isEmpty() ? after : Cursor.after(page.roots().get(0).comment());
        Before before = rootsBefore(thread, start, rootsPerPage + 1, viewer);
        if (before.roots().size() > rootsPerPage) {
            return Optional.of(new Previous(Cursor.after(before.roots().get(rootsPerPage).comment()), true));
        }
        return Optional.of(new Previous(null, before.complete()));
    }

    /** Up to {@code count} visible roots before {@code position}, nearest first, in a bounded number of reads. */
    private Before rootsBefore(ThreadKey thread, Cursor position, int count, Viewer viewer) {
        List<ThreadNode> found = new ArrayList<>(count);
        Cursor cursor = position;
        for (int reads = 0; found.size() < count; reads++) {
            if (reads == MAX_PAGE_READS) {
                return new Before(found, false);
            }
            ThreadPage page = comments.page(thread, Order.NEWEST_FIRST, cursor,
                    Math.min(count - found.size(), PageRequest.MAX_LIMIT), viewer);
            found.addAll(page.roots());
            if (page.next() == null) {
                break;
            }
            cursor = page.next();
        }
        return new Before(found.size() > count ? found.subList(0, count) : found, true);
    }

    /**
     * Roots before a position.
     *
     * @param roots the roots found, nearest first
     * @param complete whether they are all there are, up to the count asked for; false when the read bound
     *     stopped the search first
     */
    private record Before(List<ThreadNode> roots, boolean complete) {
    }

    /**
     * The page before another.
     *
     * @param after the cursor to read it with, or null when it is the first page or is not known
     * @param exact whether {@code after} is that page; false when the roots before could not be counted within the
     *     read bound, and only the first page is offered
     */
    record Previous(@Nullable Cursor after, boolean exact) {
    }
}
