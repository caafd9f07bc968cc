package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.core.EditResult;
import dev.parley.core.EditToken;
import dev.parley.core.Location;
import dev.parley.core.ThreadNode;
import dev.parley.core.Viewer;
import dev.parley.core.content.InputFormat;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.Status;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The author's own-comment pages, which work without JavaScript and act with the edit tokens of the HttpOnly
 * cookie ({@link EditTokenCookie}), never with a token in the page:
 *
 * <ul>
 * <li>{@code GET /posts/<slug>/comments/<id>/edit}: a form holding the comment's text as typed, while its edit
 *     window is open.</li>
 * <li>{@code POST /posts/<slug>/comments/<id>/edit} (fields {@code csrf}, {@code text}): saves the edit and
 *     redirects (303) to the comment; a text the engine refuses comes back in the form (400) with its
 *     message.</li>
 * <li>{@code POST /posts/<slug>/comments/<id>/delete} (field {@code csrf}): deletes the comment and redirects
 *     (303) to where it was.</li>
 * </ul>
 *
 * <p>The cookie must hold a genuine token for the comment (else 403), and the form the CSRF token derived from
 * it (else 403). The engine then decides: a closed edit window or a reply (shown or not) is 409, a comment gone
 * is 404; the edit page answers so before showing the form.
 *
 * <p>Thread-safe: immutable; the engine is thread-safe.
 */
final class OwnCommentPages {

    private final CommentService comments;
    private final SiteUrls urls;
    private final Layout layout;
    private final ContextPages pages;

    OwnCommentPages(CommentService comments, SiteUrls urls, Layout layout, ContextPages pages) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /**
     * The reader's comments they may change now, with what their controls need: only those the engine would
     * let them change, so no control leads to a refusal (a reply the page does not show, flattened beside the
     * comment or awaiting moderation, counts too).
     *
     * @param viewer the reader, with the cookie's tokens
     * @return the comments by id
     */
    Map<CommentId, OwnComment> own(Viewer viewer) {
        Map<CommentId, OwnComment> own = new HashMap<>();
        for (Map.Entry<CommentId, Instant> open : comments.changeableUntil(viewer).entrySet()) {
            comments.editToken(open.getKey(), viewer).ifPresent(token -> own.put(open.getKey(),
                    new OwnComment(EditTokenCookie.csrfToken(token), open.getValue())));
        }
        return Map.copyOf(own);
    }

    /**
     * The held comments of a page that the reader wrote, as their tokens tell, whether or not they may still
     * change them: those that say to their reader that they await moderation.
     *
     * @param viewer the reader, with the cookie's tokens
     * @param roots the page's roots
     * @return the ids
     */
    Set<CommentId> heldOwn(Viewer viewer, List<ThreadNode> roots) {
        Set<CommentId> mine = new HashSet<>();
        Deque<ThreadNode> nodes = new ArrayDeque<>(roots);
        while (!nodes.isEmpty()) {
            ThreadNode node = nodes.pop();
            CommentId id = node.comment().id();
            if (node.comment().status() == Status.PENDING && comments.editToken(id, viewer).isPresent()) {
                mine.add(id);
            }
            nodes.addAll(node.replies());
        }
        return Set.copyOf(mine);
    }

    /** {@code GET .../comments/<id>/edit}. */
    void editPage(HttpServletRequest request, HttpServletResponse response, Post post, String idText)
            throws IOException {
        Viewer viewer = EditTokenCookie.viewer(request);
        Optional<Owned> owned = owned(response, post, idText, viewer);
        if (owned.isEmpty()) {
            return;
        }
        Instant until = comments.editableUntil(viewer).get(owned.get().comment().id());
        if (until == null) {
            refuse(response, HttpServletResponse.SC_CONFLICT, post, "The time to edit this comment has passed.");
            return;
        }
        // Within its window, and this reader's: only a reply, seen on the page or not, can still stand in the way.
        if (!comments.changeableUntil(viewer).containsKey(owned.get().comment().id())) {
            refuse(response, HttpServletResponse.SC_CONFLICT, post,
                    "This comment has replies and can no longer be changed.");
            return;
        }
        form(response, HttpServletResponse.SC_OK, post, owned.get(), until, owned.get().comment().text(), null);
    }

    /** {@code POST .../comments/<id>/edit}. */
    void edit(HttpServletRequest request, HttpServletResponse response, Post post, String idText)
            throws IOException {
        // Read as the comment form is, so that a line break counts one character, as the textarea's maxlength does.
        FormFields fields = FormFields.read(request);
        Viewer viewer = EditTokenCookie.viewer(request);
        Optional<Owned> owned = owned(response, post, idText, viewer);
        if (owned.isEmpty() || !csrfChecked(fields.get("csrf"), response, post, owned.get())) {
            return;
        }
        String text = fields.get("text").replace("\r\n", "\n");
        Comment comment = owned.get().comment();
        EditResult result = comments.editByAuthor(comment.id(), owned.get().token(), text, InputFormat.PLAIN_TEXT);
        if (result instanceof EditResult.Done) {
            seeComment(response, post, comment.id(), viewer);
            return;
        }
        EditResult.Rejected rejected = (EditResult.Rejected) result;
        int status = status(rejected);
        Instant until = comments.editableUntil(viewer).get(comment.id());
        if (status == HttpServletResponse.SC_BAD_REQUEST && until != null) {
            form(response, status, post, owned.get(), until, text, rejected.message());
        } else {
            refuse(response, status, post, rejected.message());
        }
    }

    /** {@code POST .../comments/<id>/delete}. */
    void delete(HttpServletRequest request, HttpServletResponse response, Post post, String idText)
            throws IOException {
        Viewer viewer = EditTokenCookie.viewer(request);
        Optional<Owned> owned = owned(response, post, idText, viewer);
        if (owned.isEmpty() || !csrfChecked(request.getParameter("csrf"), response, post, owned.get())) {
            return;
        }
        // Where the comment stands is read before it goes: afterwards the engine no longer locates it.
        String page = comments.locate(owned.get().comment().id(), Order.OLDEST_FIRST, viewer)
                .map(location -> urls.page(post, pages.around(location, viewer)))
                .orElseGet(() -> urls.page(post, null));
        EditResult result = comments.deleteByAuthor(owned.get().comment().id(), owned.get().token());
        if (result instanceof EditResult.Rejected rejected) {
            refuse(response, status(rejected), post, rejected.message());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", page + "#comments");
    }

    /**
     * Redirects (303) to a comment on the page that shows it in its context.
     *
     * @param response the response
     * @param post the post
     * @param id the comment
     * @param viewer who will read the page
     */
    void seeComment(HttpServletResponse response, Post post, CommentId id, Viewer viewer) {
        Optional<Location> location = comments.locate(id, Order.OLDEST_FIRST, viewer);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        // An edit that marked the comment spam leaves nothing to show: the post's first page then.
        response.setHeader("Location", location.isEmpty() ? urls.page(post, null) + "#comments"
                : pages.url(post, location.get(), viewer, urls));
    }

    /** A comment of this post and the reader's token for it. */
    private record Owned(Comment comment, EditToken token) {
    }

    /** Finds the comment and the reader's token for it, or answers 404 or 403 and returns empty. */
    private Optional<Owned> owned(HttpServletResponse response, Post post, String idText, Viewer viewer)
            throws IOException {
        Optional<Comment> comment;
        try {
            comment = comments.find(CommentId.of(idText));
        } catch (IllegalArgumentException e) {
            comment = Optional.empty();
        }
        if (comment.isEmpty() || !comment.get().thread().equals(post.thread()) || comment.get().kind() != Kind.COMMENT
                || comment.get().status() != Status.APPROVED && comment.get().status() != Status.PENDING) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, post, "There is no such comment.");
            return Optional.empty();
        }
        Optional<EditToken> token = comments.editToken(comment.get().id(), viewer);
        if (token.isEmpty()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, post,
                    "You can change only your own comments, from the browser you wrote them in.");
            return Optional.empty();
        }
        return Optional.of(new Owned(comment.get(), token.get()));
    }

    private boolean csrfChecked(@Nullable String csrf, HttpServletResponse response, Post post, Owned owned)
            throws IOException {
        if (EditTokenCookie.csrfMatches(owned.token(), csrf)) {
            return true;
        }
        refuse(response, HttpServletResponse.SC_FORBIDDEN, post,
                "This form has expired or did not come from this site. Open the post again and retry.");
        return false;
    }

    private static int status(EditResult.Rejected rejected) {
        return switch (rejected.code()) {
            case BAD_TOKEN -> HttpServletResponse.SC_FORBIDDEN;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case EDIT_WINDOW_CLOSED, HAS_REPLIES -> HttpServletResponse.SC_CONFLICT;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    private void form(HttpServletResponse response, int status, Post post, Owned owned, Instant until, String text,
            @Nullable String error) throws IOException {
        Comment comment = owned.comment();
        String action = post.path() + "/comments/" + comment.id().value() + "/edit";
        Html body = new Html().raw("<article class=\"own-edit\"><h1>Edit your comment</h1><p class=\"byline\">On ")
                .raw("<a").attr("href", urls.permalink(post, comment.id())).raw(">").text(post.title())
                .raw("</a>. You can change it until <time").attr("datetime", until.toString()).raw(">")
                .text(ThreadHtml.UNTIL.format(until)).raw("</time>.</p>");
        if (comment.status() == Status.PENDING) {
            body.raw("<p class=\"notice\">It is awaiting moderation, and stays so after the edit.</p>");
        }
        body.raw("<form class=\"comment-form\" method=\"post\"").attr("action", action).raw(" id=\"edit\">")
                .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", EditTokenCookie.csrfToken(owned.token()))
                .raw(">");
        if (error != null) {
            body.raw("<div class=\"errors\" role=\"alert\" id=\"edit-error\"><p>Your change was not saved:</p><ul><li>")
                    .text(error).raw("</li></ul></div>");
        }
        body.raw("<label>Comment <textarea name=\"text\" required")
                .attr("maxlength", Integer.toString(comments.settings().maxTextLength()))
                .raw(error == null ? "" : " aria-describedby=\"edit-error\"").raw(">").text(text)
                .raw("</textarea></label><button type=\"submit\">Save changes</button> <a")
                .attr("href", urls.permalink(post, comment.id())).raw(">Cancel</a></form></article>");
        write(response, status, "Edit your comment", body);
    }

    private void refuse(HttpServletResponse response, int status, Post post, String message) throws IOException {
        Html body = new Html().raw("<article class=\"own-edit\"><h1>")
                .text(status == HttpServletResponse.SC_NOT_FOUND ? "No such comment" : "This comment cannot be changed")
                .raw("</h1><p>").text(message).raw("</p><p><a").attr("href", post.path() + "#comments")
                .raw(">Back to the post</a></p></article>");
        write(response, status, "Your comment", body);
    }

    private void write(HttpServletResponse response, int status, String title, Html body) throws IOException {
        byte[] html = layout.page(title, "", body.toString()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
