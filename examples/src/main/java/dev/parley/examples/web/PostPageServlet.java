package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.EditToken;
import dev.parley.core.InputField;
import dev.parley.core.Location;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.pingback.Protocol;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The post page, rendered on the server, and its comment form, which works without JavaScript.
 *
 * <ul>
 * <li>{@code GET /posts/<slug>[?after=<cursor>]}: the post and a page of its thread, nested as the engine
 *     returns it, with a reply form under each comment, links to the previous and next pages, and edit and
 *     delete controls on the reader's own comments while they may change them ({@link OwnCommentPages}).</li>
 * <li>{@code GET /posts/<slug>/comments/<id>}: a comment's permalink; redirects to the page that shows it in
 *     its context (the roots before its root, then its root: {@link ContextPages}), with the comment's
 *     fragment.</li>
 * <li>{@code POST /posts/<slug>}: posts a comment or a reply (form field {@code parent}). Accepted: the edit
 *     token goes into an HttpOnly cookie and the browser is redirected (303) to the new comment's fragment on
 *     the page that shows it in its context, which its author sees even while it awaits moderation. Rejected:
 *     the page comes back (400) with the form filled in as typed and a message at every field to fix, all at
 *     once. A body that cannot be read as the form (bytes that are not UTF-8: 400; {@code multipart/form-data}
 *     or another type: 415; larger than the body limit: 413, answered through {@link #refusedForm}) also gets
 *     the page and the form, with what could be read of it and a message saying what went wrong.</li>
 * <li>{@code GET /posts/<slug>/replies/<root id>[?after=<cursor>]}: the rest of a root's replies past what
 *     this page shows under it ("N more replies"), see {@link RepliesPages}.</li>
 * <li>{@code GET|POST /posts/<slug>/comments/<id>/edit}, {@code POST /posts/<slug>/comments/<id>/delete}: the
 *     author's own-comment pages, see {@link OwnCommentPages}.</li>
 * </ul>
 *
 * <p>A deleted post answers 410 Gone with a short page saying so (its permalinks and form too); a slug no post
 * ever had answers 404.
 *
 * <p>The page advertises the comment feed and the linkback endpoints of the protocols it is given (the
 * {@code parley.linkbacks.advertise} setting): Webmention by a {@code Link: <...>; rel="webmention"} header and
 * {@code <link rel="webmention">}, Pingback by an {@code X-Pingback} header and {@code <link rel="pingback">},
 * TrackBack by the RDF block in an HTML comment whose {@code dc:identifier} is the post's URL and whose
 * {@code trackback:ping} is its TrackBack URL.
 *
 * <p>Thread-safe: immutable; the engine is thread-safe.
 */
public final class PostPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** No controls beyond the reader's own: the page as readers see it. */
    private static final BiConsumer<Html, Comment> NO_CONTROLS = (out, comment) -> { };

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final transient CommentService comments;
    private final transient Consumer<Comment> notifyMe;
    private final transient Blog blog;
    private final transient SiteUrls urls;
    private final transient Layout layout;
    private final transient ThreadHtml threadHtml;
    private final int rootsPerPage;
    private final transient Set<Protocol> advertised;
    private final transient ContextPages pages;
    private final transient OwnCommentPages own;
    private final transient @Nullable ModeratorTools moderation;
    private final transient RepliesPages replies;
    private final transient RenderCache renders;
    // Built once: the fast path of a cached page writes them as they are.
    private final @Nullable String pingbackHeader;
    private final @Nullable String webmentionHeader;

    /**
     * Creates the servlet advertising every linkback protocol.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     * @param rootsPerPage how many top-level comments a page shows
     */
    public PostPageServlet(CommentService comments, Blog blog, SiteUrls urls, int rootsPerPage) {
        this(comments, blog, urls, rootsPerPage, EnumSet.allOf(Protocol.class));
    }

    /**
     * Creates the servlet.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     * @param rootsPerPage how many top-level comments a page shows
     * @param advertised the linkback protocols whose endpoints the page advertises, possibly none
     */
    public PostPageServlet(CommentService comments, Blog blog, SiteUrls urls, int rootsPerPage,
            Set<Protocol> advertised) {
        this(comments, blog, urls, rootsPerPage, advertised, null);
    }

    /**
     * Creates the servlet showing a logged-in moderator the moderation controls under each comment, and held
     * and spam comments as they are.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     * @param rootsPerPage how many top-level comments a page shows
     * @param advertised the linkback protocols whose endpoints the page advertises, possibly none
     * @param moderation the moderator's controls, or {@code null} for none
     */
    public PostPageServlet(CommentService comments, Blog blog, SiteUrls urls, int rootsPerPage,
            Set<Protocol> advertised, @Nullable ModeratorTools moderation) {
        this(comments, blog, urls, rootsPerPage, advertised, moderation, new RenderCache(comments), comment -> { });
    }

    /**
     * Creates the servlet keeping its anonymous renders in a given cache, which other views may share, with a
     * hook for the form's "notify me of replies" box.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     * @param rootsPerPage how many top-level comments a page shows
     * @param advertised the linkback protocols whose endpoints the page advertises, possibly none
     * @param moderation the moderator's controls, or {@code null} for none
     * @param renders the cache of anonymous renders
     * @param notifyMe called with each comment posted with the box ticked, e.g. {@code Notifier::watch}
     */
    public PostPageServlet(CommentService comments, Blog blog, SiteUrls urls, int rootsPerPage,
            Set<Protocol> advertised, @Nullable ModeratorTools moderation, RenderCache renders,
            Consumer<Comment> notifyMe) {
        this.renders = Objects.requireNonNull(renders, "renders");
        this.moderation = moderation;
        this.notifyMe = Objects.requireNonNull(notifyMe, "notifyMe");
        this.comments = Objects.requireNonNull(comments, "comments");
        this.blog = Objects.requireNonNull(blog, "blog");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.layout = new Layout(blog);
        this.threadHtml = new ThreadHtml(urls, comments.settings());
        this.rootsPerPage = rootsPerPage;
        this.advertised = advertised.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(advertised));
        this.pages = new ContextPages(comments, rootsPerPage);
        this.own = new OwnCommentPages(comments, urls, layout, pages);
        this.replies = new RepliesPages(comments, urls, layout, threadHtml, own);
        this.pingbackHeader = this.advertised.contains(Protocol.PINGBACK) ? urls.pingback() : null;
        this.webmentionHeader = this.advertised.contains(Protocol.WEBMENTION)
                ? "<" + urls.webmention() + ">; rel=\"webmention\"" : null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = pathParts(request);
        Optional<Post> post = parts.length == 0 ? Optional.empty()
                // A reader with no cookie at all is anonymous: their page's post is read through the window.
                : parts.length == 1 && request.getCookies() == null ? renders.recent().post(parts[0], blog::find)
                : blog.find(parts[0]);
        if (post.isEmpty() || !(parts.length == 1 || parts.length == 3 && "comments".equals(parts[1])
                || ownCommentPath(parts, "edit") || RepliesPages.matches(parts))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such post");
            return;
        }
        if (post.get().deleted()) {
            gone(response, post.get());
            return;
        }
        if (parts.length == 4) {
            own.editPage(request, response, post.get(), parts[2]);
            return;
        }
        Viewer viewer = EditTokenCookie.viewer(request);
        if (RepliesPages.matches(parts)) {
            replies.show(request, response, post.get(), parts[2], asSeen(request, viewer));
            return;
        }
        if (parts.length == 3) {
            redirectToComment(response, post.get(), parts[2], asSeen(request, viewer));
            return;
        }
        Cursor after;
        try {
            String token = request.getParameter("after");
            after = token == null || token.isEmpty() ? null : Cursor.parse(token);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "That page link is malformed");
            return;
        }
        answer(request, response, post.get(), after, viewer);
    }

    /**
     * A GET of the page, tagged for conditional requests. A reader whose cookies change nothing on the page (no
     * edit token, no remembered details, no moderator session; other cookies do not count) gets the anonymous
     * view from the render cache; any other reader gets their own view rendered, private, its tag covering
     * every byte of it (their own controls, which close with their edit window; a moderator's CSRF token and
     * flash message).
     */
    private void answer(HttpServletRequest request, HttpServletResponse response, Post post, @Nullable Cursor after,
            Viewer viewer) throws IOException {
        Cookie[] cookies = request.getCookies();
        Optional<String> csrf = cookies == null || moderation == null ? Optional.empty() : moderation.csrf(cookies);
        Rendered rendered;
        String cacheControl;
        if (csrf.isEmpty() && viewer.editTokens().isEmpty()
                && (cookies == null || RememberCookie.blank(cookies).equals(CommentForm.empty(null)))) {
            rendered = renders.anonymous("page", post.thread(), request.getQueryString(), post,
                    () -> readerPage(null, post, after, Viewer.anonymous(), null, null));
            cacheControl = ConditionalGet.PUBLIC;
        } else {
            rendered = Rendered.of(csrf.isPresent() ? Rendered.MODERATOR : Rendered.OWN, -1,
                    readerPage(cookies, post, after, viewer, null, request));
            cacheControl = ConditionalGet.PRIVATE;
        }
        linkHeaders(response);
        ConditionalGet.send(request, response, rendered, "text/html; charset=UTF-8", cacheControl, "Cookie");
    }

    /**
     * Answers with the page as the request's reader sees it: a logged-in moderator gets every comment with its
     * controls (and, after an action, what it did), and every reader their remembered details in the blank
     * forms. Every answer of the page, a refused form too, goes through here, so none loses the reader's view.
     * A GET goes through {@link #answer} instead, which shows the moderator's flash message.
     */
    private void show(HttpServletRequest request, HttpServletResponse response, int status, Post post,
            @Nullable Cursor after, Viewer viewer, @Nullable CommentForm form) throws IOException {
        write(response, status, readerPage(request.getCookies(), post, after, viewer, form, null));
    }

    /**
     * The page as the reader the cookies stand for sees it; {@code flashFrom} is the request whose parameters
     * say what the moderator's last action did, or {@code null} for none.
     */
    private byte[] readerPage(Cookie @Nullable [] cookies, Post post, @Nullable Cursor after, Viewer viewer,
            @Nullable CommentForm form, @Nullable HttpServletRequest flashFrom) {
        CommentForm blank = RememberCookie.blank(cookies);
        Optional<String> csrf = moderation == null ? Optional.empty() : moderation.csrf(cookies);
        if (csrf.isEmpty()) {
            return page(post, after, viewer, form, blank, "", NO_CONTROLS);
        }
        String local = urls.page(post, after);
        Html message = new Html();
        if (flashFrom != null) {
            Objects.requireNonNull(moderation).flash(message, flashFrom, csrf.get(), local);
        }
        return page(post, after, new Viewer(viewer.editTokens(), viewer.userId(), true), form, blank,
                message.toString(), (out, comment) -> ModeratorTools.buttons(out, comment, csrf.get(),
                        local + "#" + SiteUrls.anchor(comment.id())));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = pathParts(request);
        boolean ownComment = ownCommentPath(parts, "edit") || ownCommentPath(parts, "delete");
        Optional<Post> post = parts.length == 1 || ownComment ? blog.find(parts[0]) : Optional.empty();
        if (post.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such post");
            return;
        }
        if (post.get().deleted()) {
            gone(response, post.get());
            return;
        }
        if (ownComment) {
            if ("edit".equals(parts[3])) {
                own.edit(request, response, post.get(), parts[2]);
            } else {
                own.delete(request, response, post.get(), parts[2]);
            }
            return;
        }
        FormFields fields = FormFields.read(request);
        CommentForm form = CommentForm.from(fields);
        Viewer viewer = EditTokenCookie.viewer(request);
        CommentId parent;
        try {
            parent = form.parentId();
        } catch (IllegalArgumentException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, post.get(), null, viewer,
                    form.asNewThread().withError(InputField.TEXT, "The comment you replied to does not exist."));
            return;
        }
        PostRequest postRequest = PostRequest.builder(post.get().thread(), form.text())
                .inReplyTo(parent)
                .author(form.name(), form.email(), form.url())
                .client(new ClientContext(request.getRemoteAddr(), request.getHeader("User-Agent"),
                        request.getHeader("Referer"), urls.post(post.get())))
                .build();
        CommentForm checked = form.withErrors(comments.check(postRequest));
        if (fields.unsupportedType() != null) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, post.get(), parent, viewer,
                    checked.withError(InputField.TEXT, "Nothing was posted: the form came as "
                            + fields.unsupportedType() + ", which this page does not take. What could be read of "
                            + "it is below; please send it again from here."));
            return;
        }
        if (!fields.garbled().isEmpty()) {
            for (String name : fields.garbled()) {
                checked = checked.withError(fieldNamed(name), "Nothing was posted: part of this was not readable "
                        + "text (not UTF-8) and shows as \uFFFD. Please check it and send it again.");
            }
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, post.get(), parent, viewer, checked);
            return;
        }
        if (!checked.errors().isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, post.get(), parent, viewer, checked);
            return;
        }
        PostResult result = comments.post(postRequest);
        if (result instanceof PostResult.Rejected rejected) {
            String message = rejected.message();
            if (rejected.retryAfter() != null) {
                RetryAfter.send(response, rejected.retryAfter());
                message = RetryAfter.message(message, rejected.retryAfter());
            }
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, post.get(), parent, viewer,
                    form.withError(rejected.field() == null ? InputField.TEXT : rejected.field(), message));
            return;
        }
        PostResult.Accepted accepted = (PostResult.Accepted) result;
        if ("on".equals(fields.get(ThreadHtml.NOTIFY_FIELD))) {
            notifyMe.accept(accepted.comment());
        }
        EditTokenCookie.add(request, response, accepted.editToken());
        RememberCookie.update(request, response, form);
        Set<EditToken> tokens = new HashSet<>(viewer.editTokens());
        tokens.add(accepted.editToken());
        Viewer author = asSeen(request, new Viewer(tokens.size() > Viewer.MAX_TOKENS
                ? Set.of(accepted.editToken()) : tokens, null, false));
        own.seeComment(response, post.get(), accepted.comment().id(), author);
    }

    /**
     * The answer to a comment form whose body was refused before this servlet could read it, for being larger
     * than the body limit: the post page with the form and a message at the text, instead of a bare error page,
     * as the reader sees it (their own comments, remembered details, a moderator's view). What was typed cannot
     * be echoed, as it was never read.
     *
     * @param path the request's path in the site, e.g. {@code /posts/hello}
     * @param cookies the request's cookies
     * @return the page, or empty when the path is not the form of a post that is shown
     */
    public Optional<ErrorAnswers.Answer> refusedForm(String path, Cookie[] cookies) {
        if (!path.startsWith("/posts/")) {
            return Optional.empty();
        }
        String slug = path.substring("/posts/".length());
        slug = slug.endsWith("/") ? slug.substring(0, slug.length() - 1) : slug;
        Optional<Post> post = slug.isEmpty() || slug.contains("/") ? Optional.empty() : blog.find(slug);
        if (post.isEmpty() || post.get().deleted()) {
            return Optional.empty();
        }
        CommentForm form = RememberCookie.blank(cookies).withError(InputField.TEXT, "Nothing was posted: what you "
                + "sent was larger than this page takes. A comment has at most " + comments.settings().maxTextLength()
                + " characters; please shorten it and send it again (your browser's Back button should bring back "
                + "what you typed).");
        return Optional.of(new ErrorAnswers.Answer("text/html; charset=UTF-8",
                readerPage(cookies, post.get(), null, EditTokenCookie.viewer(cookies), form, null)));
    }

    /** Answers a refused form: the page with the form as typed and its messages, under its parent if shown. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, Post post,
            @Nullable CommentId parent, Viewer viewer, CommentForm form) throws IOException {
        Optional<Location> parentLocation = parent == null ? Optional.empty()
                : comments.locate(parent, Order.OLDEST_FIRST, viewer)
                        .filter(location -> location.comment().thread().equals(post.thread()));
        // The reply form comes back open under its parent; without a visible parent, as the main form.
        CommentForm back = parentLocation.isPresent() ? form : form.asNewThread();
        show(request, response, status, post,
                parentLocation.map(location -> pages.around(location, viewer)).orElse(null), viewer, back);
    }

    private static InputField fieldNamed(String name) {
        return switch (name) {
            case "name" -> InputField.NAME;
            case "email" -> InputField.EMAIL;
            case "url" -> InputField.URL;
            default -> InputField.TEXT;
        };
    }

    /**
     * The viewer as the next page will be rendered for: a logged-in moderator's pages show held and spam roots
     * too, so the page that ends at a comment must be counted as the moderator will see it.
     */
    private Viewer asSeen(HttpServletRequest request, Viewer viewer) {
        boolean moderator = moderation != null && moderation.csrf(request).isPresent();
        return moderator ? new Viewer(viewer.editTokens(), viewer.userId(), true) : viewer;
    }

    private void redirectToComment(HttpServletResponse response, Post post, String idText, Viewer viewer)
            throws IOException {
        Optional<Location> location;
        try {
            location = comments.locate(CommentId.of(idText), Order.OLDEST_FIRST, viewer);
        } catch (IllegalArgumentException e) {
            location = Optional.empty();
        }
        if (location.isEmpty() || !location.get().comment().thread().equals(post.thread())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such comment");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", pages.url(post, location.get(), viewer, urls));
    }

    private void write(HttpServletResponse response, int status, byte[] html) throws IOException {
        response.setStatus(status);
        linkHeaders(response);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    /** The headers that advertise the linkback endpoints. */
    private void linkHeaders(HttpServletResponse response) {
        if (pingbackHeader != null) {
            response.setHeader("X-Pingback", pingbackHeader);
        }
        if (webmentionHeader != null) {
            response.setHeader("Link", webmentionHeader);
        }
    }

    /**
     * The page. {@code blank} holds the author details every empty form starts with: none, or those a reader
     * asked to be remembered.
     */
    private byte[] page(Post post, @Nullable Cursor after, Viewer viewer, @Nullable CommentForm form,
            CommentForm blank, String flash, BiConsumer<Html, Comment> controls) {
        ThreadPage page = comments.page(post.thread(), Order.OLDEST_FIRST, after, rootsPerPage, viewer);
        Html body = new Html();
        article(body, post);
        long approved = page.counts().approved();
        body.raw("<section class=\"comments\" id=\"comments\"><h2>").text(approved == 1 ? "1 response"
                : approved + " responses").raw("</h2>").raw(flash);
        threadHtml.thread(body, post, page.roots(), form != null && form.parent() != null ? form : null, blank,
                own.own(viewer), own.heldOwn(viewer, page.roots()), controls);
        body.raw("<nav class=\"pages\" aria-label=\"Comment pages\">");
        Optional<ContextPages.Previous> previous = pages.previous(post.thread(), after, page, viewer);
        if (previous.isPresent() && !previous.get().exact()) {
            // Too many hidden roots lie before this page to find the previous one cheaply: the first page, then.
            body.raw("<a").attr("href", urls.page(post, null) + "#comments").raw(">« First comments</a>");
        } else if (previous.isPresent()) {
            if (previous.get().after() != null) {
                body.raw("<a").attr("href", urls.page(post, null) + "#comments").raw(">« First comments</a>");
            }
            body.raw("<a rel=\"prev\"").attr("href", urls.page(post, previous.get().after()) + "#comments")
                    .raw(">‹ Previous comments</a>");
        }
        if (page.next() != null) {
            body.raw("<a rel=\"next\"").attr("href", urls.page(post, page.next()) + "#comments")
                    .raw(">More comments »</a>");
        }
        body.raw("</nav><h2>Leave a comment</h2>");
        threadHtml.form(body, post, form != null && form.parent() == null ? form : blank,
                "Post comment");
        body.raw("<p class=\"byline\">Plain text; links become clickable. Comments with two or more links wait "
                + "for moderation. ");
        linkbackNote(body, post);
        body.raw("</p></section>");
        if (advertised.contains(Protocol.TRACKBACK)) {
            trackbackRdf(body, post);
        }

        Html head = new Html().raw("<link rel=\"canonical\"").attr("href", urls.post(post)).raw(">");
        if (advertised.contains(Protocol.PINGBACK)) {
            head.raw("<link rel=\"pingback\"").attr("href", urls.pingback()).raw(">");
        }
        if (advertised.contains(Protocol.WEBMENTION)) {
            head.raw("<link rel=\"webmention\"").attr("href", urls.webmention()).raw(">");
        }
        head.raw("<link rel=\"alternate\" type=\"application/atom+xml\"").attr("title", "Comments on " + post.title())
                .attr("href", urls.feed(post)).raw(">");
        return layout.page(post.title(), head.toString(), body.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private void article(Html out, Post post) {
        out.raw("<article class=\"post h-entry\"><h1 class=\"p-name\">").text(post.title()).raw("</h1>")
                .raw("<p class=\"byline\">By <span class=\"p-author\">").text(post.author()).raw("</span> · <time")
                .raw(" class=\"dt-published\"").attr("datetime", post.publishedAt().toString()).raw(">")
                .text(DAY.format(post.publishedAt())).raw("</time>");
        if (!DAY.format(post.updatedAt()).equals(DAY.format(post.publishedAt()))) {
            out.raw(" · updated <time class=\"dt-updated\"").attr("datetime", post.updatedAt().toString()).raw(">")
                    .text(DAY.format(post.updatedAt())).raw("</time>");
        }
        out.raw(" · <a").attr("href", urls.feed(post)).raw(">comment feed</a></p><div class=\"e-content\">")
                .raw(PostText.html(post)).raw("</div></article>");
    }

    /** Which protocols other blogs may reply by, as advertised. */
    private void linkbackNote(Html out, Post post) {
        List<String> ways = new java.util.ArrayList<>();
        if (advertised.contains(Protocol.PINGBACK)) {
            ways.add("Pingback");
        }
        if (advertised.contains(Protocol.WEBMENTION)) {
            ways.add("Webmention");
        }
        if (ways.isEmpty() && !advertised.contains(Protocol.TRACKBACK)) {
            out.raw("This blog takes no linkbacks.");
            return;
        }
        out.raw("Other blogs can reply by ").text(String.join(" or ", ways));
        if (advertised.contains(Protocol.TRACKBACK)) {
            out.raw(ways.isEmpty() ? "TrackBack (" : " or TrackBack (").text(urls.trackback(post)).raw(")");
        }
        out.raw(".");
    }

    /**
     * TrackBack's auto-discovery block: RDF inside an HTML comment, as Movable Type wrote it, with the post's URL
     * as {@code dc:identifier} so that a sender can tell it is this page's. Every value is escaped, so no value
     * can close the comment ({@code >} never appears in one).
     */
    private void trackbackRdf(Html out, Post post) {
        out.raw("\n<!--\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n")
                .raw("         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .raw("         xmlns:trackback=\"http://madskills.com/public/xml/rss/module/trackback/\">\n")
                .raw("<rdf:Description\n   ").attr("rdf:about", urls.post(post)).raw("\n   ")
                .attr("dc:identifier", urls.post(post)).raw("\n   ")
                .attr("dc:title", post.title()).raw("\n   ")
                .attr("trackback:ping", urls.trackback(post)).raw(" />\n</rdf:RDF>\n-->\n");
    }

    /** The page of a deleted post: 410 Gone, saying so. */
    private void gone(HttpServletResponse response, Post post) throws IOException {
        Html body = new Html().raw("<article class=\"post gone\"><h1>This post was deleted</h1><p>")
                .text("\u201c" + post.title() + "\u201d was deleted on " + DAY.format(post.updatedAt())
                        + ". Its comments are no longer shown.")
                .raw("</p><p><a href=\"/\">All posts</a></p></article>");
        byte[] html = layout.page("Deleted", "", body.toString()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_GONE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    /** Whether the path is {@code <slug>/comments/<id>/<action>}. */
    private static boolean ownCommentPath(String[] parts, String action) {
        return parts.length == 4 && "comments".equals(parts[1]) && action.equals(parts[3]);
    }

    private static String[] pathParts(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return new String[0];
        }
        String trimmed = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
        return trimmed.split("/", -1);
    }
}
