package dev.parley.examples;

import dev.parley.core.mail.MailMessage;
import dev.parley.core.mail.Mailer;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's {@link Mailer} when no SMTP server is configured: every mail is written to the log (recipient,
 * subject, extra headers, the plain-text body), so that subscribing, confirming and unsubscribing can be tried
 * without a mail server, by opening the links from the log. Never fails. Thread-safe.
 */
public final class LogMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(LogMailer.class);

    private final Consumer<String> out;

    private LogMailer(Consumer<String> out) {
        this.out = out;
    }

    /**
     * A mailer that writes each mail to the demo's log at INFO, as one entry.
     *
     * @return the mailer
     */
    public static LogMailer toLog() {
        return new LogMailer(LOG::info);
    }

    /**
     * A mailer that hands each mail, as the text {@link #toLog()} writes, to the given consumer.
     *
     * @param out called once per mail, on the sending thread; must be thread-safe
     * @return the mailer
     */
    public static LogMailer to(Consumer<String> out) {
        return new LogMailer(Objects.requireNonNull(out, "out must not be null"));
    }

    /**
     * Writes the mail out; nothing is sent.
     *
     * @param message the mail
     */
    @Override
    public void send(MailMessage message) {
        Objects.requireNonNull(message, "message must not be null");
        out.accept(format(message));
    }

    /**
     * The mail as the log shows it: a first line saying it was not sent, To, Subject, the extra headers, a blank
     * line and the plain-text body. The HTML body carries the same content and is left out.
     */
    static String format(MailMessage message) {
        StringBuilder text = new StringBuilder("Mail (not sent: no SMTP server configured, see parley.smtp.host)\n");
        text.append("To: ").append(message.to()).append('\n');
        text.append("Subject: ").append(message.subject()).append('\n');
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            text.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
        }
        text.append('\n').append(message.text());
        return text.toString();
    }

    @Override
    public String toString() {
        return "LogMailer";
    }
}
