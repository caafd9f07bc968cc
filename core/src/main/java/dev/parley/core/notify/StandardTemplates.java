package dev.parley.core.notify;

import dev.parley.core.content.Html;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Parley's own {@link NotificationTemplates}: English, plain. The HTML body escapes every value but the
 * comment's stored HTML, which the engine sanitized when it was posted.
 */
final class StandardTemplates implements NotificationTemplates {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String site;

    StandardTemplates(String siteName) {
        Objects.requireNonNull(siteName, "siteName must not be null");
        if (siteName.isBlank() || siteName.indexOf('\n') >= 0 || siteName.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("siteName must be one non-blank line, was \"" + siteName + "\"");
        }
        this.site = siteName;
    }

    @Override
    public Rendered confirmation(Confirmation mail) {
        String subject = "Confirm notifications from " + site;
        String text = "Someone, hopefully you, asked " + site + " to e-mail " + mail.to()
                + " when there are replies to their comments.\n\n"
                + "To confirm, open this link (it works until " + when(mail.expiresAt()) + "):\n"
                + mail.confirmUrl() + "\n\n"
                + "If you did not ask, ignore this mail: nothing will be sent. To refuse every mail from "
                + site + ":\n" + mail.unsubscribeUrl() + "\n";
        String html = document(subject,
                "<p>Someone, hopefully you, asked " + h(site) + " to e-mail " + h(mail.to())
                        + " when there are replies to their comments.</p>\n"
                        + "<p><a href=\"" + h(mail.confirmUrl()) + "\">Confirm notifications</a> (the link works until "
                        + h(when(mail.expiresAt())) + ").</p>\n"
                        + "<p>If you did not ask, ignore this mail: nothing will be sent. "
                        + "<a href=\"" + h(mail.unsubscribeUrl()) + "\">Refuse every mail from " + h(site)
                        + "</a>.</p>\n");
        return new Rendered(subject, text, html);
    }

    @Override
    public Rendered replies(Replies mail) {
        int count = mail.replies().size();
        String subject = count == 1
                ? oneLine(mail.replies().get(0).reply().author().name()) + " replied to your comment on " + site
                : count + " new replies to your comments on " + site;
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (Reply reply : mail.replies()) {
            Comment answered = reply.answered();
            Comment comment = reply.reply();
            text.append(comment.author().name()).append(" replied to your comment of ")
                    .append(when(answered.createdAt())).append(":\n\n")
                    .append(quote(NotificationTemplates.text(comment))).append("\n\n")
                    .append("Read it and answer: ").append(reply.url()).append("\n\n");
            html.append("<p>").append(h(comment.author().name())).append(" replied to your comment of ")
                    .append(h(when(answered.createdAt()))).append(":</p>\n")
                    .append("<blockquote>").append(comment.html()).append("</blockquote>\n")
                    .append("<p><a href=\"").append(h(reply.url())).append("\">Read it and answer</a></p>\n");
        }
        appendUnsubscribe(text, html, mail.unsubscribe(), "replies in this thread");
        return new Rendered(subject, text.toString(), document(subject, html.toString()));
    }

    @Override
    public Rendered newComment(NewComment mail) {
        Comment comment = mail.comment();
        String what = comment.kind() == Kind.COMMENT ? "comment" : comment.kind().name().toLowerCase(Locale.ROOT);
        String subject = "New " + what + " on " + site + " from " + oneLine(comment.author().name());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        text.append(comment.author().name()).append(" wrote a new ").append(what).append(" on your post:\n\n");
        html.append("<p>").append(h(comment.author().name())).append(" wrote a new ").append(what)
                .append(" on your post:</p>\n");
        if (comment.linkback() != null) {
            text.append("From: ").append(comment.linkback().sourceUrl()).append("\n\n");
            html.append("<p>From: <a href=\"").append(h(comment.linkback().sourceUrl())).append("\">")
                    .append(h(comment.linkback().sourceUrl())).append("</a></p>\n");
        }
        text.append(quote(NotificationTemplates.text(comment))).append("\n\n")
                .append("Read it: ").append(mail.url()).append("\n\n");
        html.append("<blockquote>").append(comment.html()).append("</blockquote>\n")
                .append("<p><a href=\"").append(h(mail.url())).append("\">Read it</a></p>\n");
        appendUnsubscribe(text, html, mail.unsubscribe(), "new comments on this post");
        return new Rendered(subject, text.toString(), document(subject, html.toString()));
    }

    @Override
    public Rendered held(Held mail) {
        Comment comment = mail.comment();
        String subject = "Held for moderation on " + site + ": " + oneLine(comment.author().name());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String reason = comment.moderationReason() == null ? "" : " (" + comment.moderationReason() + ")";
        text.append("A comment by ").append(comment.author().name()).append(" waits for a moderator").append(reason)
                .append(":\n\n").append(quote(NotificationTemplates.text(comment))).append("\n\n")
                .append("Approve: ").append(mail.approveUrl()).append('\n')
                .append("Spam: ").append(mail.spamUrl()).append('\n')
                .append("Delete: ").append(mail.deleteUrl()).append("\n\n")
                .append("Each link works once, until ").append(when(mail.expiresAt())).append(".\n\n");
        html.append("<p>A comment by ").append(h(comment.author().name())).append(" waits for a moderator")
                .append(h(reason)).append(":</p>\n")
                .append("<blockquote>").append(comment.html()).append("</blockquote>\n")
                .append("<p><a href=\"").append(h(mail.approveUrl())).append("\">Approve</a> · ")
                .append("<a href=\"").append(h(mail.spamUrl())).append("\">Spam</a> · ")
                .append("<a href=\"").append(h(mail.deleteUrl())).append("\">Delete</a></p>\n")
                .append("<p>Each link works once, until ").append(h(when(mail.expiresAt()))).append(".</p>\n");
        appendUnsubscribe(text, html, mail.unsubscribe(), "held comments in this thread");
        return new Rendered(subject, text.toString(), document(subject, html.toString()));
    }

    private void appendUnsubscribe(StringBuilder text, StringBuilder html, Unsubscribe links, String what) {
        text.append("-- \nStop mails about ").append(what).append(": ").append(links.thread()).append('\n')
                .append("Stop every mail from ").append(site).append(": ").append(links.all()).append('\n');
        html.append("<hr>\n<p><a href=\"").append(h(links.thread())).append("\">Stop mails about ").append(h(what))
                .append("</a> · <a href=\"").append(h(links.all())).append("\">Stop every mail from ")
                .append(h(site)).append("</a></p>\n");
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + h(title) + "</title></head>\n<body>\n"
                + body + "</body></html>\n";
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String h(String text) {
        return Html.escape(text);
    }
}
