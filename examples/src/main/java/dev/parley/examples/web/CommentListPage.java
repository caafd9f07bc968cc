package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The moderator's list of every comment ({@code GET /admin/comments}), newest first, filtered by status, post,
 * author name and text ({@code status}, {@code post}, {@code author}, {@code q}), in keyset pages of
 * {@value #PAGE_SIZE} ({@code after}), with the same actions as the queue. A plain GET form filters it, plain
 * links page it: no script.
 *
 * <p>Immutable and thread-safe.
 */
final class CommentListPage {

    /** How many comments a page lists. */
    static final int PAGE_SIZE = 20;

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, Set<Status>> STATUSES = statuses();

    private final CommentService comments;
    private final Blog blog;
    private final ModeratorTools tools;

    CommentListPage(CommentService comments, Blog blog, ModeratorTools tools) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.blog = Objects.requireNonNull(blog, "blog");
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    /**
     * The filters a request names. Throws IllegalArgumentException, with a message for the moderator, for a
     * status, post, cursor or term that is not valid.
     */
    record Filters(String status, @Nullable Post post, @Nullable String author, @Nullable String text,
            @Nullable Cursor after) {

        static Filters of(HttpServletRequest request, Blog blog) {
            String status = Objects.requireNonNullElse(request.getParameter("status"), "all");
            if (!STATUSES.containsKey(status)) {
                throw new IllegalArgumentException("There is no status \u201c" + status + "\u201d.");
            }
            String slug = blank(request.getParameter("post"));
            Post post = null;
            if (slug != null) {
                post = blog.find(slug).orElseThrow(() -> new IllegalArgumentException("There is no such post."));
            }
            String after = blank(request.getParameter("after"));
            Cursor cursor;
            try {
                cursor = after == null ? null : Cursor.parse(after);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("That page of the list does not exist.", e);
            }
            String author = trimmed(request.getParameter("author"));
            String text = trimmed(request.getParameter("q"));
            for (String term : new String[] {author, text}) {
                if (term != null && term.length() > CommentSearch.MAX_TERM_LENGTH) {
                    throw new IllegalArgumentException("Search for at most " + CommentSearch.MAX_TERM_LENGTH
                            + " characters.");
                }
            }
            Filters filters = new Filters(status, post, author, text, cursor);
            try {
                filters.search();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Search terms cannot hold control characters.", e);
            }
            return filters;
        }

        CommentSearch search() {
            return CommentSearch.of(STATUSES.get(status)).inThread(post == null ? null : post.thread())
                    .byAuthor(author).containing(text);
        }

        /** This list's path with these filters, on the page after {@code cursor} (or the first). */
        String path(@Nullable Cursor cursor) {
            StringBuilder path = new StringBuilder("/admin/comments");
            char separator = '?';
            Map<String, @Nullable String> parameters = new LinkedHashMap<>();
            parameters.put("status", status.equals("all") ? null : status);
            parameters.put("post", post == null ? null : post.slug());
            parameters.put("author", author);
            parameters.put("q", text);
            parameters.put("after", cursor == null ? null : cursor.token());
            for (Map.Entry<String, @Nullable String> parameter : parameters.entrySet()) {
                if (parameter.getValue() != null) {
                    path.append(separator).append(parameter.getKey()).append('=')
                            .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                    separator = '&';
                }
            }
            return path.toString();
        }

        Filters withAuthor(String name) {
            return new Filters(status, post, name, text, null);
        }
    }

    /** Writes the page body: heading, message of the last action, filter form, table and pager. */
    void write(Html out, HttpServletRequest request, String csrf, Filters filters) {
        Page page = comments.search(filters.search(), filters.after() == null
                ? PageRequest.first(Order.NEWEST_FIRST, PAGE_SIZE)
                : new PageRequest(Order.NEWEST_FIRST, filters.after(), PAGE_SIZE));
        String back = filters.path(filters.after());
        out.raw("<h1>All comments</h1><p class=\"admin-nav\"><a href=\"/admin\">Moderation queue</a> · ")
                .raw("<a href=\"/admin/posts\">Posts</a> · <a href=\"/admin/words\">Words</a></p>");
        tools.flash(out, request, csrf, back);
        filterForm(out, filters);
        if (page.items().isEmpty()) {
            out.raw("<p class=\"byline\">").text(filters.after() == null ? "No comment matches."
                    : "No more comments match.").raw("</p>");
        } else {
            out.raw("<table class=\"queue all-comments\"><thead><tr><th>Comment</th><th>Actions</th></tr></thead>")
                    .raw("<tbody>");
            for (Comment comment : page.items()) {
                row(out, comment, csrf, back, filters);
            }
            out.raw("</tbody></table>");
        }
        if (filters.after() != null || page.nextCursor().isPresent()) {
            out.raw("<nav class=\"pager\" aria-label=\"All comments\">");
            if (filters.after() != null) {
                out.raw("<a").attr("href", filters.path(null)).raw(">&larr; Newest</a> ");
            }
            if (page.nextCursor().isPresent()) {
                out.raw("<a rel=\"next\"").attr("href", filters.path(page.nextCursor().get()))
                        .raw(">Older comments &rarr;</a>");
            }
            out.raw("</nav>");
        }
    }

    private void filterForm(Html out, Filters filters) {
        out.raw("<form class=\"filters\" method=\"get\" action=\"/admin/comments\" role=\"search\">")
                .raw("<label>Status <select name=\"status\">");
        for (String status : STATUSES.keySet()) {
            out.raw("<option").attr("value", status).raw(status.equals(filters.status()) ? " selected>" : ">")
                    .text(status).raw("</option>");
        }
        out.raw("</select></label><label>Post <select name=\"post\"><option value=\"\">every post</option>");
        for (Post post : blog.allPosts()) {
            out.raw("<option").attr("value", post.slug())
                    .raw(filters.post() != null && filters.post().slug().equals(post.slug()) ? " selected>" : ">")
                    .text(post.title()).raw("</option>");
        }
        out.raw("</select></label><label>Author <input name=\"author\" type=\"search\"")
                .attr("value", Objects.requireNonNullElse(filters.author(), ""))
                .attr("maxlength", Integer.toString(CommentSearch.MAX_TERM_LENGTH))
                .raw("></label><label>Text <input name=\"q\" type=\"search\"")
                .attr("value", Objects.requireNonNullElse(filters.text(), ""))
                .attr("maxlength", Integer.toString(CommentSearch.MAX_TERM_LENGTH))
                .raw("></label><button type=\"submit\">Filter</button></form>");
    }

    private void row(Html out, Comment comment, String csrf, String back, Filters filters) {
        Optional<Post> post = blog.post(comment.thread());
        out.raw("<tr").attr("id", "a-" + comment.id().value()).raw("><td><p class=\"comment-meta\">")
                .raw("<span").attr("class", "status status-" + comment.status().name().toLowerCase(Locale.ROOT))
                .raw(">").text(ModeratorTools.label(comment.status())).raw("</span> <a class=\"author\"")
                .attr("href", filters.withAuthor(comment.author().name()).path(null)).raw(">")
                .text(comment.author().name()).raw("</a>");
        if (comment.author().email() != null) {
            out.raw(" &lt;").text(comment.author().email()).raw("&gt;");
        }
        if (comment.author().ip() != null) {
            out.raw(" · ").text(comment.author().ip());
        }
        out.raw(" · ").text(SHOWN.format(comment.createdAt())).raw(" · on ");
        if (post.isPresent()) {
            out.raw("<a").attr("href", post.get().path()).raw(">").text(post.get().title()).raw("</a>");
        } else {
            out.text(comment.thread().value());
        }
        out.raw("</p><div class=\"comment-text\">").raw(comment.html()).raw("</div></td><td>");
        ModeratorTools.buttons(out, comment, csrf, back, false);
        out.raw("</td></tr>");
    }

    private static Map<String, Set<Status>> statuses() {
        Map<String, Set<Status>> statuses = new LinkedHashMap<>();
        statuses.put("all", EnumSet.allOf(Status.class));
        for (Status status : Status.values()) {
            statuses.put(status.name().toLowerCase(Locale.ROOT), EnumSet.of(status));
        }
        return statuses;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
