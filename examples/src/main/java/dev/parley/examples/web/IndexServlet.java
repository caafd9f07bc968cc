package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The front page: the blog's posts with their comment counts, read for all posts in one engine call.
 *
 * <p>Thread-safe: immutable.
 */
public final class IndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CommentService comments;
    private final transient Blog blog;
    private final transient Layout layout;

    /**
     * Creates the servlet.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     */
    public IndexServlet(CommentService comments, Blog blog, SiteUrls urls) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.blog = Objects.requireNonNull(blog, "blog");
        Objects.requireNonNull(urls, "urls");
        this.layout = new Layout(blog);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!"/".equals(path) && !path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing here");
            return;
        }
        Map<ThreadKey, StatusCounts> counts = comments.counts(blog.posts().stream().map(Post::thread).toList());
        Html body = new Html().raw("<h1>").text(blog.name()).raw("</h1><ul class=\"posts\">");
        for (Post post : blog.posts()) {
            long approved = counts.getOrDefault(post.thread(), StatusCounts.ZERO).approved();
            body.raw("<li><a").attr("href", post.path()).raw(">").text(post.title()).raw("</a> <span class=\"byline\">")
                    .text(approved == 1 ? "1 response" : approved + " responses").raw("</span></li>");
        }
        body.raw("</ul>");
        byte[] html = layout.page("Posts", "", body.toString()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
