package dev.parley.examples.web;

import dev.parley.core.InputField;
import dev.parley.core.MoreReplies;
import dev.parley.core.ReplyPage;
import dev.parley.core.Settings;
import dev.parley.core.ThreadNode;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Renders a thread, as the engine nests it, into HTML: one {@code <li>} per comment with its replies in a
 * nested {@code <ol>}, each with an avatar, author, permalink, the sanitized html, and a reply form that works
 * without JavaScript (a {@code <details>} element opens it). The reader's own comments that no one answered get
 * an edit link and a delete form while their edit window is open, exactly where the engine would take the change. A reply the engine hung at the deepest level,
 * beside the comment it answers rather than under it, says "in reply to" whom, with a link to that comment.
 *
 * <p>A form shows every problem at once: a summary at the top linking to each field, and each message next to
 * its field, tied to it by {@code aria-describedby} and marked {@code aria-invalid}. Its {@code required} and
 * {@code maxlength} attributes follow the engine's {@link Settings}, which the server enforces again.
 *
 * <p>Text from comments (names, URLs, linkback titles) is always written through {@link Html#text} or
 * {@link Html#attr}; only the engine's sanitized html is written raw.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThreadHtml {

    /** The comment form's "notify me of replies" box. */
    static final String NOTIFY_FIELD = "notify";

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** When an edit window closes: the demo's windows are minutes long, so the time of day says it. */
    static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SiteUrls urls;
    private final Settings settings;

    /**
     * Creates the renderer.
     *
     * @param urls the site's URL scheme
     * @param settings the engine's settings, whose limits the form's fields declare
     */
    public ThreadHtml(SiteUrls urls, Settings settings) {
        this.urls = Objects.requireNonNull(urls, "urls");
        this.settings = Objects.requireNonNull(settings, "settings");
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
        thread(out, post, roots, openForm, CommentForm.empty(null), Map.of(), Set.of(), (html, comment) -> { });
    }

    /**
     * Renders the roots of a page and their replies, with the reply forms filled in with remembered details,
     * edit and delete controls on the reader's own comments that the engine would let them change, and more
     * controls under each comment (placeholders included), such as a moderator's. A held comment says it awaits
     * moderation only to its author: a moderator reads its status from their own controls.
     *
     * @param out where to write
     * @param post the post the thread belongs to
     * @param roots the page's roots
     * @param openForm a form to show filled in (a rejected reply), or {@code null}
     * @param blank the author details every other reply form starts with (empty, or the remembered ones)
     * @param own the comments the reader may change now ({@code CommentService.changeableUntil}): controls
     *     show on these and no others
     * @param mine the comments the reader wrote (their edit tokens name), changeable or not
     * @param controls writes the controls of one comment
     */
    public void thread(Html out, Post post, List<ThreadNode> roots, @Nullable CommentForm openForm,
            CommentForm blank, Map<CommentId, OwnComment> own, Set<CommentId> mine,
            BiConsumer<Html, Comment> controls) {
        Map<CommentId, ThreadNode> shown = new HashMap<>();
        for (ThreadNode root : roots) {
            index(root, shown);
        }
        Rendering rendering = new Rendering(post, openForm, blank, own, mine, controls, shown, Map.of());
        out.raw("<ol class=\"thread\">");
        for (ThreadNode root : roots) {
            node(out, rendering, root);
        }
        out.raw("</ol>");
    }

    /**
     * Renders a page of the replies under one root, past what the thread page showed: the root for context,
     * then the page's replies under it as the thread nests them. A reply whose parent was on an earlier page
     * says "in reply to" whom, linking to that comment's permalink. A link to the next page follows when there
     * is one.
     *
     * @param out where to write
     * @param post the post the thread belongs to
     * @param page the page of replies
     * @param blank the author details every reply form starts with (empty, or the remembered ones)
     * @param own the comments the reader may change now
     * @param mine the comments the reader wrote
     */
    public void replyPage(Html out, Post post, ReplyPage page, CommentForm blank, Map<CommentId, OwnComment> own,
            Set<CommentId> mine) {
        Map<CommentId, ThreadNode> shown = new HashMap<>();
        Map<CommentId, Comment> answers = new HashMap<>();
        for (ThreadNode reply : page.replies()) {
            index(reply, shown);
            page.inReplyTo(reply).filter(parent -> !parent.id().equals(page.root().comment().id()))
                    .ifPresent(parent -> answers.put(reply.comment().id(), parent));
        }
        Rendering rendering = new Rendering(post, null, blank, own, mine, (html, comment) -> { }, shown, answers);
        Comment root = page.root().comment();
        out.raw("<ol class=\"thread\"><li").attr("class", "comment" + (root.status() == Status.PENDING ? " pending" : ""))
                .attr("id", SiteUrls.anchor(root.id())).raw(">");
        if (page.root().placeholder()) {
            out.raw("<div class=\"comment-body\"><p class=\"deleted\">This comment was deleted.</p></div>");
        } else if (root.kind() != Kind.COMMENT) {
            linkback(out, post, root);
        } else {
            comment(out, rendering, root, own.get(root.id()));
        }
        if (page.replies().isEmpty()) {
            out.raw("<p class=\"no-replies\">No further replies to show.</p>");
        } else {
            out.raw("<ol class=\"replies\">");
            for (ThreadNode reply : page.replies()) {
                node(out, rendering, reply);
            }
            out.raw("</ol>");
        }
        page.more().ifPresent(more -> moreLink(out, post, page.root(), more));
        out.raw("</li></ol>");
    }

    /**
     * The link to the rest of a root's replies: a plain link to a server-rendered page, so it works without
     * script; its label names the root's author for a reader who lists a page's links out of context.
     */
    private void moreLink(Html out, Post post, ThreadNode root, MoreReplies more) {
        long count = more.count();
        String label = count == 0 ? "More replies" : count == 1 ? "1 more reply" : count + " more replies";
        out.raw("<p class=\"more-replies\"><a").attr("href", urls.replies(post, root.comment().id(), more.cursor()));
        if (!root.placeholder()) {
            out.attr("aria-label", label + " to " + root.comment().author().name());
        }
        out.raw(">").text(label).raw(" \u203a</a></p>");
    }

    private static void index(ThreadNode node, Map<CommentId, ThreadNode> shown) {
        shown.put(node.comment().id(), node);
        for (ThreadNode reply : node.replies()) {
            index(reply, shown);
        }
    }

    /** What every comment of one page is rendered with. */
    private record Rendering(Post post, @Nullable CommentForm openForm, CommentForm blank,
            Map<CommentId, OwnComment> own, Set<CommentId> mine, BiConsumer<Html, Comment> controls,
            Map<CommentId, ThreadNode> shown, Map<CommentId, Comment> answers) {
    }

    private void node(Html out, Rendering rendering, ThreadNode node) {
        Post post = rendering.post();
        Comment comment = node.comment();
        String classes = "comment" + (comment.status() == Status.PENDING ? " pending" : "")
                + (comment.kind() != Kind.COMMENT ? " linkback" : "");
        out.raw("<li").attr("class", classes).attr("id", SiteUrls.anchor(comment.id())).raw(">");
        if (node.placeholder()) {
            out.raw("<div class=\"comment-body\"><p class=\"deleted\">This comment was deleted.</p></div>");
        } else if (comment.kind() != Kind.COMMENT) {
            linkback(out, post, comment);
        } else {
            comment(out, rendering, comment, rendering.own().get(comment.id()));
        }
        rendering.controls().accept(out, comment);
        if (!node.replies().isEmpty()) {
            out.raw("<ol class=\"replies\">");
            for (ThreadNode reply : node.replies()) {
                node(out, rendering, reply);
            }
            out.raw("</ol>");
        }
        node.moreReplies().ifPresent(more -> moreLink(out, post, node, more));
        out.raw("</li>");
    }

    private void comment(Html out, Rendering rendering, Comment comment, @Nullable OwnComment own) {
        Post post = rendering.post();
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
        inReplyTo(out, comment, rendering.shown());
        Comment answered = rendering.answers().get(comment.id());
        if (answered != null) {
            out.raw(" · <span class=\"in-reply-to\">in reply to <a").attr("href", urls.permalink(post, answered.id()))
                    .raw(">").text(answered.status() == Status.DELETED ? "a deleted comment" : answered.author().name())
                    .raw("</a></span>");
        }
        out.raw("</div><div class=\"comment-text\">");
        if (comment.status() == Status.PENDING && rendering.mine().contains(comment.id())) {
            out.raw("<p class=\"notice\">Your comment is awaiting moderation. Only you can see it for now.</p>");
        }
        out.raw(comment.html());
        out.raw("</div></div>");
        if (own != null) {
            ownControls(out, post, comment, own);
        }
        if (comment.status() == Status.APPROVED) {
            replyForm(out, post, comment, rendering.openForm(), rendering.blank());
        }
    }

    /**
     * The author's edit link and delete form. Delete sits in a {@code <details>} so that it takes two clicks,
     * the second on a button that says what it does: a confirmation without script.
     */
    private static void ownControls(Html out, Post post, Comment comment, OwnComment own) {
        String base = post.path() + "/comments/" + comment.id().value();
        out.raw("<div class=\"own-controls\"><a class=\"edit\"").attr("href", base + "/edit").raw(">Edit</a>")
                .raw("<details class=\"delete\"><summary>Delete</summary><form method=\"post\"")
                .attr("action", base + "/delete").raw("><input type=\"hidden\" name=\"csrf\"")
                .attr("value", own.csrf()).raw("><p>Delete this comment for good?</p>")
                .raw("<button type=\"submit\" class=\"danger\">Delete my comment</button></form></details>")
                .raw("<span class=\"until\">You can change it until <time")
                .attr("datetime", own.until().toString()).raw(">").text(UNTIL.format(own.until()))
                .raw("</time>.</span></div>");
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

    /**
     * Names the comment a flattened reply answers: past the deepest level the reply sits beside it, so the
     * nesting no longer says whom it answers. The answered comment hangs under the same parent, so it is on
     * this page unless it is no longer shown (deleted or held, with no replies of its own).
     */
    private static void inReplyTo(Html out, Comment comment, Map<CommentId, ThreadNode> shown) {
        CommentId answered = comment.inReplyToId();
        if (answered == null || answered.equals(comment.parentId())) {
            return;
        }
        ThreadNode target = shown.get(answered);
        out.raw(" · <span class=\"in-reply-to\">in reply to ");
        if (target == null) {
            out.raw("a comment no longer shown");
        } else {
            out.raw("<a").attr("href", "#" + SiteUrls.anchor(answered)).raw(">")
                    .text(target.placeholder() ? "a deleted comment" : target.comment().author().name()).raw("</a>");
        }
        out.raw("</span>");
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
            int count = form.errors().size();
            out.raw("<div class=\"errors\" role=\"alert\"").attr("id", anchor + "-errors").raw("><p>")
                    .text(count == 1 ? "Your comment was not posted. Please fix this:"
                            : "Your comment was not posted. Please fix these " + count + " things:")
                    .raw("</p><ul>");
            for (InputField field : InputField.values()) {
                String message = form.errors().get(field);
                if (message != null) {
                    out.raw("<li><a").attr("href", "#" + fieldId(anchor, field)).raw(">").text(message)
                            .raw("</a></li>");
                }
            }
            out.raw("</ul></div>");
        }
        input(out, anchor, form, InputField.NAME, "Name", "text", form.name(), "name",
                settings.maxNameLength(), settings.requireName());
        input(out, anchor, form, InputField.EMAIL, "E-mail (never shown)", "email", form.email(), "email",
                settings.maxEmailLength(), settings.requireEmail());
        input(out, anchor, form, InputField.URL, "Website", "url", form.url(), "url", settings.maxUrlLength(),
                false);
        String textId = fieldId(anchor, InputField.TEXT);
        out.raw("<div class=\"field\"><label").attr("for", textId).raw(">Comment</label><textarea name=\"text\" required")
                .attr("id", textId).attr("maxlength", Integer.toString(settings.maxTextLength()));
        invalid(out, anchor, form, InputField.TEXT);
        out.raw(">").text(form.text()).raw("</textarea>");
        fieldError(out, anchor, form, InputField.TEXT);
        // Off unless the reader ticks it: the cookie holds personal data (RememberCookie).
        out.raw("</div><label class=\"remember\"><input type=\"checkbox\" name=\"remember\" value=\"on\"")
                .raw(form.remember() ? " checked" : "")
                .raw("> Remember my name, e-mail and website in this browser (a cookie)</label>");
        // Off unless the reader ticks it: replies are mailed only after the address is confirmed (double opt-in).
        out.raw("<label class=\"notify\"><input type=\"checkbox\" name=\"").raw(NOTIFY_FIELD)
                .raw("\" value=\"on\"> Notify me of replies by e-mail (we send a link to confirm first)</label>");
        out.raw("<button type=\"submit\">").text(button).raw("</button></form>");
    }

    private static void input(Html out, String anchor, CommentForm form, InputField field, String label,
            String type, String value, String autocomplete, int maxLength, boolean required) {
        String id = fieldId(anchor, field);
        String name = field.name().toLowerCase(Locale.ROOT);
        out.raw("<div class=\"field\"><label").attr("for", id).raw(">").text(label).raw("</label><input").attr("id", id)
                .attr("name", name).attr("type", type).attr("value", value).attr("autocomplete", autocomplete)
                .attr("maxlength", Integer.toString(maxLength)).raw(required ? " required" : "");
        invalid(out, anchor, form, field);
        out.raw(">");
        fieldError(out, anchor, form, field);
        out.raw("</div>");
    }

    private static void invalid(Html out, String anchor, CommentForm form, InputField field) {
        if (form.errors().containsKey(field)) {
            out.raw(" aria-invalid=\"true\"").attr("aria-describedby", errorId(anchor, field));
        }
    }

    private static void fieldError(Html out, String anchor, CommentForm form, InputField field) {
        String message = form.errors().get(field);
        if (message != null) {
            out.raw("<p class=\"field-error\"").attr("id", errorId(anchor, field)).raw(">").text(message)
                    .raw("</p>");
        }
    }

    /** The id of a field: unique on the page, since each form's anchor is. */
    private static String fieldId(String anchor, InputField field) {
        return anchor + "-" + field.name().toLowerCase(Locale.ROOT);
    }

    private static String errorId(String anchor, InputField field) {
        return fieldId(anchor, field) + "-error";
    }

    private static boolean isHttp(@Nullable String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
