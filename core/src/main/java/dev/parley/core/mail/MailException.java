package dev.parley.core.mail;

/**
 * A {@link Mailer} could not hand a message over: the server is down, refused the message, or timed out.
 * Unchecked; the caller retries later.
 */
public class MailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public MailException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
