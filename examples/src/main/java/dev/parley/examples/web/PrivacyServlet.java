package dev.parley.examples.web;

import dev.parley.core.privacy.ErasureMode;
import dev.parley.core.privacy.ErasureReport;
import dev.parley.core.privacy.PrivacyTools;
import dev.parley.examples.Blog;
import dev.parley.storage.Author;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A commenter's personal data by e-mail address ({@link PrivacyTools}), behind the moderation login: what a
 * moderator does once the commenter's request is verified.
 *
 * <ul>
 * <li>{@code GET /admin/privacy}: the form: an address, "Export", and "Erase" with its mode (anonymize or
 *     delete), whether anonymized comments keep their text, and a confirmation box.</li>
 * <li>{@code POST /admin/privacy} with {@code action=export}: downloads everything tied to the address as JSON
 *     ({@code parley-export.json}, the moderator schema), written as it is read.</li>
 * <li>{@code POST /admin/privacy} with {@code action=erase}: erases the address's comments and redirects (303)
 *     back saying what changed. Without the confirmation box ticked, or with an unknown mode, the form comes back
 *     (400) as filled in, with the message.</li>
 * </ul>
 *
 * <p>Every post carries the session's CSRF token, like the other admin forms; without a session the page
 * redirects (303) to the login and the form answers 401. Thread-safe: immutable.
 */
public final class PrivacyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyServlet.class);

    private final transient PrivacyTools privacy;
    private final transient RecentReads recent;
    private final transient Layout layout;
    private final transient AdminSession sessions;

    /**
     * Creates the servlet.
     *
     * @param privacy the export and erasure tools
     * @param blog the blog, for the page frame
     * @param sessions the moderator's login
     */
    public PrivacyServlet(PrivacyTools privacy, Blog blog, AdminSession sessions) {
        this(privacy, blog, sessions, RecentReads.none());
    }

    /**
     * Creates the servlet, forgetting the anonymous views' recent reads after each erasure, so that this instance
     * shows nothing erased on its next read.
     *
     * @param privacy the export and erasure tools
     * @param blog the blog, for the page frame
     * @param sessions the moderator's login
     * @param recent the anonymous views' freshness window
     */
    public PrivacyServlet(PrivacyTools privacy, Blog blog, AdminSession sessions, RecentReads recent) {
        this.recent = Objects.requireNonNull(recent, "recent");
        this.privacy = Objects.requireNonNull(privacy, "privacy");
        this.layout = new Layout(Objects.requireNonNull(blog, "blog"));
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> session = sessions.pageSession(request, response);
        if (session.isEmpty()) {
            return;
        }
        String done = request.getParameter("erased") == null ? null : "Erased: "
                + number(request.getParameter("anonymized")) + " anonymized, "
                + number(request.getParameter("placeholders")) + " left as placeholders, "
                + number(request.getParameter("purged")) + " purged, "
                + number(request.getParameter("subscriptions")) + " subscription records removed.";
        page(response, HttpServletResponse.SC_OK, sessions.csrfToken(session.get()), "", done, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> session = sessions.formSession(request, response, "privacy");
        if (session.isEmpty()) {
            return;
        }
        String csrf = sessions.csrfToken(session.get());
        String email = Objects.requireNonNullElse(request.getParameter("email"), "").strip();
        if (email.isEmpty() || email.length() > Author.MAX_EMAIL_LENGTH) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, csrf, email, null,
                    "Enter the e-mail address, at most " + Author.MAX_EMAIL_LENGTH + " characters.");
            return;
        }
        if ("export".equals(request.getParameter("action"))) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"parley-export.json\"");
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            privacy.export(email, out);
            out.flush();
            return;
        }
        if (!"erase".equals(request.getParameter("action"))) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, csrf, email, null, "Choose Export or Erase.");
            return;
        }
        ErasureMode mode = mode(request.getParameter("mode"));
        if (mode == null) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, csrf, email, null, "Choose anonymize or delete.");
            return;
        }
        if (!"yes".equals(request.getParameter("confirm"))) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, csrf, email, null,
                    "Tick the box to confirm: erasing cannot be undone.");
            return;
        }
        ErasureReport report = privacy.erase(email, mode, "yes".equals(request.getParameter("keepText")));
        // The erasure wrote past the engine's listeners: the renders its threads had must not be served here.
        recent.forgetAll();
        LOG.info("Erased the personal data of an address on a moderator's request: {}", report);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/admin/privacy?erased=1&anonymized=" + report.anonymized()
                + "&placeholders=" + report.placeholders() + "&purged=" + report.purged()
                + "&subscriptions=" + report.subscriptionRows());
    }

    private static @Nullable ErasureMode mode(@Nullable String value) {
        for (ErasureMode mode : ErasureMode.values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
                return mode;
            }
        }
        return null;
    }

    /** A count from the query, shown only as digits. */
    private static String number(@Nullable String value) {
        return value != null && value.matches("[0-9]{1,9}") ? value : "0";
    }

    private void page(HttpServletResponse response, int status, String csrf, String email, @Nullable String done,
            @Nullable String error) throws IOException {
        Html body = new Html().raw("<h1>Personal data</h1><p class=\"admin-nav\"><a href=\"/admin\">")
                .raw("Moderation queue</a> · <a href=\"/admin/comments\">All comments</a></p>");
        if (done != null) {
            body.raw("<div class=\"flash\" role=\"status\"><p>").text(done).raw("</p></div>");
        }
        if (error != null) {
            body.raw("<p class=\"errors\" role=\"alert\">").text(error).raw("</p>");
        }
        body.raw("<p class=\"byline\">Everything tied to one e-mail address: its comments and linkbacks, in any "
                        + "status. Act only on a request you have verified comes from the address's owner.</p>")
                .raw("<form class=\"comment-form\" method=\"post\" action=\"/admin/privacy\">")
                .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", csrf).raw(">")
                .raw("<label>E-mail address <input type=\"email\" name=\"email\" required")
                .attr("maxlength", Integer.toString(Author.MAX_EMAIL_LENGTH)).attr("value", email).raw("></label>")
                .raw("<p><button type=\"submit\" name=\"action\" value=\"export\">Export as JSON</button></p>")
                .raw("<fieldset><legend>Erase</legend>")
                .raw("<label><input type=\"radio\" name=\"mode\" value=\"anonymize\" checked> Anonymize: keep the "
                        + "comments in their threads, replace name, e-mail, website, IP and User-Agent</label>")
                .raw("<label><input type=\"checkbox\" name=\"keepText\" value=\"yes\"> and keep the text of "
                        + "anonymized comments</label>")
                .raw("<label><input type=\"radio\" name=\"mode\" value=\"delete\"> Delete: purge the comments, "
                        + "leaving a placeholder where others replied</label>")
                .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\"> I confirm: this cannot be "
                        + "undone</label>")
                .raw("<button type=\"submit\" name=\"action\" value=\"erase\">Erase</button></fieldset></form>");
        byte[] html = layout.page("Personal data", "", body.toString()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
