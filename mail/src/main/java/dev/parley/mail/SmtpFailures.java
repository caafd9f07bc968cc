package dev.parley.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Says in one line why a send failed, for {@link dev.parley.core.mail.MailException}'s message: Jakarta Mail's own
 * messages name the symptom several causes deep ("Could not connect to SMTP host"), an operator wants the cause.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /**
     * Describes a failure.
     *
     * @param e what Jakarta Mail threw
     * @param host the server's host, for an unknown host
     * @param username the user logged in as, or null; never the password
     * @param timeouts the timeouts in force, for a timeout
     * @return one line
     */
    static String describe(MessagingException e, String host, @Nullable String username, String timeouts) {
        if (e instanceof AuthenticationFailedException) {
            return "the server refused the credentials of " + username + " (" + oneLine(e.getMessage()) + ")";
        }
        if (e instanceof SendFailedException failed && failed.getNextException() instanceof MessagingException next
                && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
            return "the server refused the recipient (" + oneLine(next.getMessage()) + ")";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return "no answer within the timeout (" + timeouts + ")";
            }
            if (cause instanceof ConnectException) {
                return "could not connect (" + oneLine(cause.getMessage()) + ")";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + host;
            }
            if (cause instanceof SSLException) {
                return "TLS failed (" + oneLine(cause.getMessage()) + ")";
            }
        }
        return oneLine(e.getMessage());
    }

    private static String oneLine(@Nullable String text) {
        return text == null ? "no detail" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
