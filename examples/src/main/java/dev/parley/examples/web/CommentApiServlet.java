package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.EditResult;
import dev.parley.core.EditToken;
import dev.parley.core.InputField;
import dev.parley.core.Location;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.ReplyCursor;
import dev.parley.core.ReplyPage;
import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.core.content.InputFormat;
import dev.parley.core.json.CommentJson;
import dev.parley.core.moderation.RejectCode;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON API, in the spirit of Isso's and Remark42's:
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code GET /api/threads/<slug>/comments[?after=<cursor>&limit=<n>&order=oldest|newest]}</td>
 *     <td>a page of the thread, roots with nested replies, and the next cursor; a root whose replies the page
 *     cut carries {@code moreReplies: {count, cursor, href}}</td></tr>
 * <tr><td>{@code GET /api/threads/<slug>/comments/<root id>/replies[?after=<cursor>]}</td>
 *     <td>the next page of a root's replies, from a {@code moreReplies} cursor: the root, the replies (a
 *     top-level one names its {@code parent}) and the next {@code moreReplies}; 404 for an id that is not a
 *     visible root of the thread</td></tr>
 * <tr><td>{@code POST /api/threads/<slug>/comments}</td>
 *     <td>post {@code {"parent", "name", "email", "url", "text"}}; 201 with the comment and its
 *     {@code editToken}, or 422 with the reason</td></tr>
 * <tr><td>{@code GET /api/comments/<id>}</td><td>one visible comment</td></tr>
 * <tr><td>{@code PUT /api/comments/<id>}</td>
 *     <td>edit your own comment: {@code {"text"}} with the token in {@code X-Edit-Token} or the page's
 *     cookie</td></tr>
 * <tr><td>{@code DELETE /api/comments/<id>}</td><td>delete your own comment, token in {@code X-Edit-Token} or
 *     the page's cookie</td></tr>
 * <tr><td>{@code GET /api/counts?thread=<slug>&thread=<slug>...}</td><td>approved counts of several threads</td></tr>
 * </table>
 *
 * <p>Comments are written in core's public JSON schema ({@link CommentJson}), with local identicon avatars:
 * no e-mail, IP address or user agent ever appears.
 *
 * <p>Reads accept the edit tokens of the {@code X-Edit-Token} header (comma-separated) and of the page's
 * cookie, so an author sees their own pending comments. Edits and deletes take the token of the
 * {@code X-Edit-Token} header or, without one, the token for that comment among the cookie's
 * ({@link EditTokenCookie}), so a script on the page may edit without ever holding the token: 401 when neither
 * carries a token, 403 when none is for that comment. The cookie is safe to act on here without a CSRF token,
 * as the page's forms need one: PUT, DELETE and JSON bodies are not what a cross-site form or simple request
 * can send, and the API answers no CORS preflight. Every error is a JSON body
 * {@code {"error": {"code", "message", "field"}}}: malformed JSON is 400, a rejected comment 422. An error about
 * one field or query parameter names it in {@code field}, with one code per kind of problem ({@code empty},
 * {@code too_long}, {@code invalid_field}, {@code bad_parent}); a method a path does not take is 405 with an
 * {@code Allow} header naming those it does.
 *
 * <p>Thread-safe: immutable.
 */
public final class CommentApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * The largest request body read: room for the longest comment text with every character as a {@code \\u}
     * escape ({@link BodyLimits#jsonBytes()}); a longer one is 413.
     */
    public static final int MAX_BODY_BYTES = BodyLimits.DEFAULT.jsonBytes();
    /** The header carrying edit tokens. */
    public static final String TOKEN_HEADER = "X-Edit-Token";

    // What the API's GET answers carry: the type every answer has, and what selects the reader's view.
    private static final String JSON_TYPE = "application/json;charset=utf-8";
    private static final String VARY = "Cookie, " + TOKEN_HEADER;

    // A field or parameter whose value is malformed: the engine's code for the same kind of problem.
    private static final String INVALID = "invalid_field";

    private final transient CommentService comments;
    private final transient Blog blog;
    private final transient SiteUrls urls;
    private final transient JsonMapper mapper = JsonMapper.builder().build();
    private final transient CommentJson views;
    private final int defaultLimit;
    private final transient RenderCache renders;

    /**
     * Creates the API.
     *
     * @param comments the engine
     * @param blog the posts (threads outside the blog are 404)
     * @param urls the site's URLs
     * @param defaultLimit the roots per page when the request gives no limit
     */
    public CommentApiServlet(CommentService comments, Blog blog, SiteUrls urls, int defaultLimit) {
        this(comments, blog, urls, defaultLimit, new RenderCache(comments));
    }

    /**
     * Creates the API keeping its anonymous thread pages in a given cache, which other views may share.
     *
     * @param comments the engine
     * @param blog the posts (threads outside the blog are 404)
     * @param urls the site's URLs
     * @param defaultLimit the roots per page when the request gives no limit
     * @param renders the cache of anonymous renders
     */
    public CommentApiServlet(CommentService comments, Blog blog, SiteUrls urls, int defaultLimit,
            RenderCache renders) {
        this.renders = Objects.requireNonNull(renders, "renders");
        this.comments = Objects.requireNonNull(comments, "comments");
        this.blog = Objects.requireNonNull(blog, "blog");
        this.urls = Objects.requireNonNull(urls, "urls");
        // The same rule as the page's "author" badge, so a JSON client can show it too.
        this.views = CommentJson.withAvatars(urls::avatar)
                .withPostAuthor(c -> Blog.AUTHOR_USER_ID.equals(c.author().userId()))
                .withRepliesLinks((root, cursor) -> "/api/threads/" + root.thread().value()
                        + "/comments/" + root.id().value() + "/replies?after=" + cursor);
        this.defaultLimit = defaultLimit;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = path(request);
        // HEAD is GET without the body, which the container drops.
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        try {
            if (path.size() == 3 && path.get(0).equals("threads") && path.get(2).equals("comments")) {
                // A GET without cookie or edit token is anonymous: its post is read through the window.
                Optional<Post> post = method.equals("GET") && request.getCookies() == null
                        && request.getHeader(TOKEN_HEADER) == null
                        ? renders.recent().post(path.get(1), blog::find).filter(found -> !found.deleted())
                        : blog.post(path.get(1));
                if (post.isEmpty()) {
                    error(response, 404, "not_found", "no such thread", null);
                } else if (method.equals("GET")) {
                    readPage(request, response, post.get());
                } else if (method.equals("POST")) {
                    postComment(request, response, post.get());
                } else {
                    notAllowed(response, "GET, HEAD, POST");
                }
            } else if (path.size() == 5 && path.get(0).equals("threads") && path.get(2).equals("comments")
                    && path.get(4).equals("replies")) {
                Optional<Post> post = blog.post(path.get(1));
                if (post.isEmpty()) {
                    error(response, 404, "not_found", "no such thread", null);
                } else if (method.equals("GET")) {
                    readReplies(request, response, post.get(), path.get(3));
                } else {
                    notAllowed(response, "GET, HEAD");
                }
            } else if (path.size() == 2 && path.get(0).equals("comments")) {
                switch (method) {
                    case "GET" -> readComment(request, response, path.get(1));
                    case "PUT" -> edit(request, response, path.get(1));
                    case "DELETE" -> delete(request, response, path.get(1));
                    default -> notAllowed(response, "GET, HEAD, PUT, DELETE");
                }
            } else if (path.size() == 1 && path.get(0).equals("counts")) {
                if (method.equals("GET")) {
                    counts(request, response);
                } else {
                    notAllowed(response, "GET, HEAD");
                }
            } else {
                error(response, 404, "not_found", "no such endpoint", null);
            }
        } catch (BadRequest e) {
            error(response, e.status, e.code, e.getMessage(), e.field);
        }
    }

    private void readPage(HttpServletRequest request, HttpServletResponse response, Post post) throws IOException {
        Cursor after = null;
        String token = request.getParameter("after");
        if (token != null && !token.isEmpty()) {
            try {
                after = Cursor.parse(token);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, INVALID, "after is not a cursor this API returned", "after");
            }
        }
        int limit = intParameter(request, "limit", defaultLimit, 1, 100);
        Order order = order(request.getParameter("order"));
        Viewer viewer = viewer(request);
        Cursor from = after;
        Rendered rendered;
        String cacheControl;
        if (viewer.editTokens().isEmpty()) {
            // The JSON depends on nothing of the post but its thread: the subject is the same for every render.
            rendered = renders.anonymous("json", post.thread(), request.getQueryString(), "",
                    () -> utf8(views.write(views.toPublic(comments.page(post.thread(), order, from, limit, viewer)))));
            cacheControl = ConditionalGet.PUBLIC;
        } else {
            rendered = Rendered.of(Rendered.OWN, -1, views.write(views.toPublic(
                    comments.page(post.thread(), order, from, limit, viewer))));
            cacheControl = ConditionalGet.PRIVATE;
        }
        ConditionalGet.send(request, response, rendered, JSON_TYPE, cacheControl, VARY);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void readReplies(HttpServletRequest request, HttpServletResponse response, Post post, String rootText)
            throws IOException {
        ReplyCursor after = null;
        String token = request.getParameter("after");
        if (token != null && !token.isEmpty()) {
            try {
                after = ReplyCursor.parse(token);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, INVALID, "after is not a cursor this API returned", "after");
            }
        }
        Optional<ReplyPage> page = comments.replies(id(rootText), after, viewer(request));
        if (page.isEmpty() || !page.get().root().comment().thread().equals(post.thread())) {
            error(response, 404, "not_found", "no such comment", null);
            return;
        }
        write(response, 200, views.write(views.toPublic(page.get())));
    }

    private void postComment(HttpServletRequest request, HttpServletResponse response, Post post) throws IOException {
        JsonNode body = body(request);
        CommentId parent;
        try {
            String parentText = optionalText(body, "parent");
            parent = parentText == null ? null : CommentId.of(parentText);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(422, code(RejectCode.BAD_PARENT), "parent is not a comment id", "parent");
        }
        PostRequest postRequest = PostRequest.builder(post.thread(), Objects.requireNonNullElse(optionalText(body, "text"), ""))
                .inReplyTo(parent)
                .author(optionalText(body, "name"), optionalText(body, "email"), optionalText(body, "url"))
                .client(new ClientContext(request.getRemoteAddr(), request.getHeader("User-Agent"),
                        request.getHeader("Referer"), urls.post(post)))
                .build();
        PostResult result = comments.post(postRequest);
        if (result instanceof PostResult.Rejected rejected) {
            if (rejected.retryAfter() != null) {
                tooSoon(response, rejected, rejected.retryAfter());
                return;
            }
            error(response, 422, code(rejected.code()), rejected.message(),
                    field(rejected.code(), rejected.field()));
            return;
        }
        PostResult.Accepted accepted = (PostResult.Accepted) result;
        ObjectNode out = mapper.createObjectNode();
        out.set("comment", mapper.readTree(views.write(views.toPublic(new ThreadNode(accepted.comment())))));
        out.put("editToken", accepted.editToken().value());
        response.setHeader("Location", urls.base() + "/api/comments/" + accepted.comment().id().value());
        write(response, 201, out);
    }

    private void readComment(HttpServletRequest request, HttpServletResponse response, String idText) throws IOException {
        Optional<Location> location = comments.locate(id(idText), Order.OLDEST_FIRST, viewer(request));
        if (location.isEmpty() || blog.post(location.get().comment().thread()).isEmpty()) {
            error(response, 404, "not_found", "no such comment", null);
            return;
        }
        write(response, 200, views.write(views.toPublic(new ThreadNode(location.get().comment()))));
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, String idText) throws IOException {
        CommentId id = id(idText);
        EditToken token = token(request, id);
        JsonNode body = body(request);
        String text = optionalText(body, "text");
        if (text == null) {
            throw new BadRequest(422, code(RejectCode.EMPTY), "text is required", "text");
        }
        answer(response, comments.editByAuthor(id, token, text, InputFormat.PLAIN_TEXT));
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, String idText) throws IOException {
        CommentId id = id(idText);
        answer(response, comments.deleteByAuthor(id, token(request, id)));
    }

    private void answer(HttpServletResponse response, EditResult result) throws IOException {
        if (result instanceof EditResult.Done done) {
            write(response, 200, views.write(views.toPublic(new ThreadNode(done.comment()))));
            return;
        }
        EditResult.Rejected rejected = (EditResult.Rejected) result;
        int status = switch (rejected.code()) {
            case BAD_TOKEN -> 403;
            case NOT_FOUND -> 404;
            case EDIT_WINDOW_CLOSED, HAS_REPLIES -> 409;
            default -> 422;
        };
        error(response, status, code(rejected.code()), rejected.message(), field(rejected.code(), rejected.field()));
    }

    private void counts(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] threads = request.getParameterValues("thread");
        if (threads == null || threads.length == 0) {
            throw new BadRequest(400, code(RejectCode.EMPTY), "give one or more thread parameters", "thread");
        }
        if (threads.length > 100) {
            throw new BadRequest(400, code(RejectCode.TOO_LONG), "at most 100 threads per request", "thread");
        }
        List<ThreadKey> keys = new ArrayList<>();
        for (String thread : threads) {
            if (blog.post(thread).isPresent()) {
                keys.add(ThreadKey.of(thread));
            }
        }
        Map<ThreadKey, StatusCounts> counts = comments.counts(keys);
        ObjectNode out = mapper.createObjectNode();
        ObjectNode byThread = out.putObject("counts");
        for (String thread : threads) {
            StatusCounts count = blog.post(thread).isPresent()
                    ? counts.getOrDefault(ThreadKey.of(thread), StatusCounts.ZERO) : StatusCounts.ZERO;
            byThread.put(thread, count.approved());
        }
        write(response, 200, out);
    }

    private Viewer viewer(HttpServletRequest request) {
        List<EditToken> tokens = new ArrayList<>(EditTokenCookie.read(request));
        String header = request.getHeader(TOKEN_HEADER);
        if (header != null) {
            for (String part : header.split(",")) {
                String value = part.strip();
                if (!value.isEmpty() && value.length() <= EditToken.MAX_LENGTH && tokens.size() < Viewer.MAX_TOKENS) {
                    tokens.add(new EditToken(value));
                }
            }
        }
        return tokens.isEmpty() ? Viewer.anonymous() : Viewer.withTokens(Set.copyOf(tokens));
    }

    /** The header's token, else the cookie's token for the comment. */
    private EditToken token(HttpServletRequest request, CommentId id) {
        String header = request.getHeader(TOKEN_HEADER);
        if (header == null) {
            List<EditToken> cookie = EditTokenCookie.read(request);
            if (!cookie.isEmpty()) {
                return comments.editToken(id, Viewer.withTokens(Set.copyOf(cookie))).orElseThrow(() ->
                        new BadRequest(403, code(RejectCode.BAD_TOKEN), "none of the cookie's edit tokens is for "
                                + "this comment"));
            }
        }
        if (header == null || header.isBlank() || header.strip().length() > EditToken.MAX_LENGTH) {
            throw new BadRequest(401, "missing_token", "send the comment's edit token in " + TOKEN_HEADER
                    + " or the page's cookie");
        }
        return new EditToken(header.strip());
    }

    private static CommentId id(String text) {
        try {
            return CommentId.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(404, "not_found", "no such comment");
        }
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "unsupported_media_type", "send the body as application/json");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequest(413, "too_large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new BadRequest(400, "bad_json", "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest(400, "bad_json", "the body must be a JSON object");
        }
        return node;
    }

    private static @Nullable String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadRequest(400, INVALID, field + " must be a string", field);
        }
        return value.asString();
    }

    private static int intParameter(HttpServletRequest request, String name, int fallback, int min, int max) {
        String text = request.getParameter(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(400, INVALID, name + " must be a number from " + min + " to " + max, name);
    }

    private static List<String> path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.length() < 2) {
            return List.of();
        }
        return Arrays.asList(info.substring(1).split("/", -1));
    }

    private static Order order(@Nullable String text) {
        if (text == null || text.isEmpty() || text.equals("oldest")) {
            return Order.OLDEST_FIRST;
        }
        if (text.equals("newest")) {
            return Order.NEWEST_FIRST;
        }
        throw new BadRequest(400, INVALID, "order must be oldest or newest", "order");
    }

    private static String code(RejectCode code) {
        return code.name().toLowerCase(Locale.ROOT);
    }

    /** The field an error names: the engine's, or the reply's parent for a parent it refused. */
    private static @Nullable String field(RejectCode code, @Nullable InputField field) {
        if (field != null) {
            return field.name().toLowerCase(Locale.ROOT);
        }
        return code == RejectCode.BAD_PARENT ? "parent" : null;
    }

    private void notAllowed(HttpServletResponse response, String allow) throws IOException {
        response.setHeader("Allow", allow);
        error(response, 405, "method_not_allowed", "use " + allow, null);
    }

    private void error(HttpServletResponse response, int status, String code, String message,
            @Nullable String field) throws IOException {
        ObjectNode out = mapper.createObjectNode();
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        write(response, status, out);
    }

    /** A flood rejection: the usual error, plus the wait as Retry-After and as {@code retryAfter} seconds. */
    private void tooSoon(HttpServletResponse response, PostResult.Rejected rejected, Duration wait)
            throws IOException {
        long seconds = RetryAfter.send(response, wait);
        ObjectNode out = mapper.createObjectNode();
        ObjectNode error = out.putObject("error");
        error.put("code", code(rejected.code()));
        error.put("message", RetryAfter.message(rejected.message(), wait));
        error.put("retryAfter", seconds);
        write(response, 422, out);
    }

    private void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        write(response, status, mapper.writeValueAsString(body));
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A client mistake found while reading the request, answered as a JSON error. */
    private static final class BadRequest extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String code;
        private final @Nullable String field;

        BadRequest(int status, String code, String message) {
            this(status, code, message, null);
        }

        BadRequest(int status, String code, String message, @Nullable String field) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }
}
