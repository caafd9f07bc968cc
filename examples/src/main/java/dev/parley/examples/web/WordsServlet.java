package dev.parley.examples.web;

import dev.parley.examples.Blog;
import dev.parley.storage.StoreException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderator's hold and block words ({@link ModerationWords}), behind the moderation login.
 *
 * <ul>
 * <li>{@code GET /admin/words}: the two lists as kept now (read afresh, not this instance's copy), in two text
 *     areas, one word or phrase per line, and where they are kept.</li>
 * <li>{@code POST /admin/words}: saves both lists (fields {@code hold} and {@code block}; the form's CSRF token
 *     must match the session) and redirects (303) back, saying how many words each list holds now; the next
 *     comment is judged by them. A list that is too long comes back (400) as typed, with the message; so does
 *     a save the database refused (503), the words before staying in use.</li>
 * </ul>
 *
 * <p>Without a session, the page redirects (303) to the login at {@code /admin/login} and the form answers 401.
 * Thread-safe: immutable.
 */
public final class WordsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WordsServlet.class);

    private final transient ModerationWords words;
    private final transient Layout layout;
    private final transient AdminSession sessions;

    /**
     * Creates the servlet.
     *
     * @param words the words, and where they are kept
     * @param blog the blog, for the page frame
     * @param sessions the moderator's login
     */
    public WordsServlet(ModerationWords words, Blog blog, AdminSession sessions) {
        this.words = Objects.requireNonNull(words, "words");
        this.layout = new Layout(Objects.requireNonNull(blog, "blog"));
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> session = sessions.pageSession(request, response);
        if (session.isEmpty()) {
            return;
        }
        ModerationWords.Lists lists = words.lists();
        String saved = "1".equals(request.getParameter("saved"))
                ? "Saved: " + count(lists.hold(), "hold word") + " and " + count(lists.block(), "block word") + "."
                : null;
        page(response, HttpServletResponse.SC_OK, sessions.csrfToken(session.get()), String.join("\n", lists.hold()),
                String.join("\n", lists.block()), saved, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> session = sessions.formSession(request, response, "words");
        if (session.isEmpty()) {
            return;
        }
        String hold = Objects.requireNonNullElse(request.getParameter("hold"), "");
        String block = Objects.requireNonNullElse(request.getParameter("block"), "");
        String csrf = sessions.csrfToken(session.get());
        try {
            words.save(ModerationWords.Lists.fromLines(hold, block));
        } catch (IllegalArgumentException e) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, csrf, hold, block, null, e.getMessage());
            return;
        } catch (StoreException e) {
            LOG.error("saving the moderation words failed", e);
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, csrf, hold, block, null,
                    "The words could not be saved; the ones before are still in use.");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/admin/words?saved=1");
    }

    private void page(HttpServletResponse response, int status, String csrf, String hold, String block,
            @Nullable String saved, @Nullable String error) throws IOException {
        Html body = new Html().raw("<h1>Moderation words</h1><p class=\"admin-nav\"><a href=\"/admin\">")
                .raw("Moderation queue</a> · <a href=\"/admin/comments\">All comments</a></p>");
        if (saved != null) {
            body.raw("<div class=\"flash\" role=\"status\"><p>").text(saved).raw("</p></div>");
        }
        if (error != null) {
            body.raw("<p class=\"errors\" role=\"alert\">").text(error).raw("</p>");
        }
        body.raw("<p class=\"byline\">One word or phrase per line, matched anywhere in a comment's name, e-mail, "
                        + "website or text, in any case. ")
                .text(words.description())
                .raw("</p><form class=\"comment-form\" method=\"post\" action=\"/admin/words\">")
                .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", csrf).raw(">")
                .raw("<label>Hold words: a comment with one waits for a moderator <textarea name=\"hold\">")
                .text(hold).raw("</textarea></label>")
                .raw("<label>Block words: a comment with one is kept as spam <textarea name=\"block\">")
                .text(block).raw("</textarea></label><button type=\"submit\">Save words</button></form>");
        byte[] html = layout.page("Moderation words", "", body.toString()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    private static String count(List<String> list, String noun) {
        return list.size() + " " + noun + (list.size() == 1 ? "" : "s");
    }
}
