package dev.parley.core.mail;

/**
 * Sends one finished e-mail: the only thing Parley asks of a mail system. {@code SmtpMailer} in
 * {@code parley-mail} sends over SMTP; a host may pass its own (a provider's HTTP API, a test's outbox).
 *
 * <p>The engine calls it from a background worker, never on a request thread, and treats a thrown
 * {@link MailException} as "try again later": the notification stays queued and is retried with back-off.
 * Implementations are thread-safe.
 */
public interface Mailer {

    /**
     * Sends a message, returning once the mail system accepted it (for SMTP: the server answered 250 to the
     * message data).
     *
     * @param message the message
     * @throws MailException if it was not accepted; nothing may be assumed sent then
     */
    void send(MailMessage message);
}
