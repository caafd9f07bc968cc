package dev.parley.mail;

import dev.parley.core.mail.MailException;
import dev.parley.core.mail.MailMessage;
import dev.parley.core.mail.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Mailer} that hands each message to one SMTP server: one {@code multipart/alternative} MIME message
 * (the plain text in UTF-8, then the HTML in UTF-8), From the configured sender, To the message's recipient,
 * with the subject encoded when it is not ASCII, a Date and a Message-ID, and the message's extra headers
 * (such as {@code List-Unsubscribe}) as given.
 *
 * <pre>{@code
 * Mailer mailer = SmtpMailer.builder()
 *         .host("smtp.example.org")
 *         .security(SmtpSecurity.STARTTLS)
 *         .credentials("blog@example.org", password)
 *         .from("blog@example.org", "My blog")
 *         .build();
 * }</pre>
 *
 * <p>Every send opens its own connection and closes it, so nothing is held between notifications and a
 * server restart needs no recovery. Each phase is bounded: connecting, every read and every write give up after
 * their timeout (10 seconds each unless set), so a server that accepts a connection and never answers costs a
 * worker seconds, not forever. Any failure, from a refused connection to a 5xx answer, is a
 * {@link MailException} whose message names the server and what went wrong, never the password.
 *
 * <p>Immutable and thread-safe: one mailer serves any number of threads, each send on its own connection.
 */
public final class SmtpMailer implements Mailer {

    /** Default for each of the connect, read and write timeouts. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final String PREFIX = "mail.smtp.";

    /**
     * Angus Mail enforces write timeouts with a scheduler; without one it starts a thread pool per connection.
     * One shared daemon thread serves every mailer and dies when idle.
     */
    private static final ScheduledThreadPoolExecutor WRITE_TIMEOUTS = writeTimeoutScheduler();

    private final String host;
    private final int port;
    private final SmtpSecurity security;
    private final @Nullable String username;
    private final @Nullable String password;
    private final InternetAddress from;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Session session;
    private final MimeComposer composer;

    private SmtpMailer(Builder builder, InternetAddress from, int port) {
        this.host = Objects.requireNonNull(builder.host);
        this.port = port;
        this.security = builder.security;
        this.username = builder.username;
        this.password = builder.password;
        this.from = from;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.writeTimeout = builder.writeTimeout;
        this.session = Session.getInstance(properties(builder.sslSocketFactory));
        this.composer = new MimeComposer(from, builder.clock);
    }

    /**
     * Starts a builder. Required: {@link Builder#host(String) host} and {@link Builder#from(String) from}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the message over a new connection, returning once the server accepted it (answered 250 to the
     * message data), and closes the connection.
     *
     * @param message the message
     * @throws MailException if the recipient is not one valid address, or the server could not be reached, did
     *     not answer within a timeout, refused STARTTLS or the TLS handshake, refused the credentials, or refused
     *     the sender, the recipient or the message
     */
    @Override
    public void send(MailMessage message) {
        Objects.requireNonNull(message, "message must not be null");
        MimeMessage mime;
        try {
            mime = composer.compose(session, message);
        } catch (AddressException e) {
            throw new MailException("the recipient is not one valid e-mail address: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MailException("could not compose the message: " + e.getMessage(), e);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, username, password);
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw new MailException("sending through SMTP server " + host + ":" + port + " failed: "
                    + SmtpFailures.describe(e, host, username, "connect " + connectTimeout.toMillis() + " ms, read "
                            + readTimeout.toMillis() + " ms, write " + writeTimeout.toMillis() + " ms"), e);
        }
    }

    /**
     * The server and how it is reached, without the password.
     *
     * @return for example {@code SmtpMailer[smtp.example.org:587, STARTTLS, user blog@example.org]}
     */
    @Override
    public String toString() {
        return "SmtpMailer[" + host + ":" + port + ", " + security
                + (username == null ? "" : ", user " + username) + "]";
    }

    private Properties properties(@Nullable SSLSocketFactory sslSocketFactory) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put(PREFIX + "host", host);
        properties.put(PREFIX + "port", Integer.toString(port));
        properties.put(PREFIX + "from", from.getAddress());
        properties.put(PREFIX + "connectiontimeout", millis(connectTimeout));
        properties.put(PREFIX + "timeout", millis(readTimeout));
        properties.put(PREFIX + "writetimeout", millis(writeTimeout));
        properties.put(PREFIX + "executor.writetimeout", WRITE_TIMEOUTS);
        properties.put(PREFIX + "auth", Boolean.toString(username != null));
        properties.put(PREFIX + "ssl.enable", Boolean.toString(security == SmtpSecurity.TLS));
        properties.put(PREFIX + "starttls.enable", Boolean.toString(security == SmtpSecurity.STARTTLS));
        properties.put(PREFIX + "starttls.required", Boolean.toString(security == SmtpSecurity.STARTTLS));
        // A certificate must name the host we connect to, not merely chain to a trusted authority.
        properties.put(PREFIX + "ssl.checkserveridentity", "true");
        if (sslSocketFactory != null) {
            properties.put(PREFIX + "ssl.socketFactory", sslSocketFactory);
        }
        // Angus Mail retries a failed socket with the JVM's default factory unless told not to: a certificate
        // refused by the host's own trust would be retried under other rules, and its error replaced.
        properties.put(PREFIX + "socketFactory.fallback", "false");
        // Mail headers and addresses are read and written as MIME says, whatever the JVM's defaults.
        properties.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        return properties;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static ScheduledThreadPoolExecutor writeTimeoutScheduler() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "parley-smtp-write-timeout-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /**
     * Collects an {@link SmtpMailer}'s settings; {@link #build()} checks them all at once. Not thread-safe;
     * use one builder from one thread.
     */
    public static final class Builder {

        private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

        private @Nullable String host;
        private int port;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable String fromAddress;
        private @Nullable String fromName;
        private Duration connectTimeout = DEFAULT_TIMEOUT;
        private Duration readTimeout = DEFAULT_TIMEOUT;
        private Duration writeTimeout = DEFAULT_TIMEOUT;
        private @Nullable SSLSocketFactory sslSocketFactory;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The SMTP server's host name or address. Required.
         *
         * @param host for example {@code smtp.example.org}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host must not be null");
            return this;
        }

        /**
         * The SMTP server's port; unset, the security's {@link SmtpSecurity#defaultPort() default port}.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * How the connection is protected; {@link SmtpSecurity#STARTTLS} unless set.
         *
         * @param security the security
         * @return this builder
         */
        public Builder security(SmtpSecurity security) {
            this.security = Objects.requireNonNull(security, "security must not be null");
            return this;
        }

        /**
         * Logs in with these credentials (SMTP AUTH) after connecting; unset, the mailer does not log in.
         *
         * @param username the user name
         * @param password the password, never shown by {@link SmtpMailer#toString()} or an exception
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username must not be null");
            this.password = Objects.requireNonNull(password, "password must not be null");
            return this;
        }

        /**
         * The sender's address, in the From header and the envelope (where bounces go). Required.
         *
         * @param address for example {@code blog@example.org}
         * @return this builder
         */
        public Builder from(String address) {
            this.fromAddress = Objects.requireNonNull(address, "from address must not be null");
            this.fromName = null;
            return this;
        }

        /**
         * The sender's address and the name mail programs show for it.
         *
         * @param address for example {@code blog@example.org}
         * @param displayName for example {@code My blog}; encoded when not ASCII
         * @return this builder
         */
        public Builder from(String address, String displayName) {
            this.fromAddress = Objects.requireNonNull(address, "from address must not be null");
            this.fromName = Objects.requireNonNull(displayName, "display name must not be null");
            return this;
        }

        /**
         * How long connecting (TCP, and the TLS handshake for {@link SmtpSecurity#TLS}) may take.
         *
         * @param timeout at least 1 ms, at most 10 minutes; 10 seconds unless set
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connect timeout must not be null");
            return this;
        }

        /**
         * How long the mailer waits for each answer of the server.
         *
         * @param timeout at least 1 ms, at most 10 minutes; 10 seconds unless set
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "read timeout must not be null");
            return this;
        }

        /**
         * How long each write to the server may block.
         *
         * @param timeout at least 1 ms, at most 10 minutes; 10 seconds unless set
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Objects.requireNonNull(timeout, "write timeout must not be null");
            return this;
        }

        /**
         * The factory for TLS sockets, for a server whose certificate chains to an authority the JVM does not
         * trust (a company's own); unset, the JVM's default trust. The certificate must name the host either way.
         *
         * @param factory for example {@code sslContext.getSocketFactory()}
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslSocketFactory = Objects.requireNonNull(factory, "SSL socket factory must not be null");
            return this;
        }

        /**
         * The clock for the Date header; the system clock unless set.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Checks the settings and builds the mailer. Nothing connects yet.
         *
         * @return the mailer
         * @throws IllegalArgumentException naming every missing or bad setting
         */
        public SmtpMailer build() {
            List<String> problems = new ArrayList<>();
            if (host == null || host.isBlank()) {
                problems.add("host is required");
            } else if (!host.strip().equals(host) || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
                problems.add("host must be a host name or address, was \"" + host + "\"");
            }
            int effectivePort = port == 0 ? security.defaultPort() : port;
            if (effectivePort < 1 || effectivePort > 65535) {
                problems.add("port must be 1 to 65535, was " + port);
            }
            timeout("connect timeout", connectTimeout, problems);
            timeout("read timeout", readTimeout, problems);
            timeout("write timeout", writeTimeout, problems);
            if (username != null && username.isEmpty()) {
                problems.add("username must not be empty");
            }
            if (fromName != null && (fromName.indexOf('\r') >= 0 || fromName.indexOf('\n') >= 0)) {
                problems.add("from display name must be one line");
            }
            InternetAddress from = null;
            if (fromAddress == null) {
                problems.add("from address is required");
            } else {
                try {
                    InternetAddress parsed = new InternetAddress(fromAddress, true);
                    parsed.validate();
                    if (parsed.getPersonal() != null || !parsed.getAddress().equals(fromAddress)) {
                        throw new AddressException("a bare address is expected, the name goes in its own argument");
                    }
                    from = fromName == null ? parsed
                            : new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
                } catch (AddressException | UnsupportedEncodingException e) {
                    problems.add("from address must be one e-mail address, was \"" + fromAddress + "\": "
                            + e.getMessage());
                }
            }
            if (!problems.isEmpty() || from == null) {
                throw new IllegalArgumentException("invalid SMTP mailer settings: " + String.join("; ", problems));
            }
            return new SmtpMailer(this, from, effectivePort);
        }

        private static void timeout(String name, Duration timeout, List<String> problems) {
            // Angus Mail reads 0 ms as "wait forever": a sub-millisecond timeout would be no bound at all.
            if (timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                problems.add(name + " must be at least 1 ms and at most " + MAX_TIMEOUT.toMinutes() + " minutes, was "
                        + timeout);
            }
        }
    }
}
