package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.core.ModeratorAction;
import dev.parley.core.notify.ModeratorLink;
import dev.parley.core.notify.Notifier;
import dev.parley.core.notify.UnsubscribeRequest;
import dev.parley.examples.Blog;
import dev.parley.storage.Comment;
import dev.parley.storage.subscriptions.Address;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages behind the links in notification mails, under {@code /notify/}: {@code confirm} (double opt-in),
 * {@code unsubscribe} (one thread or everything) and {@code moderate} (a held comment's one-time links).
 *
 * <p>A GET only shows what the link would do and a button: mail scanners and link previews fetch links, and must
 * not confirm, unsubscribe or moderate by doing so. The POST does it. The signed token is the proof, so no login
 * and no form token is asked: a POST to an unsubscribe link with the body {@code List-Unsubscribe=One-Click}
 * (RFC 8058, sent by the reader's mail provider) unsubscribes as the button does. A link that is forged,
 * expired or used answers 404 with a page that says so.
 *
 * <p>Thread-safe: holds only thread-safe collaborators.
 */
public final class NotifyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Notifier notifier;
    private final transient CommentService comments;
    private final transient Layout layout;

    /**
     * Creates the servlet.
     *
     * @param notifier the notifier whose links these are
     * @param comments the engine moderator links act through
     * @param blog the blog, for the page frame
     */
    public NotifyServlet(Notifier notifier, CommentService comments, Blog blog) {
        this.notifier = notifier;
        this.comments = comments;
        this.layout = new Layout(blog);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = queryToken(request).orElse("");
        switch (page(request)) {
            case "confirm" -> {
                Optional<String> email = notifier.confirmationFor(token);
                if (email.isEmpty()) {
                    invalid(response);
                    return;
                }
                ask(response, "Confirm notifications", "Send reply notifications to " + email.get() + "?",
                        "/notify/confirm", token, "Confirm");
            }
            case "unsubscribe" -> {
                Optional<UnsubscribeRequest> unsubscribe = notifier.unsubscribeFor(token);
                if (unsubscribe.isEmpty()) {
                    invalid(response);
                    return;
                }
                ask(response, "Unsubscribe", describe(unsubscribe.get()) + "?", "/notify/unsubscribe", token,
                        "Unsubscribe");
            }
            case "moderate" -> {
                Optional<ModeratorLink> link = notifier.moderatorLinkFor(token);
                if (link.isEmpty()) {
                    invalid(response);
                    return;
                }
                String action = verb(link.get().action());
                ask(response, "Moderate a comment", action + " the held comment " + link.get().comment().value() + "?",
                        "/notify/moderate", token, action);
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The one-click POST carries the token in the URL (it is the List-Unsubscribe target); the button's form
        // carries it as a field.
        String token = queryToken(request).orElse(null);
        if (token == null) {
            token = FormFields.read(request).get("token");
        }
        switch (page(request)) {
            case "confirm" -> {
                Optional<Address> address = notifier.confirm(token);
                if (address.isEmpty()) {
                    invalid(response);
                    return;
                }
                done(response, "Notifications confirmed",
                        "Replies to your comments will be mailed to " + address.get().email() + ".");
            }
            case "unsubscribe" -> {
                Optional<UnsubscribeRequest> done = notifier.unsubscribe(token);
                if (done.isEmpty()) {
                    invalid(response);
                    return;
                }
                done(response, "Unsubscribed", done.get().everything()
                        ? "No more mail of any kind goes to " + done.get().email() + "."
                        : "No more mail about this thread goes to " + done.get().email() + ".");
            }
            case "moderate" -> {
                Optional<ModeratorLink> link = notifier.moderatorLinkFor(token);
                Optional<Comment> changed = notifier.moderate(token, comments);
                if (link.isEmpty() || changed.isEmpty()) {
                    invalid(response);
                    return;
                }
                done(response, "Comment moderated", "The comment is now "
                        + changed.get().status().name().toLowerCase(Locale.ROOT) + ".");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The token in the query string, read without touching the body (Jetty's parameters would read the form). */
    private static Optional<String> queryToken(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of("");
                }
            }
        }
        return Optional.empty();
    }

    private static String page(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path.substring(1);
    }

    private static String describe(UnsubscribeRequest request) {
        return request.everything()
                ? "Stop every mail to " + request.email()
                : "Stop mails to " + request.email() + " about the thread " + request.thread().value();
    }

    private static String verb(ModeratorAction action) {
        return switch (action) {
            case APPROVE -> "Approve";
            case SPAM -> "Mark as spam";
            case DELETE -> "Delete";
            default -> action.name();
        };
    }

    private void ask(HttpServletResponse response, String title, String question, String action, String token,
            String button) throws IOException {
        Html body = new Html().raw("<article class=\"notify\"><h1>").text(title).raw("</h1><p>").text(question)
                .raw("</p><form method=\"post\"").attr("action", action)
                .raw("><input type=\"hidden\" name=\"token\"").attr("value", token)
                .raw("><button type=\"submit\">").text(button).raw("</button></form></article>");
        write(response, HttpServletResponse.SC_OK, title, body);
    }

    private void done(HttpServletResponse response, String title, String message) throws IOException {
        Html body = new Html().raw("<article class=\"notify\"><h1>").text(title).raw("</h1><p>").text(message)
                .raw("</p><p><a href=\"/\">Back to the blog</a></p></article>");
        write(response, HttpServletResponse.SC_OK, title, body);
    }

    private void invalid(HttpServletResponse response) throws IOException {
        Html body = new Html().raw("<article class=\"notify\"><h1>This link does not work</h1><p>")
                .text("It is not a link we sent, it has expired, or it was used already.")
                .raw("</p><p><a href=\"/\">Back to the blog</a></p></article>");
        write(response, HttpServletResponse.SC_NOT_FOUND, "This link does not work", body);
    }

    private void write(HttpServletResponse response, int status, String title, Html body) throws IOException {
        byte[] html = layout.page(title, "", body.toString()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
