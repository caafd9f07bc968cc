package dev.parley.examples.web;

import dev.parley.core.CommentService;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The moderation controls every page a moderator sees shares: the action buttons of one comment, the message
 * that says what an action did (with its undo), and the safe way back to the page an action came from.
 *
 * <p>Every button is a plain form posting to {@code /admin/moderate} with the session's CSRF token and the page
 * to return to ({@code back}); no script is needed. After an action the moderator is sent back with three query
 * parameters, {@code done} (the action), {@code id} and {@code was} (the status before it): the message is
 * shown only while the comment still has the status the action gave it, so a stale or forged link shows
 * nothing. Spam and delete offer an undo, which puts the status back as it was: a held comment is held again,
 * an approved one approved (the engine's {@code hold} and {@code approve}); the moderation reason then says a
 * moderator did it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModeratorTools {

    /** The page a moderator returns to when the form names none, or names one that is not on this site. */
    public static final String DEFAULT_BACK = "/admin";

    private final CommentService comments;
    private final AdminSession sessions;

    /**
     * Creates the tools.
     *
     * @param comments the engine
     * @param sessions the moderator's login
     */
    public ModeratorTools(CommentService comments, AdminSession sessions) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * The CSRF token of the request's moderator session.
     *
     * @param request the request
     * @return the token, or empty when no moderator is logged in
     */
    public Optional<String> csrf(HttpServletRequest request) {
        return csrf(request.getCookies());
    }

    /**
     * The CSRF token of the moderator session some cookies hold.
     *
     * @param cookies a request's cookies, or {@code null} for none
     * @return the token, or empty when they hold no valid session
     */
    Optional<String> csrf(Cookie @Nullable [] cookies) {
        return sessions.session(cookies).map(sessions::csrfToken);
    }

    /**
     * The local path an action should return to: a path on this site under {@code /admin} or {@code /posts/},
     * never another host.
     *
     * @param back the submitted path, or {@code null}
     * @return the path, or {@link #DEFAULT_BACK}
     */
    public static String safeBack(@Nullable String back) {
        if (back == null || back.length() > 2_000 || !(back.equals("/admin") || back.startsWith("/admin/")
                || back.startsWith("/admin?") || back.startsWith("/posts/"))) {
            return DEFAULT_BACK;
        }
        for (int i = 0; i < back.length(); i++) {
            char c = back.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '\\') {
                return DEFAULT_BACK;
            }
        }
        return back.contains("//") ? DEFAULT_BACK : back;
    }

    /**
     * Where to send the moderator after an action: the page it came from, with the parameters of the message
     * (before any fragment) and any earlier message's parameters dropped.
     *
     * @param back the page, from {@link #safeBack}
     * @param action the action done, e.g. {@code delete}
     * @param comment the comment as stored now
     * @param was its status before the action
     * @return the path
     */
    public static String afterAction(String back, String action, Comment comment, Status was) {
        int hash = back.indexOf('#');
        String fragment = hash < 0 ? "" : back.substring(hash);
        String path = hash < 0 ? back : back.substring(0, hash);
        int query = path.indexOf('?');
        StringBuilder kept = new StringBuilder(query < 0 ? path : path.substring(0, query));
        char separator = '?';
        if (query >= 0) {
            for (String pair : path.substring(query + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (pair.isEmpty() || name.equals("done") || name.equals("id") || name.equals("was")) {
                    continue;
                }
                kept.append(separator).append(pair);
                separator = '&';
            }
        }
        kept.append(separator).append("done=").append(action).append("&id=")
                .append(URLEncoder.encode(comment.id().value(), StandardCharsets.UTF_8))
                .append("&was=").append(was.name().toLowerCase(Locale.ROOT));
        return kept + fragment;
    }

    /**
     * Writes the message of the action named by the request's {@code done}, {@code id} and {@code was}, with an
     * undo for spam and delete, if the comment still has the status the action gave it.
     *
     * @param out where to write
     * @param request the request
     * @param csrf the session's CSRF token
     * @param back the page the undo returns to
     */
    public void flash(Html out, HttpServletRequest request, String csrf, String back) {
        String done = request.getParameter("done");
        String idText = request.getParameter("id");
        Status was = status(request.getParameter("was"));
        if (done == null || idText == null || was == null) {
            return;
        }
        Optional<Comment> found;
        try {
            found = comments.find(CommentId.of(idText));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        boolean current = done.equals("undo") ? found.get().status() != was
                : result(done, was) == found.get().status();
        if (!current) {
            return;
        }
        Comment comment = found.get();
        String who = "the comment by " + comment.author().name();
        String message = switch (done) {
            case "approve" -> "Approved " + who + ".";
            case "hold" -> "Held " + who + " for moderation.";
            case "spam" -> "Marked " + who + " as spam.";
            case "delete" -> "Deleted " + who + ".";
            case "restore" -> "Restored " + who + ".";
            default -> "Undone: " + who + " is " + label(comment.status()) + " again.";
        };
        out.raw("<div class=\"flash\" role=\"status\"><p>").text(message).raw("</p>");
        if ((done.equals("spam") || done.equals("delete")) && was != comment.status()) {
            String undo = was == Status.PENDING ? "hold" : was == Status.SPAM ? "spam" : "approve";
            form(out, comment, csrf, back, undo, "Undo", "secondary", true);
        }
        out.raw("</div>");
    }

    /**
     * Writes the action buttons of one comment, after its status unless it is published: approve (unless approved), hold (if approved), spam (unless
     * spam), delete (unless deleted) and restore (if deleted or spam).
     *
     * @param out where to write
     * @param comment the comment
     * @param csrf the session's CSRF token
     * @param back the page the actions return to
     */
    public static void buttons(Html out, Comment comment, String csrf, String back) {
        buttons(out, comment, csrf, back, true);
    }

    /** The buttons, with the status first when {@code withStatus} (a list that shows it elsewhere passes false). */
    static void buttons(Html out, Comment comment, String csrf, String back, boolean withStatus) {
        out.raw("<div class=\"moderate\">");
        Status status = comment.status();
        if (withStatus && status != Status.APPROVED) {
            // On a post page a moderator sees held and spam comments too: say which they are.
            out.raw("<span").attr("class", "status status-" + status.name().toLowerCase(Locale.ROOT)).raw(">")
                    .text(label(status)).raw("</span> ");
        }
        if (status == Status.PENDING) {
            form(out, comment, csrf, back, "approve", "Approve", "", false);
        }
        if (status == Status.APPROVED) {
            form(out, comment, csrf, back, "hold", "Hold", "secondary", false);
        }
        if (status == Status.DELETED || status == Status.SPAM) {
            form(out, comment, csrf, back, "restore", "Restore", "", false);
        }
        if (status != Status.SPAM) {
            form(out, comment, csrf, back, "spam", "Spam", "secondary", false);
        }
        if (status != Status.DELETED) {
            form(out, comment, csrf, back, "delete", "Delete", "danger", false);
        }
        out.raw("</div>");
    }

    /** One action's form; an undo says so, so the message after it reads "Undone". */
    static void form(Html out, Comment comment, String csrf, String back, String action, String label,
            String cssClass, boolean undo) {
        out.raw("<form method=\"post\" action=\"/admin/moderate\">")
                .raw("<input type=\"hidden\" name=\"back\"").attr("value", back).raw(">")
                .raw("<input type=\"hidden\" name=\"id\"").attr("value", comment.id().value()).raw(">")
                .raw("<input type=\"hidden\" name=\"action\"").attr("value", action).raw(">")
                .raw("<input type=\"hidden\" name=\"csrf\"").attr("value", csrf).raw(">");
        if (undo) {
            out.raw("<input type=\"hidden\" name=\"undo\" value=\"1\">");
        }
        out.raw("<button").attr("class", cssClass).attr("name", "do").attr("value", action + "-" + comment.id().value())
                .raw(">").text(label).raw("</button></form> ");
    }

    /**
     * The status an action leaves a comment in, given the status it had; null for an unknown action (and for
     * an undo, whose result is the status before the action undone).
     */
    static @Nullable Status result(String action, Status was) {
        return switch (action) {
            case "approve" -> Status.APPROVED;
            case "hold" -> Status.PENDING;
            case "spam" -> Status.SPAM;
            case "delete" -> Status.DELETED;
            case "restore" -> was == Status.DELETED || was == Status.SPAM ? Status.APPROVED : was;
            default -> null;
        };
    }

    /** How a status reads in a message. */
    static String label(Status status) {
        return switch (status) {
            case APPROVED -> "published";
            case PENDING -> "held for moderation";
            case SPAM -> "marked as spam";
            case DELETED -> "deleted";
        };
    }

    /** A status as the {@code was} parameter spells it, lower case; null if it names none. */
    static @Nullable Status status(@Nullable String text) {
        if (text == null) {
            return null;
        }
        for (Status status : Status.values()) {
            if (status.name().toLowerCase(Locale.ROOT).equals(text)) {
                return status;
            }
        }
        return null;
    }
}
