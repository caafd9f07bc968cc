package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.core.ReplyCursor;
import dev.parley.core.ReplyPage;
import dev.parley.core.Viewer;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /posts/<slug>/replies/<root id>[?after=<cursor>]}: the rest of a root's replies, past what the
 * post page shows under it, as a server-rendered page, so the "N more replies" link works without JavaScript.
 * It shows the root for context, the page's replies nested as on the post page, and a link to the next page
 * while more follow. 404 for an id that is not a visible root of this post, 400 for a malformed cursor.
 *
 * <p>Thread-safe: immutable; the engine is thread-safe.
 */
final class RepliesPages {

    private final CommentService comments;
    private final SiteUrls urls;
    private final Layout layout;
    private final ThreadHtml threadHtml;
    private final OwnCommentPages own;

    RepliesPages(CommentService comments, SiteUrls urls, Layout layout, ThreadHtml threadHtml, OwnCommentPages own) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.threadHtml = Objects.requireNonNull(threadHtml, "threadHtml");
        this.own = Objects.requireNonNull(own, "own");
    }

    /** Whether the path, split at {@code /}, is {@code <slug>/replies/<id>}. */
    static boolean matches(String[] parts) {
        return parts.length == 3 && "replies".equals(parts[1]);
    }

    void show(HttpServletRequest request, HttpServletResponse response, Post post, String rootText, Viewer viewer)
            throws IOException {
        ReplyCursor after;
        try {
            String token = request.getParameter("after");
            after = token == null || token.isEmpty() ? null : ReplyCursor.parse(token);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "That page link is malformed");
            return;
        }
        Optional<ReplyPage> found;
        try {
            found = comments.replies(CommentId.of(rootText), after, viewer);
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty() || !found.get().root().comment().thread().equals(post.thread())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such comment");
            return;
        }
        ReplyPage page = found.get();
        Comment root = page.root().comment();
        String whose = page.root().placeholder() ? "a deleted comment" : root.author().name();
        Html body = new Html();
        body.raw("<p class=\"back\"><a").attr("href", urls.page(post, null) + "#comments").raw(">\u2039 Back to ")
                .text("\u201c" + post.title() + "\u201d").raw("</a></p>")
                .raw("<section class=\"comments replies-page\" id=\"comments\"><h1>").text("Replies to " + whose)
                .raw("</h1>");
        threadHtml.replyPage(body, post, page, RememberCookie.blank(request.getCookies()), own.own(viewer),
                Set.copyOf(own.heldOwn(viewer, page.replies())));
        body.raw("</section>");
        Html head = new Html().raw("<meta name=\"robots\" content=\"noindex, follow\">");
        byte[] html = layout.page("Replies to " + whose + " \u2013 " + post.title(), head.toString(), body.toString())
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
