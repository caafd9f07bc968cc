package dev.parley.examples;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The demo's configuration: where it listens, where it stores comments, and the moderation password.
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
 *     <td>a random one, printed at start</td></tr>
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
        boolean adminPasswordGenerated) {

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default H2 file, relative to the working directory. */
    public static final String DEFAULT_H2_FILE = "./data/parley-demo";
    /** The default SQLite file, relative to the working directory. */
    public static final String DEFAULT_SQLITE_FILE = "./data/parley-demo.db";
    /** The shortest moderation password accepted from configuration. */
    public static final int MIN_ADMIN_PASSWORD_LENGTH = 8;

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
        List<String> problems = new ArrayList<>();
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
                generated);
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
                null,
                adminPassword, false);
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
                adminPassword, adminPasswordGenerated);
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
                + storeDescription() + ", jdbcUser=" + jdbcUser + "]";
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
