package dev.parley.examples;

import dev.parley.core.mail.Mailer;
import dev.parley.mail.SmtpMailer;
import dev.parley.mail.SmtpSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Where the demo's mail goes: an SMTP server when {@code parley.smtp.host} is set, else the log
 * ({@link LogMailer}). Read like {@link DemoConfig}, from a system property first, then the environment variable
 * of the same name in capitals with underscores:
 * <table>
 * <caption>Mail settings</caption>
 * <tr><th>property</th><th>environment</th><th>default</th></tr>
 * <tr><td>{@code parley.smtp.host}</td><td>{@code PARLEY_SMTP_HOST}</td><td>none: mails are printed to the
 *     log</td></tr>
 * <tr><td>{@code parley.smtp.port}</td><td>{@code PARLEY_SMTP_PORT}</td><td>587 for {@code starttls}, 465 for
 *     {@code tls}, 25 for {@code none}</td></tr>
 * <tr><td>{@code parley.smtp.security}</td><td>{@code PARLEY_SMTP_SECURITY}</td><td>{@code starttls} (required,
 *     never a fall-back to plain text); or {@code tls} (implicit TLS) or {@code none} (plain SMTP, for a server
 *     on this machine such as GreenMail)</td></tr>
 * <tr><td>{@code parley.smtp.user}</td><td>{@code PARLEY_SMTP_USER}</td><td>none: no login</td></tr>
 * <tr><td>{@code parley.smtp.password}</td><td>{@code PARLEY_SMTP_PASSWORD}</td><td>none; required with a user,
 *     never printed</td></tr>
 * <tr><td>{@code parley.smtp.from}</td><td>{@code PARLEY_SMTP_FROM}</td><td>{@code parley@localhost}: the
 *     sender's address</td></tr>
 * <tr><td>{@code parley.smtp.from.name}</td><td>{@code PARLEY_SMTP_FROM_NAME}</td><td>the blog's name</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 *
 * @param host the SMTP server, or {@code null} to print mails to the log
 * @param port the port, 0 for the security's default
 * @param security how the connection is protected
 * @param user the login, or {@code null} for none
 * @param password the password, or {@code null} when there is no login
 * @param from the sender's address
 * @param fromName the sender's display name
 */
public record MailConfig(@Nullable String host, int port, SmtpSecurity security, @Nullable String user,
        @Nullable String password, String from, String fromName) {

    /** The sender's address unless {@code parley.smtp.from} is set. */
    public static final String DEFAULT_FROM = "parley@localhost";

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming every bad one
     */
    public MailConfig {
        Objects.requireNonNull(security, "security must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(fromName, "fromName must not be null");
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65_535) {
            problems.add("parley.smtp.port must be 1 to 65535, was " + port);
        }
        if ((user == null) != (password == null)) {
            problems.add("parley.smtp.user and parley.smtp.password must be set together");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid mail configuration: " + String.join("; ", problems));
        }
    }

    /**
     * The configuration from system properties and environment variables.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming every bad setting
     */
    public static MailConfig fromEnvironment() {
        Map<String, String> env = System.getenv();
        return from(name -> {
            String fromProperty = System.getProperty(name);
            return fromProperty != null ? fromProperty : env.get(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        });
    }

    /**
     * The configuration read through a lookup of the property names, which returns {@code null} for an unset one.
     *
     * @param lookup the settings source
     * @return the configuration
     * @throws IllegalArgumentException naming every bad setting
     */
    public static MailConfig from(UnaryOperator<@Nullable String> lookup) {
        Objects.requireNonNull(lookup, "lookup must not be null");
        List<String> problems = new ArrayList<>();
        int port = 0;
        String portText = blankToNull(lookup.apply("parley.smtp.port"));
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                problems.add("parley.smtp.port must be a number, was \"" + portText + "\"");
            }
        }
        SmtpSecurity security = SmtpSecurity.STARTTLS;
        String securityText = blankToNull(lookup.apply("parley.smtp.security"));
        if (securityText != null) {
            try {
                security = SmtpSecurity.valueOf(securityText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("parley.smtp.security must be starttls, tls or none, was \"" + securityText + "\"");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid mail configuration: " + String.join("; ", problems));
        }
        String host = blankToNull(lookup.apply("parley.smtp.host"));
        String from = blankToNull(lookup.apply("parley.smtp.from"));
        String fromName = blankToNull(lookup.apply("parley.smtp.from.name"));
        MailConfig config = new MailConfig(host == null ? null : host.strip(), port, security,
                blankToNull(lookup.apply("parley.smtp.user")), blankToNull(lookup.apply("parley.smtp.password")),
                from == null ? DEFAULT_FROM : from.strip(), fromName == null ? Blog.NAME : fromName.strip());
        // Build once now, so that a bad host, address or port stops the start instead of the first notification.
        config.mailer();
        return config;
    }

    /**
     * The mailer these settings describe: an {@link SmtpMailer} when a host is set, else a {@link LogMailer}.
     *
     * @return the mailer
     * @throws IllegalArgumentException if the SMTP settings are invalid (the message names each)
     */
    public Mailer mailer() {
        if (host == null) {
            return LogMailer.toLog();
        }
        SmtpMailer.Builder builder = SmtpMailer.builder().host(host).security(security).from(from, fromName);
        if (port != 0) {
            builder.port(port);
        }
        if (user != null && password != null) {
            builder.credentials(user, password);
        }
        return builder.build();
    }

    /**
     * Where mail goes, for the start-up message, without the password.
     *
     * @return for example {@code "SMTP 127.0.0.1:3025 (NONE), from parley@localhost"}
     */
    public String description() {
        if (host == null) {
            return "printed to the log (set parley.smtp.host or PARLEY_SMTP_HOST to send)";
        }
        return "SMTP " + host + ":" + (port == 0 ? security.defaultPort() : port) + " (" + security + ")"
                + (user == null ? "" : ", user " + user) + ", from " + from;
    }

    @Override
    public String toString() {
        return "MailConfig[" + description() + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
