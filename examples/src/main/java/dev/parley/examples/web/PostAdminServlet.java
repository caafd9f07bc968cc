package dev.parley.examples.web;

import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.examples.PostDraft;
import dev.parley.examples.PostListener;
import dev.parley.examples.PostSave;
import dev.parley.storage.outbox.TargetRecord;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The admin's posts: a list, and plain forms to write, edit and delete a post, behind the moderation login.
 *
 * <ul>
 * <li>{@code GET /admin/posts}: every post, deleted ones marked, with "Edit" and "Delete" for live ones and a
 *     "New post" link.</li>
 * <li>{@code GET /admin/posts/new}, {@code POST /admin/posts/new}: the form for a new post (title, slug, text)
 *     and its submission.</li>
 * <li>{@code GET /admin/posts/<slug>/edit}, {@code POST /admin/posts/<slug>/edit}: the form for an existing
 *     post, whose slug is shown but never changes (it is the post's URL and its comment thread).</li>
 * <li>{@code POST /admin/posts/<slug>/delete}: deletes the post; its URL then answers 410 Gone.</li>
 * </ul>
 *
 * <p>Without a session, pages redirect (303) to the login at {@code /admin}, and forms answer 401. Every form
 * carries the session's CSRF token, checked on every POST (403 when it does not match). A save that fails
 * validation comes back (400) with what was typed and a message next to each field at fault; a save or delete
 * that succeeds redirects (303) to the list, after the {@link PostListener} was told. Editing or deleting a
 * deleted post answers 410, an unknown one 404. The text's format is {@link PostText}'s.
 *
 * <p>Thread-safe: immutable; the blog and listener are thread-safe.
 */
public final class PostAdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String LIST = "/admin/posts";
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final transient Blog blog;
    private final transient SiteUrls urls;
    private final transient Layout layout;
    private final transient AdminSession sessions;
    private final transient PostListener listener;
    private final transient Function<URI, List<TargetRecord>> sent;

    /**
     * Creates the servlet.
     *
     * @param blog the posts
     * @param urls the site's URLs, which name the posts to the listener
     * @param sessions the admin's login
     * @param listener told after every stored change
     * @param sent the linkbacks a post (by its URL) sent, with each target's last result
     */
    public PostAdminServlet(Blog blog, SiteUrls urls, AdminSession sessions, PostListener listener,
            Function<URI, List<TargetRecord>> sent) {
        this.blog = Objects.requireNonNull(blog, "blog");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.layout = new Layout(blog);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sent = Objects.requireNonNull(sent, "sent");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> session = sessions.session(request);
        if (session.isEmpty()) {
            redirect(response, "/admin");
            return;
        }
        String csrf = sessions.csrfToken(session.get());
        String[] parts = parts(request);
        if (parts.length == 0) {
            listPage(response, csrf);
        } else if (parts.length == 1 && "new".equals(parts[0])) {
            formPage(response, HttpServletResponse.SC_OK, csrf, null, new PostDraft("", "", ""), Map.of());
        } else if (parts.length == 2 && "linkbacks".equals(parts[1])) {
            Optional<Post> post = blog.find(parts[0]);
            if (post.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such post");
            } else {
                linkbacksPage(response, post.get());
            }
        } else if (parts.length == 2 && "edit".equals(parts[1])) {
            Optional<Post> post = live(response, parts[0]);
            if (post.isPresent()) {
                Post p = post.get();
                formPage(response, HttpServletResponse.SC_OK, csrf, p, new PostDraft(p.slug(), p.title(), p.body()),
                        Map.of());
            }
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing here");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        boolean create = parts.length == 1 && "new".equals(parts[0]);
        boolean edit = parts.length == 2 && "edit".equals(parts[1]);
        boolean delete = parts.length == 2 && "delete".equals(parts[1]);
        if (!create && !edit && !delete) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing here");
            return;
        }
        Optional<String> session = sessions.formSession(request, response, "posts");
        if (session.isEmpty()) {
            return;
        }
        String csrf = sessions.csrfToken(session.get());
        if (delete) {
            delete(response, parts[0]);
            return;
        }
        PostDraft draft = new PostDraft(create ? field(request, "slug") : parts[0], field(request, "title"),
                field(request, "body"));
        Post before = null;
        if (edit) {
            Optional<Post> post = live(response, parts[0]);
            if (post.isEmpty()) {
                return;
            }
            before = post.get();
        }
        PostSave result = create ? blog.create(draft) : blog.update(draft);
        if (result instanceof PostSave.Rejected rejected) {
            formPage(response, HttpServletResponse.SC_BAD_REQUEST, csrf, before, draft, rejected.problems());
        } else if (result instanceof PostSave.NotFound) {
            // Deleted by another request between the check above and the update.
            response.sendError(HttpServletResponse.SC_GONE, "This post was deleted");
        } else {
            Post saved = ((PostSave.Saved) result).post();
            listener.saved(saved, URI.create(urls.post(saved)), PostText.html(saved));
            redirect(response, LIST);
        }
    }

    private void delete(HttpServletResponse response, String slug) throws IOException {
        if (live(response, slug).isEmpty()) {
            return;
        }
        Optional<Post> deleted = blog.delete(slug);
        if (deleted.isEmpty()) {
            response.sendError(HttpServletResponse.SC_GONE, "This post was deleted");
            return;
        }
        listener.deleted(deleted.get(), URI.create(urls.post(deleted.get())));
        redirect(response, LIST);
    }

    /** The live post with the slug; else answers 404 (never existed) or 410 (deleted) and returns empty. */
    private Optional<Post> live(HttpServletResponse response, String slug) throws IOException {
        Optional<Post> post = blog.find(slug);
        if (post.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such post");
            return Optional.empty();
        }
        if (post.get().deleted()) {
            response.sendError(HttpServletResponse.SC_GONE, "This post was deleted");
            return Optional.empty();
        }
        return post;
    }

    private void listPage(HttpServletResponse response, String csrf) throws IOException {
        Html body = new Html().raw("<h1>Posts</h1><p class=\"admin-nav\"><a href=\"/admin\">Moderation</a> · ")
                .raw("<a class=\"new-post\" href=\"/admin/posts/new\">New post</a></p>")
                .raw("<table class=\"queue posts\"><thead><tr><th>Post</th><th>Published</th><th>Updated</th>")
                .raw("<th>Actions</th></tr></thead><tbody>");
        for (Post post : blog.allPosts()) {
            body.raw("<tr").attr("id", "post-" + post.slug()).raw(post.deleted() ? " class=\"deleted\"" : "")
                    .raw("><td>");
            if (post.deleted()) {
                body.text(post.title()).raw(" <span class=\"byline\">(deleted)</span>");
            } else {
                body.raw("<a").attr("href", post.path()).raw(">").text(post.title()).raw("</a>");
            }
            body.raw("<br><span class=\"byline\">").text(post.slug()).raw("</span></td><td>")
                    .text(SHOWN.format(post.publishedAt())).raw("</td><td>").text(SHOWN.format(post.updatedAt()))
                    .raw("</td><td>");
            body.raw("<a class=\"linkbacks\"").attr("href", LIST + "/" + post.slug() + "/linkbacks")
                    .raw(">Linkbacks sent</a> ");
            if (!post.deleted()) {
                body.raw("<a class=\"edit\"").attr("href", LIST + "/" + post.slug() + "/edit").raw(">Edit</a> ")
                        .raw("<form method=\"post\"").attr("action", LIST + "/" + post.slug() + "/delete").raw(">")
                        .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", csrf).raw(">")
                        .raw("<button class=\"danger\">Delete</button></form>");
            }
            body.raw("</td></tr>");
        }
        body.raw("</tbody></table>");
        write(response, HttpServletResponse.SC_OK, layout.page("Posts", "", body.toString()));
    }

    /** Each target the post linked to, with where its linkback stands: what the author and moderator see. */
    private void linkbacksPage(HttpServletResponse response, Post post) throws IOException {
        List<TargetRecord> records = sent.apply(URI.create(urls.post(post)));
        Html body = new Html().raw("<h1>Linkbacks sent</h1><p class=\"admin-nav\"><a href=\"/admin/posts\">All posts</a>")
                .raw("</p><p>From <a").attr("href", post.path()).raw(">").text(post.title()).raw("</a>")
                .raw(post.deleted() ? " (deleted: every earlier target was told)" : "").raw("</p>");
        if (records.isEmpty()) {
            body.raw("<p class=\"empty\">This post has sent no linkbacks: it links to no other site.</p>");
        } else {
            body.raw("<table class=\"queue linkbacks-sent\"><thead><tr><th>Target</th><th>Result</th>")
                    .raw("<th>Protocol and endpoint</th><th>Attempts</th><th>Last change</th></tr></thead><tbody>");
            for (TargetRecord record : records) {
                body.raw("<tr").attr("class", "status-" + record.status().name().toLowerCase(Locale.ROOT))
                        .raw("><td><a rel=\"nofollow\"").attr("href", record.target()).raw(">").text(record.target())
                        .raw("</a>").raw(record.live() ? "" : " <span class=\"byline\">(no longer linked)</span>")
                        .raw("</td><td><strong class=\"send-status\">").text(describe(record)).raw("</strong>");
                if (record.reason() != null) {
                    body.raw("<br><span class=\"byline reason\">").text(record.reason()).raw("</span>");
                }
                body.raw("</td><td>");
                if (record.protocol() != null) {
                    body.text(record.protocol()).raw(" ");
                }
                if (record.endpoint() != null) {
                    body.raw("<span class=\"byline\">").text(record.endpoint()).raw("</span>");
                }
                if (record.httpStatus() != 0) {
                    body.raw(" <span class=\"byline\">HTTP ").text(Integer.toString(record.httpStatus())).raw("</span>");
                }
                body.raw("</td><td>").text(Integer.toString(record.attempts())).raw("</td><td>")
                        .text(SHOWN.format(record.updatedAt())).raw("</td></tr>");
            }
            body.raw("</tbody></table>");
        }
        write(response, HttpServletResponse.SC_OK, layout.page("Linkbacks sent", "", body.toString()));
    }

    private static String describe(TargetRecord record) {
        switch (record.status()) {
            case QUEUED:
                return "Queued";
            case SENT:
                return "Sent";
            case NO_ENDPOINT:
                return "No linkback endpoint";
            case REFUSED:
                return "Refused: not a public address";
            case RETRYING:
                return "Failed, will retry";
            default:
                return "Failed";
        }
    }

    /**
     * The post form, for a new post ({@code post} null) or an edit, with the values typed and each problem
     * next to its field.
     */
    private void formPage(HttpServletResponse response, int status, String csrf, @Nullable Post post, PostDraft draft,
            Map<PostDraft.Field, String> problems) throws IOException {
        String action = post == null ? LIST + "/new" : LIST + "/" + post.slug() + "/edit";
        Html body = new Html().raw("<h1>").text(post == null ? "New post" : "Edit post").raw("</h1>")
                .raw("<p class=\"admin-nav\"><a href=\"/admin/posts\">All posts</a></p>");
        if (!problems.isEmpty()) {
            body.raw("<p class=\"errors\" role=\"alert\">The post was not saved; see the messages below.</p>");
        }
        body.raw("<form class=\"comment-form post-form\" method=\"post\"").attr("action", action).raw(">")
                .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", csrf).raw(">");
        body.raw("<label>Title <input name=\"title\" type=\"text\" required")
                .attr("maxlength", Integer.toString(PostDraft.MAX_TITLE_LENGTH)).attr("value", draft.title());
        describedBy(body, problems, PostDraft.Field.TITLE).raw("></label>");
        error(body, problems, PostDraft.Field.TITLE);
        if (post == null) {
            body.raw("<label>Slug <input name=\"slug\" type=\"text\" required pattern=\"[a-z0-9]+(-[a-z0-9]+)*\"")
                    .attr("maxlength", Integer.toString(Post.MAX_SLUG_LENGTH)).attr("value", draft.slug());
            describedBy(body, problems, PostDraft.Field.SLUG).raw("></label>")
                    .raw("<p class=\"byline\">The post's address: /posts/<em>slug</em>. It never changes once the "
                            + "post is published.</p>");
            error(body, problems, PostDraft.Field.SLUG);
        } else {
            body.raw("<p class=\"byline\">Address: <a").attr("href", post.path()).raw(">").text(urls.post(post))
                    .raw("</a></p>");
        }
        body.raw("<label>Text <textarea name=\"body\" rows=\"16\" required")
                .attr("maxlength", Integer.toString(PostDraft.MAX_BODY_LENGTH));
        describedBy(body, problems, PostDraft.Field.BODY).raw(">").text(draft.body()).raw("</textarea></label>");
        error(body, problems, PostDraft.Field.BODY);
        body.raw("<p class=\"byline\">Plain text. An empty line starts a new paragraph. Write a link as "
                        + "[its text](https://example.org/page), or paste the address itself.</p>")
                .raw("<button type=\"submit\">").text(post == null ? "Publish" : "Save").raw("</button></form>");
        write(response, status, layout.page(post == null ? "New post" : "Edit post", "", body.toString()));
    }

    private static Html describedBy(Html out, Map<PostDraft.Field, String> problems, PostDraft.Field field) {
        if (problems.containsKey(field)) {
            out.raw(" aria-invalid=\"true\"").attr("aria-describedby", errorId(field));
        }
        return out;
    }

    private static void error(Html out, Map<PostDraft.Field, String> problems, PostDraft.Field field) {
        String message = problems.get(field);
        if (message != null) {
            out.raw("<p class=\"field-error errors\"").attr("id", errorId(field)).raw(">").text(message).raw("</p>");
        }
    }

    private static String errorId(PostDraft.Field field) {
        return field.name().toLowerCase(Locale.ROOT) + "-error";
    }

    private static String field(HttpServletRequest request, String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "");
    }

    private static String[] parts(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return new String[0];
        }
        String trimmed = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
        return trimmed.split("/", -1);
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
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
