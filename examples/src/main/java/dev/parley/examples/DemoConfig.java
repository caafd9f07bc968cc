package dev.parley.examples;

import dev.parley.pingback.Protocol;
import dev.parley.pingback.fetch.AddressPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The demo's configuration: where it listens, where it stores comments, the moderation password, which linkback
 * endpoints the post pages advertise, and which loopback addresses the fetcher may reach.
 *
 * <p>Every setting is read from a system property first, then from an environment variable
 * ({@link #fromEnvironment()}):
 * <table>
 * <caption>Settings</caption>
 * <tr><th>property</th><th>environment</th><th>default</th></tr>
 * <tr><td>{@code parley.port}</td><td>{@code PARLEY_PORT}</td><td>8080 (0 picks a free port)</td></tr>
 * <tr><td>{@code parley.host}</td><td>{@code PARLEY_HOST}</td><td>{@code 127.0.0.1}</td></tr>
 * <tr><td>{@code parley.base.url}</td><td>{@code PARLEY_BASE_URL}</td>
 *     <td>{@code http://localhost:<port>}: the address readers and linking blogs use</td></tr>
 * <tr><td>{@code parley.store}</td><td>{@code PARLEY_STORE}</td><td>{@code sqlite}; or {@code h2}, {@code jdbc},
 *     {@code memory}. Unset, it is {@code jdbc} when a JDBC URL is set, {@code h2} when an H2 file is set or
 *     when the default H2 file of an earlier version exists and the default SQLite file does not, else
 *     {@code sqlite}</td></tr>
 * <tr><td>{@code parley.h2.file}</td><td>{@code PARLEY_H2_FILE}</td><td>{@code ./data/parley-demo}</td></tr>
 * <tr><td>{@code parley.sqlite.file}</td><td>{@code PARLEY_SQLITE_FILE}</td><td>{@code ./data/parley-demo.db}</td></tr>
 * <tr><td>{@code parley.jdbc.url}</td><td>{@code PARLEY_JDBC_URL}</td><td>none; setting it implies {@code jdbc}.
 *     {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} (MySQL, through the MariaDB driver),
 *     {@code jdbc:sqlite:} or {@code jdbc:h2:}</td></tr>
 * <tr><td>{@code parley.jdbc.user}</td><td>{@code PARLEY_JDBC_USER}</td><td>none</td></tr>
 * <tr><td>{@code parley.jdbc.password}</td><td>{@code PARLEY_JDBC_PASSWORD}</td><td>none</td></tr>
 * <tr><td>{@code parley.admin.password}</td><td>{@code PARLEY_ADMIN_PASSWORD}</td>
 *     <td>a random one of 20 characters, generated at the first start and printed then. With an embedded
 *     database it is kept in a file beside the database file ({@link #adminPasswordFile()}, readable by its
 *     owner only), on a database server in the database beside the edit-token secret, so a restart keeps it;
 *     with the in-memory store it is new at every start. A configured one needs at least 12</td></tr>
 * <tr><td>{@code parley.linkbacks.advertise}</td><td>{@code PARLEY_LINKBACKS_ADVERTISE}</td>
 *     <td>{@code webmention,pingback,trackback}: a comma-separated list (any case, any order) of the linkback
 *     protocols the post pages advertise, or {@code none}. Webmention is advertised by a
 *     {@code Link: <...>; rel="webmention"} header and {@code <link rel="webmention">}, Pingback by an
 *     {@code X-Pingback} header and {@code <link rel="pingback">}, TrackBack by the RDF block (in an HTML
 *     comment) whose {@code dc:identifier} is the post's URL. The endpoint of a protocol left out is not mounted
 *     at all: it answers 404, as on a blog that does not take that protocol.</td></tr>
 * <tr><td>{@code parley.fetch.allow}</td><td>{@code PARLEY_FETCH_ALLOW}</td>
 *     <td>none: a comma-separated list of loopback {@code address:port} pairs ({@code 127.0.0.1:8081},
 *     {@code [::1]:8081}) that fetching (linkback verification, and sending) may reach although they are not
 *     public, each exactly on its port. For tests that run two demo instances on one machine; never needed in
 *     production. Addresses are IP literals in {@code 127.0.0.0/8} or {@code ::1}; host names are refused,
 *     since a name could later resolve elsewhere.</td></tr>
 * <tr><td>{@code parley.outbox.delay}</td><td>{@code PARLEY_OUTBOX_DELAY}</td>
 *     <td>{@code 0}: seconds (0 to 86400) a linkback send waits after the admin saves or deletes a post before it
 *     may go out, which lets the admin fix a link before anyone is told</td></tr>
 * <tr><td>{@code parley.proxy.trusted}</td><td>{@code PARLEY_PROXY_TRUSTED}</td>
 *     <td>none: a comma-separated list of IP addresses and CIDR networks ({@code 10.0.0.5}, {@code 10.0.0.0/8},
 *     {@code fd00::/8}) of the reverse proxies in front of the demo. Only for a connection from one of them are
 *     {@code Forwarded} and {@code X-Forwarded-*} believed: the client's address (for the flood rule and the
 *     stored IP) is then the right-most forwarded hop that is not a trusted proxy, and an original scheme of
 *     https puts {@code Secure} on every cookie. From any other peer those headers are ignored. Host names are
 *     refused, since a name could later resolve elsewhere.</td></tr>
 * <tr><td>{@code parley.threads}</td><td>{@code PARLEY_THREADS}</td>
 *     <td>{@code 64}: the most request threads Jetty runs ({@value #MIN_THREADS} to {@value #MAX_THREADS}). Request
 *     bodies are read before a thread is taken, so slow uploads do not hold threads</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. The {@link #toString()} never shows a password.
 *
 * @param host the address Jetty binds to
 * @param port the TCP port, 0 for any free port
 * @param baseUrl the public base URL without a trailing slash, or {@code null} to derive it from the bound port
 * @param store which comment store to use
 * @param h2File the H2 database file path (without {@code .mv.db}) for {@link Store#H2}
 * @param sqliteFile the SQLite database file path for {@link Store#SQLITE}
 * @param jdbcUrl the JDBC URL for {@link Store#JDBC}, else {@code null}
 * @param jdbcUser the JDBC user, or {@code null}
 * @param jdbcPassword the JDBC password, or {@code null}
 * @param adminPassword the moderation password
 * @param adminPasswordGenerated whether the password was generated (so {@code Main} prints it)
 * @param advertise the linkback protocols the post pages advertise (and whose endpoints are mounted)
 * @param fetchAllow the loopback addresses and ports fetching may reach besides public addresses
 * @param outboxDelay how long a linkback send waits before it may go out, 0 to 1 day
 * @param trustedProxies the reverse proxies whose forwarding headers are believed, none by default
 * @param threads the most request threads, {@value #MIN_THREADS} to {@value #MAX_THREADS}
 */
public record DemoConfig(
        String host,
        int port,
        @Nullable String baseUrl,
        Store store,
        String h2File,
        String sqliteFile,
        @Nullable String jdbcUrl,
        @Nullable String jdbcUser,
        @Nullable String jdbcPassword,
        String adminPassword,
        boolean adminPasswordGenerated,
        Set<Protocol> advertise,
        List<InetSocketAddress> fetchAllow,
        Duration outboxDelay,
        TrustedProxies trustedProxies,
        int threads) {

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default H2 file, relative to the working directory. */
    public static final String DEFAULT_H2_FILE = "./data/parley-demo";
    /** The default SQLite file, relative to the working directory. */
    public static final String DEFAULT_SQLITE_FILE = "./data/parley-demo.db";
    /** The shortest moderation password accepted from configuration (a generated one has 20 characters). */
    public static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    /** The setting naming the advertised linkback protocols. */
    public static final String ADVERTISE = "parley.linkbacks.advertise";
    /** The setting naming the loopback addresses fetching may reach. */
    public static final String FETCH_ALLOW = "parley.fetch.allow";
    /** The setting naming the seconds a linkback send waits before it may go out. */
    public static final String OUTBOX_DELAY = "parley.outbox.delay";
    /** The setting naming the reverse proxies whose forwarding headers are believed. */
    public static final String PROXY_TRUSTED = "parley.proxy.trusted";
    /** The longest {@value #OUTBOX_DELAY}: one day. */
    public static final Duration MAX_OUTBOX_DELAY = Duration.ofDays(1);
    /** The setting naming the most request threads. */
    public static final String THREADS = "parley.threads";
    /** The default of {@value #THREADS}. */
    public static final int DEFAULT_THREADS = 64;
    /** The fewest request threads: Jetty's acceptor and selector need some of them. */
    public static final int MIN_THREADS = 8;
    /** The most request threads. */
    public static final int MAX_THREADS = 1024;

    /** {@code address:port}, the address an IPv4 literal or a bracketed IPv6 literal. */
    private static final Pattern ADDRESS_AND_PORT =
            Pattern.compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3})|\\[([0-9A-Fa-f:.]+)\\]):(\\d{1,5})");

    private static final List<String> SUPPORTED_JDBC_SCHEMES =
            List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:", "jdbc:sqlite:", "jdbc:h2:");

    /** Where the demo stores comments. */
    public enum Store {
        /** The JDBC store on an embedded H2 database file (the default of earlier versions). */
        H2,
        /** The JDBC store on an embedded SQLite database file, in WAL mode (the default). */
        SQLITE,
        /** The JDBC store on a PostgreSQL, MariaDB, MySQL or H2 JDBC URL. */
        JDBC,
        /** The in-memory store: nothing survives a restart. */
        MEMORY
    }

    /**
     * Checks every field and names all bad ones in one exception.
     *
     * @throws IllegalArgumentException if any field is out of range
     */
    public DemoConfig {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(store, "store must not be null");
        Objects.requireNonNull(h2File, "h2File must not be null");
        Objects.requireNonNull(sqliteFile, "sqliteFile must not be null");
        Objects.requireNonNull(adminPassword, "adminPassword must not be null");
        Objects.requireNonNull(advertise, "advertise must not be null");
        advertise = protocols(advertise);
        fetchAllow = List.copyOf(Objects.requireNonNull(fetchAllow, "fetchAllow must not be null"));
        Objects.requireNonNull(outboxDelay, "outboxDelay must not be null");
        Objects.requireNonNull(trustedProxies, "trustedProxies must not be null");
        List<String> problems = new ArrayList<>();
        if (outboxDelay.isNegative() || outboxDelay.compareTo(MAX_OUTBOX_DELAY) > 0) {
            problems.add("outboxDelay must be 0 to 1 day, was " + outboxDelay);
        }
        if (threads < MIN_THREADS || threads > MAX_THREADS) {
            problems.add("threads must be " + MIN_THREADS + ".." + MAX_THREADS + ", was " + threads);
        }
        if (host.isBlank()) {
            problems.add("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            problems.add("port must be 0..65535, was " + port);
        }
        if (baseUrl != null) {
            baseUrl = stripTrailingSlash(baseUrl);
            if (!isHttpUrl(baseUrl)) {
                problems.add("baseUrl must be an absolute http(s) URL, was \"" + baseUrl + "\"");
            }
        }
        if (store == Store.H2 && h2File.isBlank()) {
            problems.add("h2File must not be blank");
        }
        if (store == Store.SQLITE && sqliteFile.isBlank()) {
            problems.add("sqliteFile must not be blank");
        }
        if (store == Store.JDBC && (jdbcUrl == null || !isSupportedJdbcUrl(jdbcUrl))) {
            problems.add("jdbcUrl must start with \"jdbc:postgresql:\", \"jdbc:mariadb:\", \"jdbc:mysql:\","
                    + " \"jdbc:sqlite:\" or \"jdbc:h2:\" when store is JDBC, was "
                    + quoted(jdbcUrl == null ? null : jdbcUrl.replaceAll("password=[^&;]*", "password=***")));
        }
        if (adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            problems.add("adminPassword must have at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        for (InetSocketAddress allowed : fetchAllow) {
            if (allowed.getAddress() == null || !allowed.getAddress().isLoopbackAddress()
                    || allowed.getPort() < 1) {
                problems.add("fetchAllow may hold resolved loopback addresses with a port 1..65535 only, was "
                        + allowed);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid demo configuration: " + String.join("; ", problems));
        }
    }

    /**
     * The configuration from system properties and environment variables, as listed in the type's Javadoc.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming every bad setting
     */
    public static DemoConfig fromEnvironment() {
        Map<String, String> env = System.getenv();
        return from(name -> {
            String fromProperty = System.getProperty(name);
            if (fromProperty != null) {
                return fromProperty;
            }
            return env.get(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        });
    }

    /**
     * The configuration read through a lookup of the property names ({@code parley.port}, ...), which returns
     * {@code null} for an unset one.
     *
     * @param lookup the settings source
     * @return the configuration
     * @throws IllegalArgumentException naming every bad setting
     */
    public static DemoConfig from(UnaryOperator<@Nullable String> lookup) {
        Objects.requireNonNull(lookup, "lookup must not be null");
        List<String> problems = new ArrayList<>();
        int port = DEFAULT_PORT;
        String portText = blankToNull(lookup.apply("parley.port"));
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                problems.add("parley.port must be a number, was \"" + portText + "\"");
            }
        }
        String jdbcUrl = blankToNull(lookup.apply("parley.jdbc.url"));
        String storeText = blankToNull(lookup.apply("parley.store"));
        String h2File = blankToNull(lookup.apply("parley.h2.file"));
        String sqliteFile = blankToNull(lookup.apply("parley.sqlite.file"));
        Store store = defaultStore(jdbcUrl, h2File, sqliteFile, java.nio.file.Files::exists);
        if (storeText != null) {
            try {
                store = Store.valueOf(storeText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("parley.store must be h2, sqlite, jdbc or memory, was \"" + storeText + "\"");
            }
        }
        Set<Protocol> advertise = advertise(blankToNull(lookup.apply(ADVERTISE)), problems);
        List<InetSocketAddress> fetchAllow = fetchAllow(blankToNull(lookup.apply(FETCH_ALLOW)), problems);
        Duration outboxDelay = Duration.ZERO;
        String delayText = blankToNull(lookup.apply(OUTBOX_DELAY));
        if (delayText != null) {
            try {
                outboxDelay = Duration.ofSeconds(Long.parseLong(delayText.strip()));
            } catch (NumberFormatException e) {
                problems.add(OUTBOX_DELAY + " must be a whole number of seconds, was \"" + delayText + "\"");
            }
            if (outboxDelay.isNegative() || outboxDelay.compareTo(MAX_OUTBOX_DELAY) > 0) {
                problems.add(OUTBOX_DELAY + " must be 0 to 86400 seconds, was " + delayText.strip());
            }
        }
        String proxiesText = blankToNull(lookup.apply(PROXY_TRUSTED));
        TrustedProxies trustedProxies = proxiesText == null ? TrustedProxies.none()
                : TrustedProxies.parse(proxiesText, problems);
        int threads = DEFAULT_THREADS;
        String threadsText = blankToNull(lookup.apply(THREADS));
        if (threadsText != null) {
            try {
                threads = Integer.parseInt(threadsText.strip());
            } catch (NumberFormatException e) {
                problems.add(THREADS + " must be a number, was \"" + threadsText + "\"");
            }
            if (threads < MIN_THREADS || threads > MAX_THREADS) {
                problems.add(THREADS + " must be " + MIN_THREADS + " to " + MAX_THREADS + ", was " + threadsText.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid demo configuration: " + String.join("; ", problems));
        }
        String password = blankToNull(lookup.apply("parley.admin.password"));
        boolean generated = password == null;
        String host = blankToNull(lookup.apply("parley.host"));
        return new DemoConfig(
                host == null ? "127.0.0.1" : host,
                port,
                blankToNull(lookup.apply("parley.base.url")),
                store,
                h2File == null ? DEFAULT_H2_FILE : h2File,
                sqliteFile == null ? DEFAULT_SQLITE_FILE : sqliteFile,
                jdbcUrl,
                blankToNull(lookup.apply("parley.jdbc.user")),
                lookup.apply("parley.jdbc.password"),
                generated ? randomPassword() : password,
                generated,
                advertise,
                fetchAllow,
                outboxDelay,
                trustedProxies,
                threads);
    }

    /** Parses {@value #ADVERTISE}: unset means every protocol. */
    private static Set<Protocol> advertise(@Nullable String text, List<String> problems) {
        if (text == null) {
            return EnumSet.allOf(Protocol.class);
        }
        if (text.strip().equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            try {
                protocols.add(Protocol.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(ADVERTISE + " must list webmention, pingback and trackback separated by commas (or be"
                        + " none), but holds \"" + name + "\"");
            }
        }
        return protocols;
    }

    /** Parses {@value #FETCH_ALLOW}: loopback IP literals with a port; empty entries are skipped. */
    private static List<InetSocketAddress> fetchAllow(@Nullable String text, List<String> problems) {
        if (text == null) {
            return List.of();
        }
        List<InetSocketAddress> allowed = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher matcher = ADDRESS_AND_PORT.matcher(entry);
            if (!matcher.matches()) {
                problems.add(FETCH_ALLOW + " entries must be a loopback IP address and a port, like 127.0.0.1:8081"
                        + " or [::1]:8081 (host names are not resolved), but holds \"" + entry + "\"");
                continue;
            }
            if (matcher.group(1) != null && !isIpv4Literal(matcher.group(1))) {
                problems.add(FETCH_ALLOW + " entry \"" + entry + "\" is not an IP address");
                continue;
            }
            InetAddress address;
            try {
                // An IP literal, checked by the pattern above: no name lookup happens.
                address = InetAddress.getByName(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            } catch (UnknownHostException e) {
                problems.add(FETCH_ALLOW + " entry \"" + entry + "\" is not an IP address");
                continue;
            }
            int port = Integer.parseInt(matcher.group(3));
            if (!address.isLoopbackAddress()) {
                problems.add(FETCH_ALLOW + " entry \"" + entry + "\" is not a loopback address: only 127.0.0.0/8"
                        + " and ::1 may be allowed");
            } else if (port < 1 || port > 65_535) {
                problems.add(FETCH_ALLOW + " entry \"" + entry + "\" must have a port 1..65535");
            } else {
                allowed.add(new InetSocketAddress(address, port));
            }
        }
        return allowed;
    }

    /** Whether four dot-separated numbers are each 0..255: only then is it a literal, never a name to look up. */
    private static boolean isIpv4Literal(String dotted) {
        for (String octet : dotted.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * The address policy fetching follows: public unicast addresses, plus exactly the {@link #fetchAllow()}
     * addresses, each on its port.
     *
     * @return the policy
     */
    public AddressPolicy addressPolicy() {
        AddressPolicy policy = AddressPolicy.publicUnicast();
        for (InetSocketAddress allowed : fetchAllow) {
            policy = policy.allowing(Objects.requireNonNull(allowed.getAddress()), allowed.getPort());
        }
        return policy;
    }

    /**
     * The store when {@code parley.store} is unset: a JDBC URL means that database, an H2 file means H2, and
     * otherwise the embedded default, SQLite, unless the default H2 file of an earlier version holds its
     * comments (and no default SQLite file exists yet): then H2, so an upgrade shows the same comments.
     */
    static Store defaultStore(@Nullable String jdbcUrl, @Nullable String h2File, @Nullable String sqliteFile,
            java.util.function.Predicate<java.nio.file.Path> exists) {
        if (jdbcUrl != null) {
            return Store.JDBC;
        }
        if (h2File != null) {
            return Store.H2;
        }
        if (sqliteFile == null && exists.test(java.nio.file.Path.of(DEFAULT_H2_FILE + ".mv.db"))
                && !exists.test(java.nio.file.Path.of(DEFAULT_SQLITE_FILE))) {
            return Store.H2;
        }
        return Store.SQLITE;
    }

    /**
     * A configuration for tests and benchmarks: the in-memory store on a free loopback port.
     *
     * @param adminPassword the moderation password
     * @return the configuration
     */
    public static DemoConfig inMemory(String adminPassword) {
        return new DemoConfig("127.0.0.1", 0, null, Store.MEMORY, DEFAULT_H2_FILE, DEFAULT_SQLITE_FILE, null, null,
                null, adminPassword, false, EnumSet.allOf(Protocol.class), List.of(), Duration.ZERO,
                TrustedProxies.none(), DEFAULT_THREADS);
    }

    /**
     * A copy with another store.
     *
     * @param newStore the store
     * @param newJdbcUrl the JDBC URL, for {@link Store#JDBC}
     * @return the copy
     */
    public DemoConfig withStore(Store newStore, @Nullable String newJdbcUrl) {
        return new DemoConfig(host, port, baseUrl, newStore, h2File, sqliteFile, newJdbcUrl, jdbcUser, jdbcPassword,
                adminPassword, adminPasswordGenerated, advertise, fetchAllow, outboxDelay, trustedProxies, threads);
    }

    /**
     * A copy advertising other linkback protocols.
     *
     * @param protocols the protocols, possibly none
     * @return the copy
     */
    public DemoConfig withAdvertise(Collection<Protocol> protocols) {
        return new DemoConfig(host, port, baseUrl, store, h2File, sqliteFile, jdbcUrl, jdbcUser, jdbcPassword,
                adminPassword, adminPasswordGenerated,
                protocols(protocols), fetchAllow, outboxDelay, trustedProxies, threads);
    }

    /**
     * A copy with another most number of request threads.
     *
     * @param newThreads {@value #MIN_THREADS} to {@value #MAX_THREADS}
     * @return the copy
     * @throws IllegalArgumentException if out of range
     */
    public DemoConfig withThreads(int newThreads) {
        return new DemoConfig(host, port, baseUrl, store, h2File, sqliteFile, jdbcUrl, jdbcUser, jdbcPassword,
                adminPassword, adminPasswordGenerated, advertise, fetchAllow, outboxDelay, trustedProxies,
                newThreads);
    }

    /**
     * The file beside an embedded database that keeps a generated moderation password.
     *
     * @return {@code <database file>.admin-password} for SQLite and H2; empty for a database server (which keeps
     *     it in the database) and for the in-memory store (which keeps nothing)
     */
    public Optional<Path> adminPasswordFile() {
        return besideDatabase(".admin-password");
    }

    /** A file named after the embedded database file, in its folder: {@code parley-demo.db} gives {@code parley-demo<suffix>}. */
    private Optional<Path> besideDatabase(String suffix) {
        return switch (store) {
            case H2 -> Optional.of(Path.of(h2File + suffix));
            case SQLITE -> Optional.of(Path.of((sqliteFile.endsWith(".db")
                    ? sqliteFile.substring(0, sqliteFile.length() - 3) : sqliteFile) + suffix));
            case JDBC, MEMORY -> Optional.empty();
        };
    }

    /**
     * A human description of the store, without credentials, for the start-up message.
     *
     * @return e.g. {@code "H2 file ./data/parley-demo"}
     */
    public String storeDescription() {
        return switch (store) {
            case H2 -> "H2 file " + h2File + ".mv.db";
            case SQLITE -> "SQLite file " + sqliteFile;
            case JDBC -> "JDBC " + Objects.requireNonNull(jdbcUrl).replaceAll("password=[^&;]*", "password=***");
            case MEMORY -> "in memory (nothing is kept after a restart)";
        };
    }

    @Override
    public String toString() {
        return "DemoConfig[host=" + host + ", port=" + port + ", baseUrl=" + baseUrl + ", store="
                + storeDescription() + ", jdbcUser=" + jdbcUser + ", advertise=" + advertise + ", fetchAllow="
                + fetchAllow + ", trustedProxies=" + trustedProxies + ", threads=" + threads + "]";
    }

    /** An unmodifiable copy in declaration order, so it prints the same every time. */
    private static Set<Protocol> protocols(Collection<Protocol> protocols) {
        Set<Protocol> copy = EnumSet.noneOf(Protocol.class);
        copy.addAll(protocols);
        return java.util.Collections.unmodifiableSet(copy);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The databases the demo ships drivers for: PostgreSQL, MariaDB (also for MySQL), SQLite and H2. */
    private static boolean isSupportedJdbcUrl(String url) {
        return SUPPORTED_JDBC_SCHEMES.stream().anyMatch(url::startsWith);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String quoted(@Nullable String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }

    private static String stripTrailingSlash(String url) {
        String out = url.trim();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
