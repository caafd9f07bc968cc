package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.core.Location;
import dev.parley.core.Viewer;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation page, behind the configured password.
 *
 * <ul>
 * <li>{@code GET /admin[?after=<cursor>|?before=<cursor>]}: the login form, or, once logged in, a page of the
 *     queue of held comments, oldest first (each with the reason the engine stored when it held it), with
 *     links to the earlier and later pages (keyset cursors, as the thread pages use; plain links that need no
 *     script), and the latest spam, with approve, spam and delete buttons.
 *     A spam entry that was answered before it was marked spam tells how many replies readers still see
 *     below it, under a placeholder, and links to that placeholder in its thread, so those replies can be
 *     found and the spam restored or left as it is.</li>
 * <li>{@code GET /admin/login}: the login form (the queue once logged in).</li>
 * <li>{@code GET /admin/comments}: every comment, newest first, filtered by status, post, author and text, with
 *     the same actions ({@link CommentListPage}).</li>
 * <li>{@code POST /admin/login}: counts the attempt with the {@link LoginThrottle} (a blocked one answers 429
 *     with {@code Retry-After} and the password is not looked at), checks the password in constant time, logs a
 *     wrong one at WARN with the client's address (never the password), and starts a session.</li>
 * <li>{@code POST /admin/moderate}: applies {@code action} (approve, hold, spam, delete, restore) to {@code id};
 *     the form's CSRF token must match the session. A delete first asks (a page with a confirming form, no
 *     script), and is done when the form says {@code confirm=yes}.</li>
 * <li>{@code POST /admin/logout}: ends the session, for every copy of its cookie.</li>
 * </ul>
 *
 * <p>Every action redirects (303) back to the page it was taken on (the form's {@code back}, a local path, or
 * the queue page its cursor names), so a reload never repeats it, with the parameters that make that page say
 * what was done and offer an undo for spam and delete ({@link ModeratorTools}).
 * Thread-safe: immutable.
 */
public final class ModerationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final int SC_TOO_MANY_REQUESTS = 429;
    private static final int QUEUE_SIZE = 50;
    private static final Set<String> ACTIONS = Set.of("approve", "hold", "spam", "delete", "restore");
    /** The one account the demo has; the throttle counts attempts against it and against the address. */
    private static final String ACCOUNT = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(ModerationServlet.class);

    private final transient CommentService comments;
    private final transient Blog blog;
    private final transient SiteUrls urls;
    private final transient Layout layout;
    private final transient AdminSession sessions;
    private final transient LoginThrottle logins;
    private final transient ModeratorTools tools;
    private final transient CommentListPage list;

    /**
     * Creates the servlet.
     *
     * @param comments the engine
     * @param blog the posts, to name each comment's post
     * @param urls the site's URLs
     * @param sessions the moderator's login
     * @param logins the throttle of login attempts
     */
    public ModerationServlet(CommentService comments, Blog blog, SiteUrls urls, AdminSession sessions,
            LoginThrottle logins) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.blog = Objects.requireNonNull(blog, "blog");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.layout = new Layout(blog);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.tools = new ModeratorTools(comments, sessions);
        this.list = new CommentListPage(comments, blog, tools);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (!"/".equals(path) && !"/login".equals(path) && !"/comments".equals(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing here");
            return;
        }
        Optional<String> session = sessions.session(request);
        if (session.isEmpty()) {
            loginPage(response, HttpServletResponse.SC_OK, null);
            return;
        }
        if ("/login".equals(path)) {
            redirectToQueue(response);
            return;
        }
        if ("/comments".equals(path)) {
            commentList(request, response, sessions.csrfToken(session.get()));
            return;
        }
        QueueRequest page;
        try {
            page = QueueRequest.of(request);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "That page of the queue does not exist");
            return;
        }
        queuePage(request, response, sessions.csrfToken(session.get()), page);
    }

    private void commentList(HttpServletRequest request, HttpServletResponse response, String csrf)
            throws IOException {
        CommentListPage.Filters filters;
        try {
            filters = CommentListPage.Filters.of(request, blog);
        } catch (IllegalArgumentException e) {
            Html body = new Html().raw("<h1>All comments</h1><p class=\"errors\" role=\"alert\">").text(e.getMessage())
                    .raw("</p><p><a href=\"/admin/comments\">All comments</a></p>");
            write(response, HttpServletResponse.SC_BAD_REQUEST, layout.page("All comments", "", body.toString()));
            return;
        }
        Html body = new Html();
        list.write(body, request, csrf, filters);
        write(response, HttpServletResponse.SC_OK, layout.page("All comments", "", body.toString()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        switch (path) {
            case "/login" -> login(request, response);
            case "/logout" -> {
                sessions.end(request, response);
                redirectToQueue(response);
            }
            case "/moderate" -> moderate(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing here");
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> blocked = logins.attempt(ACCOUNT, address);
        if (blocked.isPresent()) {
            // Refused before the password is read: while blocked, even the right one does not log in.
            long seconds = Math.max(1, blocked.get().plusNanos(999_999_999L).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            loginPage(response, SC_TOO_MANY_REQUESTS,
                    "Too many login attempts. Please wait " + seconds + (seconds == 1 ? " second." : " seconds."));
            return;
        }
        if (!sessions.passwordMatches(request.getParameter("password"))) {
            LOG.warn("failed moderator login from {}", address);
            loginPage(response, HttpServletResponse.SC_UNAUTHORIZED, "That password is not right.");
            return;
        }
        logins.succeeded(ACCOUNT, address);
        sessions.start(request, response);
        redirectToQueue(response);
    }

    private void moderate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> session = sessions.session(request);
        if (session.isEmpty()) {
            loginPage(response, HttpServletResponse.SC_UNAUTHORIZED, "Please log in again.");
            return;
        }
        if (!sessions.csrfMatches(session.get(), request.getParameter("csrf"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is stale; reload the moderation page");
            return;
        }
        CommentId id;
        try {
            id = CommentId.of(Objects.requireNonNullElse(request.getParameter("id"), ""));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "No such comment");
            return;
        }
        String action = Objects.requireNonNullElse(request.getParameter("action"), "");
        if (!ACTIONS.contains(action)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Unknown action");
            return;
        }
        Optional<Comment> before = comments.find(id);
        if (before.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such comment");
            return;
        }
        String back = back(request);
        if ("delete".equals(action) && !"yes".equals(request.getParameter("confirm"))) {
            confirmDelete(response, before.get(), session.get(), back);
            return;
        }
        Optional<Comment> done = switch (action) {
            case "approve" -> comments.approve(id);
            case "hold" -> comments.hold(id);
            case "spam" -> comments.markSpam(id);
            case "delete" -> comments.delete(id);
            default -> comments.restore(id);
        };
        if (done.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such comment");
            return;
        }
        String said = "1".equals(request.getParameter("undo")) ? "undo" : action;
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", ModeratorTools.afterAction(back, said, done.get(), before.get().status()));
    }

    /**
     * The page an action returns to: the form's {@code back} (a local path), else the queue page its cursor
     * names; a cursor that no longer parses just means the first page.
     */
    private static String back(HttpServletRequest request) {
        if (request.getParameter("back") != null) {
            return ModeratorTools.safeBack(request.getParameter("back"));
        }
        try {
            return QueueRequest.of(request).path();
        } catch (IllegalArgumentException e) {
            return QueueRequest.FIRST.path();
        }
    }

    /** Asks before deleting: the comment, a button that confirms and a link back; works without script. */
    private void confirmDelete(HttpServletResponse response, Comment comment, String session, String back)
            throws IOException {
        Html body = new Html().raw("<h1>Delete this comment?</h1><div class=\"confirm\"><p class=\"comment-meta\">")
                .raw("By <strong>").text(comment.author().name()).raw("</strong>");
        blog.post(comment.thread()).ifPresent(post -> body.raw(" on ").text(post.title()));
        body.raw("</p><div class=\"comment-text\">").raw(comment.html()).raw("</div>")
                .raw("<p class=\"byline\">Readers will no longer see it; replies stay, under a placeholder. "
                        + "You can undo this right after.</p>")
                .raw("<form method=\"post\" action=\"/admin/moderate\">")
                .raw("<input type=\"hidden\" name=\"back\"").attr("value", back).raw(">")
                .raw("<input type=\"hidden\" name=\"id\"").attr("value", comment.id().value()).raw(">")
                .raw("<input type=\"hidden\" name=\"action\" value=\"delete\">")
                .raw("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")
                .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", sessions.csrfToken(session)).raw(">")
                .raw("<button class=\"danger\" name=\"do\"").attr("value", "confirm-delete-" + comment.id().value())
                .raw(">Delete</button> <a class=\"cancel\"").attr("href", back).raw(">Cancel</a></form></div>");
        write(response, HttpServletResponse.SC_OK, layout.page("Delete this comment?", "", body.toString()));
    }

    private void queuePage(HttpServletRequest http, HttpServletResponse response, String csrf, QueueRequest request)
            throws IOException {
        HeldPage held = heldPage(request);
        Page spam = comments.queue(Set.of(Status.SPAM), PageRequest.first(Order.NEWEST_FIRST, 10));
        Html body = new Html().raw("<h1>Moderation</h1>")
                .raw("<p class=\"admin-nav\"><a href=\"/admin/comments\">All comments</a> · ")
                .raw("<a href=\"/admin/posts\">Posts</a> · <a href=\"/admin/words\">Words</a> · ")
                .raw("<a href=\"/admin/privacy\">Privacy</a></p>")
                .raw("<form method=\"post\" action=\"/admin/logout\"><button class=\"secondary\">Log out</button></form>");
        tools.flash(body, http, csrf, request.path());
        body.raw("<h2 id=\"held\">Held for moderation</h2>");
        String empty = request.equals(QueueRequest.FIRST)
                ? "Nothing is waiting. Comments with two or more links are held here."
                : "Nothing more is waiting on this page.";
        table(body, held.items(), csrf, request, empty, Map.of());
        pager(body, held);
        body.raw("<h2>Recent spam</h2>");
        table(body, spam.items(), csrf, request, "No spam.", comments.visibleReplies(spam.items()));
        write(response, HttpServletResponse.SC_OK, layout.page("Moderation", "", body.toString()));
    }

    /**
     * Reads a page of the held comments, oldest first, by keyset: after a cursor (the next page), or before one
     * (the previous page, read newest first from there, one more than a page to learn whether anything is
     * earlier still, and turned around). A previous page with nothing earlier is the first page, so paging back
     * always ends on the same first page, without a link to an empty one.
     */
    private HeldPage heldPage(QueueRequest request) {
        if (request.before() != null) {
            Page back = comments.moderationQueue(new PageRequest(Order.NEWEST_FIRST, request.before(), QUEUE_SIZE + 1));
            if (back.items().size() > QUEUE_SIZE) {
                List<Comment> items = new ArrayList<>(back.items().subList(0, QUEUE_SIZE));
                Collections.reverse(items);
                return new HeldPage(items, Cursor.after(items.get(0)), Cursor.after(items.get(items.size() - 1)));
            }
            request = QueueRequest.FIRST;
        }
        PageRequest first = PageRequest.first(Order.OLDEST_FIRST, QUEUE_SIZE);
        Page page = comments.moderationQueue(request.after() == null ? first : first.next(request.after()));
        List<Comment> items = page.items();
        Cursor previous = request.after() == null ? null
                : items.isEmpty() ? request.after() : Cursor.after(items.get(0));
        return new HeldPage(items, previous, page.nextCursor().orElse(null));
    }

    /** Links to the previous and next pages of held comments: plain links, no script needed. */
    private static void pager(Html out, HeldPage page) {
        if (page.before() == null && page.after() == null) {
            return;
        }
        out.raw("<nav class=\"pager\" aria-label=\"Held comments\">");
        if (page.before() != null) {
            out.raw("<a rel=\"prev\"").attr("href", new QueueRequest(null, page.before()).path())
                    .raw(">&larr; Earlier held comments</a> ");
        }
        if (page.after() != null) {
            out.raw("<a rel=\"next\"").attr("href", new QueueRequest(page.after(), null).path())
                    .raw(">Later held comments &rarr;</a>");
        }
        out.raw("</nav>");
    }

    private void table(Html out, List<Comment> items, String csrf, QueueRequest back, String empty,
            Map<CommentId, Integer> visibleReplies) {
        if (items.isEmpty()) {
            out.raw("<p class=\"byline\">").text(empty).raw("</p>");
            return;
        }
        out.raw("<table class=\"queue\"><thead><tr><th>Comment</th><th>Why</th><th>Actions</th></tr></thead><tbody>");
        for (Comment comment : items) {
            Optional<Post> post = blog.post(comment.thread());
            out.raw("<tr").attr("id", "q-" + comment.id().value()).raw("><td><p class=\"comment-meta\"><strong>")
                    .text(comment.author().name()).raw("</strong>");
            if (comment.author().email() != null) {
                out.raw(" &lt;").text(comment.author().email()).raw("&gt;");
            }
            if (comment.author().ip() != null) {
                out.raw(" · ").text(comment.author().ip());
            }
            out.raw(" · on ");
            if (post.isPresent()) {
                out.raw("<a").attr("href", post.get().path()).raw(">").text(post.get().title()).raw("</a>");
            } else {
                out.text(comment.thread().value());
            }
            out.raw("</p><div class=\"comment-text\">").raw(comment.html()).raw("</div>");
            int replies = visibleReplies.getOrDefault(comment.id(), 0);
            if (replies > 0 && post.isPresent()) {
                repliesUnderPlaceholder(out, post.get(), comment, replies);
            }
            out.raw("</td><td class=\"reason\">")
                    .text(comment.moderationReason() == null ? "" : comment.moderationReason()).raw("</td><td>");
            button(out, comment, csrf, back, "approve", "Approve", "");
            button(out, comment, csrf, back, "spam", "Spam", "secondary");
            button(out, comment, csrf, back, "delete", "Delete", "danger");
            out.raw("</td></tr>");
        }
        out.raw("</tbody></table>");
    }

    /** Tells how many replies readers see under this spam's placeholder, and links to it in its thread. */
    private void repliesUnderPlaceholder(Html out, Post post, Comment spam, int replies) {
        out.raw("<p class=\"byline under-placeholder\">").text(replies == 1
                ? "1 reply is still shown under a placeholder"
                : replies + " replies are still shown under a placeholder");
        Optional<Location> location = comments.locate(spam.id(), Order.OLDEST_FIRST, Viewer.forModerator());
        if (location.isPresent()) {
            out.raw(" · <a class=\"in-thread\"")
                    .attr("href", urls.page(post, location.get().pageCursor()) + "#" + SiteUrls.anchor(spam.id()))
                    .raw(">View in thread</a>");
        }
        out.raw("</p>");
    }

    private static void button(Html out, Comment comment, String csrf, QueueRequest back, String action, String label,
            String cssClass) {
        if ("approve".equals(action) && comment.status() == Status.APPROVED) {
            return;
        }
        ModeratorTools.form(out, comment, csrf, back.path(), action, label, cssClass, false);
    }

    private void loginPage(HttpServletResponse response, int status, @Nullable String message) throws IOException {
        Html body = new Html().raw("<h1>Moderation</h1>");
        if (message != null) {
            body.raw("<p class=\"errors\" role=\"alert\">").text(message).raw("</p>");
        }
        body.raw("<form class=\"comment-form\" method=\"post\" action=\"/admin/login\">")
                .raw("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>")
                .raw("<button type=\"submit\">Log in</button></form>");
        write(response, status, layout.page("Moderation", "", body.toString()));
    }

    /**
     * Which page of held comments is asked for: {@code ?after=<cursor>} (the page after it), {@code
     * ?before=<cursor>} (the page before it), or neither (the first page).
     */
    private record QueueRequest(@Nullable Cursor after, @Nullable Cursor before) {

        static final QueueRequest FIRST = new QueueRequest(null, null);

        /** The page a request names; throws IllegalArgumentException for a cursor that does not parse. */
        static QueueRequest of(HttpServletRequest request) {
            String after = request.getParameter("after");
            String before = request.getParameter("before");
            if (after != null && !after.isEmpty()) {
                return new QueueRequest(Cursor.parse(after), null);
            }
            if (before != null && !before.isEmpty()) {
                return new QueueRequest(null, Cursor.parse(before));
            }
            return FIRST;
        }

        String path() {
            if (after != null) {
                return "/admin?after=" + URLEncoder.encode(after.token(), StandardCharsets.UTF_8);
            }
            if (before != null) {
                return "/admin?before=" + URLEncoder.encode(before.token(), StandardCharsets.UTF_8);
            }
            return "/admin";
        }
    }

    /** A page of held comments, oldest first, and the cursors of the pages before and after it if any. */
    private record HeldPage(List<Comment> items, @Nullable Cursor before, @Nullable Cursor after) {
    }

    private static void redirectToQueue(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/admin");
    }

    private static void write(HttpServletResponse response, int status, String page) throws IOException {
        byte[] html = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
