package dev.parley.mail;

/**
 * How {@link SmtpMailer} protects its connection to the SMTP server.
 */
public enum SmtpSecurity {

    /**
     * Plain SMTP, nothing encrypted: for a server on the same machine or a trusted network only. Credentials,
     * if set, cross the network readable. Default port 25.
     */
    NONE(25),

    /**
     * Plain connection upgraded by {@code STARTTLS} before anything else is sent, and refused when the server
     * does not offer it (no silent fall-back to plain text). The usual mail submission setup (RFC 6409).
     * Default port 587.
     */
    STARTTLS(587),

    /** TLS from the first byte ("implicit TLS", RFC 8314), the submission port 465. Default port 465. */
    TLS(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /**
     * The port a server with this security usually listens on.
     *
     * @return 25, 587 or 465
     */
    public int defaultPort() {
        return defaultPort;
    }
}
