package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.Status;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Atom feed of a post's comments ({@code GET /feed/<slug>}): the newest approved comments and linkbacks,
 * replies included, newest first.
 *
 * <p>Every text (names, titles, the comment html carried as {@code type="html"}) is escaped with core's
 * helper, so the feed is well-formed XML whatever a commenter typed. Thread-safe: immutable.
 */
public final class FeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The most entries a feed holds. */
    public static final int MAX_ENTRIES = 50;

    private final transient CommentService comments;
    private final transient Blog blog;
    private final transient SiteUrls urls;
    private final transient RenderCache renders;

    /**
     * Creates the servlet.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     */
    public FeedServlet(CommentService comments, Blog blog, SiteUrls urls) {
        this(comments, blog, urls, new RenderCache(comments));
    }

    /**
     * Creates the servlet keeping its feeds in a given cache, which other views may share.
     *
     * @param comments the engine
     * @param blog the posts
     * @param urls the site's URLs
     * @param renders the cache of anonymous renders
     */
    public FeedServlet(CommentService comments, Blog blog, SiteUrls urls, RenderCache renders) {
        this.renders = Objects.requireNonNull(renders, "renders");
        this.comments = Objects.requireNonNull(comments, "comments");
        this.blog = Objects.requireNonNull(blog, "blog");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        // The feed is the same for every reader: its post is read through the window too.
        Optional<Post> post = renders.recent().post(slug, blog::find).filter(found -> !found.deleted());
        if (post.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such post");
            return;
        }
        // Everyone reads the same feed: the anonymous view, whatever the cookies; the query string selects nothing.
        Rendered rendered = renders.anonymous("feed", post.get().thread(), null, post.get(), () -> feed(post.get()));
        ConditionalGet.send(request, response, rendered, "application/atom+xml; charset=utf-8", ConditionalGet.PUBLIC,
                null);
    }

    private byte[] feed(Post post) {
        // Newest roots first, each with its replies; the newest MAX_ENTRIES of those are the feed.
        ThreadPage page = comments.page(post.thread(), Order.NEWEST_FIRST, null, MAX_ENTRIES, Viewer.anonymous());
        List<Comment> entries = new ArrayList<>();
        page.roots().forEach(root -> collect(root, entries));
        entries.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id).reversed());
        List<Comment> newest = entries.subList(0, Math.min(MAX_ENTRIES, entries.size()));
        Instant updated = newest.isEmpty() ? post.publishedAt() : newest.get(0).createdAt();

        Html xml = new Html().raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .raw("<title>").text("Comments on " + post.title()).raw("</title>")
                .raw("<id>").text(urls.feed(post)).raw("</id>")
                .raw("<link rel=\"self\"").attr("href", urls.feed(post)).raw("/>")
                .raw("<link rel=\"alternate\" type=\"text/html\"").attr("href", urls.post(post)).raw("/>")
                .raw("<updated>").text(updated.toString()).raw("</updated>");
        for (Comment comment : newest) {
            String link = urls.base() + urls.permalink(post, comment.id());
            String title = switch (comment.kind()) {
                case COMMENT -> comment.author().name() + " on " + post.title();
                case PINGBACK, TRACKBACK, WEBMENTION -> (comment.kind() == Kind.WEBMENTION ? "Mention" : "Linkback")
                        + " from " + (comment.linkback() == null ? comment.author().name() : comment.linkback().title());
            };
            xml.raw("<entry><id>").text(link).raw("</id><title>").text(title).raw("</title>")
                    .raw("<link rel=\"alternate\" type=\"text/html\"").attr("href", link).raw("/>")
                    .raw("<author><name>").text(comment.author().name()).raw("</name></author>")
                    .raw("<published>").text(comment.createdAt().toString()).raw("</published>")
                    .raw("<updated>").text(comment.updatedAt().toString()).raw("</updated>")
                    .raw("<content type=\"html\">").text(comment.html()).raw("</content></entry>");
        }
        xml.raw("</feed>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void collect(ThreadNode node, List<Comment> into) {
        if (node.comment().status() == Status.APPROVED) {
            into.add(node.comment());
        }
        node.replies().forEach(reply -> collect(reply, into));
    }
}
