package dev.parley.examples.web;

import dev.parley.core.ReplyCursor;
import dev.parley.core.avatar.AvatarKeys;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.Author;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The demo's URL scheme in one place: post pages, pages of a thread, permalinks, the API, the feed and the
 * linkback endpoints; and the reverse, from a linkback's target URL to the post it names.
 *
 * <p>Immutable and thread-safe.
 */
public final class SiteUrls {

    private final String base;
    private final URI baseUri;
    private final Blog blog;
    private final AvatarKeys avatars;

    /**
     * Creates the scheme for a site.
     *
     * @param base the public base URL, without a trailing slash
     * @param blog the posts
     * @param avatars the site's avatar keys, under the secret every instance shares
     * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URL
     */
    public SiteUrls(String base, Blog blog, AvatarKeys avatars) {
        this.base = Objects.requireNonNull(base, "base");
        this.blog = Objects.requireNonNull(blog, "blog");
        this.avatars = Objects.requireNonNull(avatars, "avatars");
        try {
            this.baseUri = new URI(base);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base must be a URL, was \"" + base + "\"", e);
        }
        if (baseUri.getHost() == null || !("http".equals(baseUri.getScheme()) || "https".equals(baseUri.getScheme()))) {
            throw new IllegalArgumentException("base must be an absolute http(s) URL, was \"" + base + "\"");
        }
    }

    /**
     * The public base URL.
     *
     * @return e.g. {@code http://localhost:8080}
     */
    public String base() {
        return base;
    }

    /**
     * The site-relative URL of an author's identicon: its key is an HMAC under the site's secret, so the URL
     * does not confirm a guessed e-mail address as a plain hash of it would.
     *
     * @param author the author
     * @return e.g. {@code /avatars/3f2a...9c.svg}
     */
    public String avatar(Author author) {
        return "/avatars/" + avatars.of(author).hex() + ".svg";
    }

    /**
     * The absolute URL of a post: what other blogs link to, and the target their linkbacks name.
     *
     * @param post the post
     * @return the post's URL
     */
    public String post(Post post) {
        return base + post.path();
    }

    /**
     * The site-relative URL of a page of a post's thread.
     *
     * @param post the post
     * @param after the cursor of the page, or {@code null} for the first page
     * @return e.g. {@code /posts/slug?after=...}
     */
    public String page(Post post, @Nullable Cursor after) {
        return after == null ? post.path() : post.path() + "?after=" + encode(after.token());
    }

    /**
     * The site-relative URL of a page of the replies under one root, past what the thread page shows.
     *
     * @param post the post
     * @param root the root
     * @param after where the page starts
     * @return {@code /posts/<slug>/replies/<root id>?after=<cursor>}
     */
    public String replies(Post post, CommentId root, ReplyCursor after) {
        return post.path() + "/replies/" + root.value() + "?after=" + encode(after.token());
    }

    /**
     * The site-relative permalink of a comment, which redirects to the page that holds it.
     *
     * @param post the post
     * @param id the comment
     * @return {@code /posts/<slug>/comments/<id>}
     */
    public String permalink(Post post, CommentId id) {
        return post.path() + "/comments/" + id.value();
    }

    /**
     * The HTML id of a comment's element, the fragment its permalink lands on.
     *
     * @param id the comment
     * @return {@code c-<id>}
     */
    public static String anchor(CommentId id) {
        return "c-" + id.value();
    }

    /**
     * The absolute URL of the XML-RPC pingback endpoint.
     *
     * @return the URL
     */
    public String pingback() {
        return base + "/pingback";
    }

    /**
     * The absolute URL of the Webmention endpoint.
     *
     * @return the URL
     */
    public String webmention() {
        return base + "/webmention";
    }

    /**
     * The absolute TrackBack ping URL of a post.
     *
     * @param post the post
     * @return the URL
     */
    public String trackback(Post post) {
        return base + "/trackback/" + post.slug();
    }

    /**
     * The absolute URL of a post's comment feed.
     *
     * @param post the post
     * @return the URL
     */
    public String feed(Post post) {
        return base + "/feed/" + post.slug();
    }

    /**
     * The post a linkback target names: same scheme, host and port as the base URL, path {@code /posts/<slug>}
     * (a trailing slash, query and fragment are ignored).
     *
     * @param target the target URL as the remote blog sent it
     * @return the post, or empty if the URL names no post of this site
     */
    public Optional<Post> postOf(String target) {
        Objects.requireNonNull(target, "target");
        URI uri;
        try {
            uri = new URI(target.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !uri.getScheme().equalsIgnoreCase(baseUri.getScheme())
                || !uri.getHost().toLowerCase(Locale.ROOT).equals(baseUri.getHost().toLowerCase(Locale.ROOT))
                || effectivePort(uri) != effectivePort(baseUri)) {
            return Optional.empty();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.startsWith("/posts/")) {
            return Optional.empty();
        }
        String slug = path.substring("/posts/".length());
        return slug.contains("/") ? Optional.empty() : blog.post(slug);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
