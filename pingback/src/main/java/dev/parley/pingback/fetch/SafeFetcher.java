package dev.parley.pingback.fetch;

import dev.parley.pingback.fetch.internal.FetchConfig;
import dev.parley.pingback.fetch.internal.FetchEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a page by GET without becoming a server-side request forgery (SSRF) relay: the fetcher a linkback
 * receiver uses to read a source page that a stranger named.
 *
 * <p>For each hop (the first URL and every redirect) it: accepts only {@code http} and {@code https} URLs without
 * user-info, backslashes, spaces or controls, at most {@value #DEFAULT_MAX_URL_LENGTH} characters by default, on an
 * allowed port (80, 443, 8080 by default); reads the host as a browser would, so {@code 2130706433},
 * {@code 0x7f.1} and {@code 0177.0.0.1} are all 127.0.0.1; refuses {@code localhost} and {@code *.localhost} by name; resolves other names once through the
 * {@link HostResolver}; asks the {@link AddressPolicy} about every address (one refused address refuses the
 * host); and connects to one of exactly those addresses, never resolving again, so DNS rebinding cannot swap the
 * address between check and connect. Sockets are created with {@link Proxy#NO_PROXY} by default, so no system
 * proxy setting can route the connection elsewhere.
 *
 * <p><b>Why its own HTTP/1.1 client.</b> {@code java.net.http.HttpClient} resolves names itself with no per-client
 * resolver hook, so the address it connects to is not the one that was checked, and in its automatic redirect mode
 * it follows a redirect to 127.0.0.1 without asking. This fetcher therefore speaks a small subset of HTTP/1.1
 * over a {@link Socket} connected to the checked {@link java.net.InetAddress}: one GET with
 * {@code Connection: close}, a response head read with limits (8 KiB per line, 100 fields, 64 KiB in all),
 * {@code Content-Length}, chunked or read-to-close bodies, and gzip or deflate content coding. For https it layers
 * an {@link javax.net.ssl.SSLSocket} over that socket, sends the URL's host name as SNI and verifies the certificate
 * against that name (endpoint identification "HTTPS").
 *
 * <p><b>Defaults</b> (each settable on the {@link Builder}):
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>setting</th><th>default</th></tr>
 * <tr><td>address policy</td><td>{@link AddressPolicy#publicUnicast()}: no loopback, private or special address</td></tr>
 * <tr><td>allowed ports</td><td>{@link #DEFAULT_ALLOWED_PORTS} (80, 443, 8080, as WordPress allows): any other port is
 *     {@link FetchFailure#BLOCKED_ADDRESS}, unless the policy names that address and port explicitly
 *     ({@link AddressPolicy#allowing(InetAddress, int)}, see {@link AddressPolicy#allowsExplicitly})</td></tr>
 * <tr><td>URL length</td><td>{@value #DEFAULT_MAX_URL_LENGTH} characters, on every hop, as given and in ASCII form;
 *     longer is {@link FetchFailure#BAD_URL}</td></tr>
 * <tr><td>resolver</td><td>{@link HostResolver#system()}</td></tr>
 * <tr><td>total time</td><td>{@value #DEFAULT_TIMEOUT_SECONDS} s: resolving, connecting, TLS, reading, all hops</td></tr>
 * <tr><td>one connection attempt</td><td>{@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s, within the total</td></tr>
 * <tr><td>redirects</td><td>{@value #DEFAULT_MAX_REDIRECTS} (301, 302, 303, 307, 308; each hop re-checked)</td></tr>
 * <tr><td>body</td><td>{@value #DEFAULT_MAX_BODY_BYTES} bytes (1 MiB), on the wire and decoded; a larger body is
 *     refused ({@link FetchFailure#TOO_LARGE}), or read up to the cap with {@link Builder#truncateOversizedBodies}</td></tr>
 * <tr><td>media types</td><td>{@code text/html}, {@code application/xhtml+xml}, {@code text/plain}; {@code *}{@code /*}
 *     accepts any media type (and a response without {@code Content-Type} as {@code application/octet-stream})</td></tr>
 * <tr><td>User-Agent</td><td>{@value #DEFAULT_USER_AGENT}</td></tr>
 * </table>
 *
 * <p>The time cap holds against a server that trickles bytes: every read waits at most until the deadline, and a
 * watchdog closes the socket when the deadline passes (which also bounds a slow TLS handshake). Name resolution
 * by the system resolver cannot be interrupted; the cap is checked when it returns.
 *
 * <p>The charset of the text is the byte order mark's, else the {@code Content-Type} charset, else (HTML) the
 * {@code <meta>} charset in the first 1024 bytes, else UTF-8; labels follow the WHATWG Encoding Standard
 * ({@code ISO-8859-1} decodes as windows-1252, as browsers do).
 *
 * <p>{@link #post(URI, String, byte[])} sends a body through the same checks and returns the answer of any status
 * (see there for its redirect rules): what a linkback sender needs to deliver a ping.
 *
 * <p>Instances are immutable and thread-safe; {@link #fetch(URI)} may be called from many threads at once. Nothing
 * a URL or a remote server does raises an exception: every outcome is a {@link FetchResult}.
 */
public final class SafeFetcher {

    /** Default total time cap, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    /** Default cap on one connection attempt, in seconds. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    /** Default number of redirects followed. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    /** Default body cap in bytes (1 MiB), applied on the wire and after decoding. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;
    /** Default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "Parley-Linkback/0.1 (linkback verification)";
    /** Default ports a fetch may connect to: the web's, as WordPress allows. */
    public static final Set<Integer> DEFAULT_ALLOWED_PORTS = Set.of(80, 443, 8080);
    /** Default cap on a URL's length in characters, the same as a stored linkback's source URL. */
    public static final int DEFAULT_MAX_URL_LENGTH = 2_048;
    /** Default accepted media types. */
    public static final Set<String> DEFAULT_MEDIA_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

    private static final int MAX_REDIRECTS_LIMIT = 20;
    private static final int MAX_BODY_BYTES_LIMIT = 256 * 1_048_576;
    private static final int MIN_URL_LENGTH = 64;
    private static final int MAX_URL_LENGTH_LIMIT = 8_192;

    private final FetchConfig config;
    private final FetchEngine engine;

    private SafeFetcher(FetchConfig config) {
        this.config = config;
        this.engine = new FetchEngine(config);
    }

    /**
     * Returns a builder with the defaults listed above.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this fetcher's configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.resolver = config.resolver();
        builder.policy = config.policy();
        builder.socketFactory = config.socketFactory();
        builder.sslSocketFactory = config.sslSocketFactory();
        builder.clock = config.clock();
        builder.timeout = Duration.ofMillis(config.timeoutMillis());
        builder.connectTimeout = Duration.ofMillis(config.connectTimeoutMillis());
        builder.maxRedirects = config.maxRedirects();
        builder.maxBodyBytes = config.maxBodyBytes();
        builder.mediaTypes = config.mediaTypes();
        builder.userAgent = config.userAgent();
        builder.truncateOversizedBodies = config.truncateBodies();
        builder.allowedPorts = config.allowedPorts();
        builder.maxUrlLength = config.maxUrlLength();
        return builder;
    }

    /**
     * Fetches a URL given as text; a malformed URL is a {@link FetchFailure#BAD_URL} refusal.
     *
     * @param url the URL, for example a Webmention's {@code source}
     * @return the page or the refusal
     * @throws NullPointerException if {@code url} is null
     */
    public FetchResult fetch(String url) {
        return engine.fetch(Objects.requireNonNull(url, "url"));
    }

    /**
     * Fetches a URL.
     *
     * @param uri the URL
     * @return the page or the refusal
     * @throws NullPointerException if {@code uri} is null
     */
    public FetchResult fetch(URI uri) {
        return engine.fetch(Objects.requireNonNull(uri, "uri"));
    }

    /**
     * POSTs a body to an endpoint and returns its answer, whatever the status: the request a linkback sender makes.
     *
     * <p>Every hop gets the same checks as {@link #fetch(URI)}: the URL, one resolution, every address against the
     * {@link AddressPolicy}, a connection to exactly a checked address, the time cap (all hops together, with the
     * watchdog) and the byte cap on the answer. The request carries a {@code Content-Length} (never chunked),
     * {@code Accept: *}{@code /*} and {@code Connection: close}. Unlike a GET, any status and any media type is an
     * answer ({@link PostResult.Answered}): a 400 with a reason, a 4xx TrackBack error and an XML-RPC fault are
     * read like a 200; the body is bounded by the byte cap and decoded as text. Redirects:
     *
     * <table>
     * <caption>Redirects of a POST</caption>
     * <tr><th>status</th><th>what happens</th></tr>
     * <tr><td>307, 308</td><td>the same POST, same body, to the {@code Location}, checked like the first URL (a
     *     {@code Location} on a refused address ends in {@link FetchFailure#BLOCKED_ADDRESS}; nothing connects
     *     to it)</td></tr>
     * <tr><td>301, 302</td><td>the same POST too, not a GET: RFC 9110 allows either, and a receiver that moved its
     *     endpoint expects the ping to arrive there</td></tr>
     * <tr><td>303</td><td>the POST was processed: the 303 is the final answer (its {@code Location} is in the
     *     headers), nothing is fetched from there</td></tr>
     * <tr><td>more than {@code maxRedirects}</td><td>{@link FetchFailure#TOO_MANY_REDIRECTS}</td></tr>
     * </table>
     *
     * <p>Refusals are the same {@link FetchResult.Refused} values as a GET's, except that
     * {@link FetchFailure#HTTP_STATUS} and {@link FetchFailure#UNSUPPORTED_CONTENT_TYPE} never occur. A refusal
     * after the body was sent (a timeout while waiting for the answer, say) does not mean the server ignored it.
     *
     * @param endpoint the URL to POST to
     * @param contentType the request's {@code Content-Type}, for example
     *     {@code application/x-www-form-urlencoded}: printable ASCII, 1 to 256 characters
     * @param body the request body; not copied, so it must not change during the call
     * @return the answer or the refusal
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code contentType} is empty, too long or not printable ASCII (a line
     *     break would inject a header)
     */
    public PostResult post(URI endpoint, String contentType, byte[] body) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (contentType.isEmpty() || contentType.length() > 256
                || !contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("contentType must be 1..256 printable ASCII characters: "
                    + contentType);
        }
        return engine.post(endpoint, contentType, body);
    }

    /**
     * Collects a {@link SafeFetcher}'s settings; {@link #build()} validates them all at once. Not thread-safe; the
     * fetcher it builds is.
     */
    public static final class Builder {

        private HostResolver resolver = HostResolver.system();
        private AddressPolicy policy = AddressPolicy.publicUnicast();
        private SocketFactory socketFactory = DirectSocketFactory.INSTANCE;
        private @Nullable SSLSocketFactory sslSocketFactory;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Set<String> mediaTypes = DEFAULT_MEDIA_TYPES;
        private String userAgent = DEFAULT_USER_AGENT;
        private boolean truncateOversizedBodies;
        private Set<Integer> allowedPorts = DEFAULT_ALLOWED_PORTS;
        private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;

        private Builder() {
        }

        /**
         * Sets the host name resolver; default {@link HostResolver#system()}.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Sets the address policy; default {@link AddressPolicy#publicUnicast()}. To reach one test server on
         * loopback, pass {@code AddressPolicy.publicUnicast().allowing(address, port)}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder addressPolicy(AddressPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the factory of plain sockets. The fetcher calls {@link SocketFactory#createSocket()} (unconnected)
         * and then connects the socket itself to the checked address. Default: direct sockets, never through a
         * proxy.
         *
         * @param socketFactory the factory
         * @return this builder
         */
        public Builder socketFactory(SocketFactory socketFactory) {
            this.socketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
            return this;
        }

        /**
         * Sets the factory that layers TLS over a connected socket, for example to trust a private CA. Default: the
         * JVM's default {@link SSLContext}. Endpoint identification and SNI are set by the fetcher whatever the
         * factory.
         *
         * @param sslSocketFactory the factory
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory sslSocketFactory) {
            this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory");
            return this;
        }

        /**
         * Sets the clock the time cap is measured with; default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the cap on a whole fetch, all hops included; default {@value #DEFAULT_TIMEOUT_SECONDS} s. Must be
         * positive and at most one hour.
         *
         * @param timeout the cap
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the cap on one connection attempt (within the total); default
         * {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s. Must be positive.
         *
         * @param connectTimeout the cap
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how many redirects are followed, 0 to 20; default {@value #DEFAULT_MAX_REDIRECTS}.
         *
         * @param maxRedirects the cap; 0 refuses any redirect
         * @return this builder
         */
        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Sets the body cap in bytes, 1 to 256 MiB, applied to the bytes on the wire and to the decoded bytes;
         * default {@value #DEFAULT_MAX_BODY_BYTES}.
         *
         * @param maxBodyBytes the cap
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the accepted media types ({@code type/subtype}, any case, no parameters); default
         * {@link #DEFAULT_MEDIA_TYPES}. Must not be empty. The same list is sent as {@code Accept}. The wildcard
         * {@code *}{@code /*} accepts any media type, a response without {@code Content-Type} included (read as
         * {@code application/octet-stream}); its body is still decoded as text and still bounded by the byte cap.
         *
         * @param mediaTypes the types
         * @return this builder
         */
        public Builder acceptedMediaTypes(Set<String> mediaTypes) {
            this.mediaTypes = Set.copyOf(Objects.requireNonNull(mediaTypes, "mediaTypes"));
            return this;
        }

        /**
         * Sets the {@code User-Agent}: printable ASCII, 1 to 256 characters; default {@value #DEFAULT_USER_AGENT}.
         *
         * @param userAgent the value
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Whether a body larger than the byte cap is read up to the cap and kept, cut there, instead of refusing
         * the page as {@link FetchFailure#TOO_LARGE}; off by default. Endpoint discovery turns it on, since the
         * headers and the head of a large page are what it reads. The time cap still holds, and the rest of the
         * body is never read.
         *
         * @param truncate true to keep the first bytes of an oversized body
         * @return this builder
         */
        public Builder truncateOversizedBodies(boolean truncate) {
            this.truncateOversizedBodies = truncate;
            return this;
        }

        /**
         * Sets the ports a fetch may connect to, each 1 to 65535, at least one; default {@link #DEFAULT_ALLOWED_PORTS}
         * (80, 443, 8080). A URL on another port is refused as {@link FetchFailure#BLOCKED_ADDRESS} before any
         * connection, on every hop, so a linkback cannot make the fetcher talk to SSH, SMTP, Redis or memcached on a
         * public host. The rule: a port in this set is reached on any address the {@link AddressPolicy} permits; a
         * port outside it only on an address and port the policy names explicitly
         * ({@link AddressPolicy#allowing(InetAddress, int)}), which is how a test server on a random loopback port is
         * reached.
         *
         * @param ports the ports
         * @return this builder
         */
        public Builder allowedPorts(Set<Integer> ports) {
            this.allowedPorts = Set.copyOf(Objects.requireNonNull(ports, "ports"));
            return this;
        }

        /**
         * Sets the longest URL fetched, 64 to 8,192 characters; default
         * {@value #DEFAULT_MAX_URL_LENGTH}. The cap holds on every hop, for the URL as given and in its ASCII form; a
         * longer URL is {@link FetchFailure#BAD_URL}.
         *
         * @param characters the cap
         * @return this builder
         */
        public Builder maxUrlLength(int characters) {
            this.maxUrlLength = characters;
            return this;
        }

        /**
         * Validates every setting and builds the fetcher.
         *
         * @return an immutable, thread-safe fetcher
         * @throws IllegalArgumentException naming every invalid setting
         * @throws IllegalStateException if no TLS factory was set and the JVM has no default TLS context
         */
        public SafeFetcher build() {
            List<String> errors = new ArrayList<>();
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
                errors.add("timeout must be positive and at most 1 hour: " + timeout);
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()
                    || connectTimeout.compareTo(Duration.ofHours(1)) > 0) {
                errors.add("connectTimeout must be positive and at most 1 hour: " + connectTimeout);
            }
            if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
                errors.add("maxRedirects must be 0.." + MAX_REDIRECTS_LIMIT + ": " + maxRedirects);
            }
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
                errors.add("maxBodyBytes must be 1.." + MAX_BODY_BYTES_LIMIT + ": " + maxBodyBytes);
            }
            Set<String> types = new TreeSet<>();
            for (String type : mediaTypes) {
                String lower = type.strip().toLowerCase(Locale.ROOT);
                if (!lower.equals(FetchConfig.ANY_MEDIA_TYPE)
                        && !lower.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
                    errors.add("acceptedMediaTypes must hold type/subtype values without parameters, or */*: "
                            + type);
                }
                types.add(lower);
            }
            if (types.isEmpty()) {
                errors.add("acceptedMediaTypes must not be empty");
            }
            if (userAgent.isEmpty() || userAgent.length() > 256
                    || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                errors.add("userAgent must be 1..256 printable ASCII characters: " + userAgent);
            }
            if (allowedPorts.isEmpty() || allowedPorts.stream().anyMatch(port -> port < 1 || port > 65_535)) {
                errors.add("allowedPorts must hold 1 or more ports, each 1..65535: " + new TreeSet<>(allowedPorts));
            }
            if (maxUrlLength < MIN_URL_LENGTH || maxUrlLength > MAX_URL_LENGTH_LIMIT) {
                errors.add("maxUrlLength must be " + MIN_URL_LENGTH + ".." + MAX_URL_LENGTH_LIMIT + ": "
                        + maxUrlLength);
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid SafeFetcher settings: " + String.join("; ", errors));
            }
            return new SafeFetcher(new FetchConfig(resolver, policy, socketFactory, tlsFactory(), clock,
                    timeout.toMillis(), connectTimeout.toMillis(), maxRedirects, maxBodyBytes, types, userAgent,
                    truncateOversizedBodies, allowedPorts, maxUrlLength));
        }

        private SSLSocketFactory tlsFactory() {
            if (sslSocketFactory != null) {
                return sslSocketFactory;
            }
            try {
                return SSLContext.getDefault().getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context; set sslSocketFactory", e);
            }
        }
    }

    /** Plain sockets that never go through a SOCKS or HTTP proxy, whatever the system properties say. */
    private static final class DirectSocketFactory extends SocketFactory {
        static final DirectSocketFactory INSTANCE = new DirectSocketFactory();

        @Override
        public Socket createSocket() {
            return new Socket(Proxy.NO_PROXY);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("only unconnected sockets are created here");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                throws IOException {
            throw new IOException("only unconnected sockets are created here");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new IOException("only unconnected sockets are created here");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
                                   int localPort) throws IOException {
            throw new IOException("only unconnected sockets are created here");
        }
    }
}
