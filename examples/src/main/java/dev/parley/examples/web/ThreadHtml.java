package dev.parley.examples.web;

import dev.parley.core.InputField;
import dev.parley.core.ThreadNode;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders a thread, as the engine nests it, into HTML: one {@code <li>} per comment with its replies in a
 * nested {@code <ol>}, each with an avatar, author, permalink, the sanitized html, and a reply form that works
 * without JavaScript (a {@code <details>} element opens it).
 *
 * <p>Text from comments (names, URLs, linkback titles) is always written through {@link Html#text} or
 * {@link Html#attr}; only the engine's sanitized html is written raw.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThreadHtml {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SiteUrls urls;

    /**
     * Creates the renderer.
     *
     * @param urls the site's URL scheme
     */
    public ThreadHtml(SiteUrls urls) {
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    /**
     * Renders the roots of a page and their replies.
     *
     * @param out where to write
     * @param post the post the thread belongs to
     * @param roots the page's roots
     * @param openForm a form to show filled in (a rejected reply), or {@code null}
     */
    public void thread(Html out, Post post, List<ThreadNode> roots, @Nullable CommentForm openForm) {
        thread(out, post, roots, openForm, CommentForm.empty(null));
    }

    /**
     * Renders the roots of a page and their replies, with the reply forms filled in with remembered details.
     *
     * @param out where to write
     * @param post the post the thread belongs to
     * @param roots the page's roots
     * @param openForm a form to show filled in (a rejected reply), or {@code null}
     * @param blank the author details every other reply form starts with (empty, or the remembered ones)
     */
    public void thread(Html out, Post post, List<ThreadNode> roots, @Nullable CommentForm openForm,
            CommentForm blank) {
        out.raw("<ol class=\"thread\">");
        for (ThreadNode root : roots) {
            node(out, post, root, openForm, blank);
        }
        out.raw("</ol>");
    }

    private void node(Html out, Post post, ThreadNode node, @Nullable CommentForm openForm, CommentForm blank) {
        Comment comment = node.comment();
        String classes = "comment" + (comment.status() == Status.PENDING ? " pending" : "")
                + (comment.kind() != Kind.COMMENT ? " linkback" : "");
        out.raw("<li").attr("class", classes).attr("id", SiteUrls.anchor(comment.id())).raw(">");
        if (node.placeholder()) {
            out.raw("<div class=\"comment-body\"><p class=\"deleted\">This comment was deleted.</p></div>");
        } else if (comment.kind() != Kind.COMMENT) {
            linkback(out, post, comment);
        } else {
            comment(out, post, comment, openForm, blank);
        }
        if (!node.replies().isEmpty()) {
            out.raw("<ol class=\"replies\">");
            for (ThreadNode reply : node.replies()) {
                node(out, post, reply, openForm, blank);
            }
            out.raw("</ol>");
        }
        out.raw("</li>");
    }

    private void comment(Html out, Post post, Comment comment, @Nullable CommentForm openForm,
            CommentForm blank) {
        Author author = comment.author();
        out.raw("<div class=\"comment-body\">");
        avatar(out, urls.avatar(author), author.name());
        out.raw("<div class=\"comment-meta\">");
        if (author.url() != null && isHttp(author.url())) {
            out.raw("<a class=\"author\"").attr("href", author.url()).raw(" rel=\"nofollow ugc noopener\">")
                    .text(author.name()).raw("</a>");
        } else {
            out.raw("<span class=\"author\">").text(author.name()).raw("</span>");
        }
        if (Blog.AUTHOR_USER_ID.equals(author.userId())) {
            out.raw(" <span class=\"badge\">author</span>");
        }
        out.raw(" · ");
        permalink(out, post, comment);
        out.raw("</div><div class=\"comment-text\">");
        if (comment.status() == Status.PENDING) {
            out.raw("<p class=\"notice\">Your comment is awaiting moderation. Only you can see it for now.</p>");
        }
        out.raw(comment.html());
        out.raw("</div></div>");
        if (comment.status() == Status.APPROVED) {
            replyForm(out, post, comment, openForm, blank);
        }
    }

    private void linkback(Html out, Post post, Comment comment) {
        String label = switch (comment.kind()) {
            case PINGBACK -> "Pingback";
            case TRACKBACK -> "Trackback";
            case WEBMENTION -> "Mention";
            case COMMENT -> "Comment";
        };
        String source = comment.linkback() == null ? "" : comment.linkback().sourceUrl();
        String title = comment.linkback() == null || comment.linkback().title().isBlank()
                ? source : comment.linkback().title();
        out.raw("<div class=\"comment-body\">");
        avatar(out, urls.avatar(comment.author()), comment.author().name());
        out.raw("<div class=\"comment-meta\">").text(label).raw(" from <span class=\"author\">")
                .text(comment.author().name()).raw("</span> · ");
        permalink(out, post, comment);
        out.raw("</div><div class=\"comment-text\"><p class=\"linkback-title\">");
        if (isHttp(source)) {
            out.raw("<a").attr("href", source).raw(" rel=\"nofollow ugc noopener\">").text(title).raw("</a>");
        } else {
            out.text(title);
        }
        out.raw("</p><div class=\"excerpt\">").raw(comment.html()).raw("</div></div></div>");
    }

    private void permalink(Html out, Post post, Comment comment) {
        out.raw("<a class=\"permalink\"").attr("href", urls.permalink(post, comment.id())).raw(">")
                .raw("<time").attr("datetime", comment.createdAt().toString()).raw(">")
                .text(SHOWN.format(comment.createdAt())).raw("</time></a>");
    }

    private static void avatar(Html out, String src, String name) {
        out.raw("<img class=\"avatar\"").attr("src", src).attr("alt", "")
                .attr("title", name).raw(" width=\"40\" height=\"40\">");
    }

    private void replyForm(Html out, Post post, Comment parent, @Nullable CommentForm openForm,
            CommentForm blank) {
        boolean open = openForm != null && parent.id().value().equals(openForm.parent());
        CommentForm form = open ? openForm : blank.blankFor(parent.id().value());
        out.raw("<details class=\"reply\"").raw(open ? " open" : "").raw("><summary>Reply to ")
                .text(parent.author().name()).raw("</summary>");
        form(out, post, form, "Post reply");
        out.raw("</details>");
    }

    /**
     * Renders a comment form: the fields, their messages and the typed values.
     *
     * @param out where to write
     * @param post the post commented on
     * @param form the values and messages
     * @param button the submit button's label
     */
    public void form(Html out, Post post, CommentForm form, String button) {
        String anchor = form.parent() == null ? "respond" : "reply-" + form.parent();
        out.raw("<form class=\"comment-form\" method=\"post\"").attr("action", post.path() + "#" + anchor)
                .attr("id", anchor).raw(">");
        if (form.parent() != null) {
            out.raw("<input type=\"hidden\" name=\"parent\"").attr("value", form.parent()).raw(">");
        }
        if (!form.errors().isEmpty()) {
            out.raw("<div class=\"errors\" role=\"alert\"><p>Your comment was not posted:</p><ul>");
            for (InputField field : InputField.values()) {
                String message = form.errors().get(field);
                if (message != null) {
                    out.raw("<li>").text(message).raw("</li>");
                }
            }
            out.raw("</ul></div>");
        }
        input(out, "Name", "name", "text", form.name(), "name");
        input(out, "E-mail (never shown)", "email", "email", form.email(), "email");
        input(out, "Website", "url", "url", form.url(), "url");
        out.raw("<label>Comment <textarea name=\"text\" required maxlength=\"10000\">").text(form.text())
                .raw("</textarea></label>");
        // Off unless the reader ticks it: the cookie holds personal data (RememberCookie).
        out.raw("<label class=\"remember\"><input type=\"checkbox\" name=\"remember\" value=\"on\"")
                .raw(form.remember() ? " checked" : "")
                .raw("> Remember my name, e-mail and website in this browser (a cookie)</label>");
        out.raw("<button type=\"submit\">").text(button).raw("</button></form>");
    }

    private static void input(Html out, String label, String name, String type, String value, String autocomplete) {
        out.raw("<label>").text(label).raw(" <input").attr("name", name).attr("type", type).attr("value", value)
                .attr("autocomplete", autocomplete).raw("></label>");
    }

    private static boolean isHttp(@Nullable String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
