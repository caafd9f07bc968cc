package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.Protocol;
import dev.parley.pingback.fetch.AddressPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's configuration")
class DemoConfigTest {

    private static DemoConfig from(Map<String, String> settings) {
        return DemoConfig.from(settings::get);
    }

    @Test
    @DisplayName("defaults to port 8080, the SQLite file under ./data and a generated password")
    void defaults() {
        DemoConfig config = from(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.store()).isEqualTo(DemoConfig.Store.SQLITE);
        assertThat(config.sqliteFile()).isEqualTo("./data/parley-demo.db");
        assertThat(config.storeDescription()).isEqualTo("SQLite file ./data/parley-demo.db");
        assertThat(config.adminPasswordGenerated()).isTrue();
        assertThat(config.adminPassword()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(from(Map.of()).adminPassword()).isNotEqualTo(config.adminPassword());
    }

    @Test
    @DisplayName("parley.threads sizes the request pool: 64 unset, 8 to 1,024, anything else named as a problem")
    void threads() {
        assertThat(from(Map.of()).threads()).isEqualTo(64);
        assertThat(from(Map.of("parley.threads", " 200 ")).threads()).isEqualTo(200);
        assertThatThrownBy(() -> from(Map.of("parley.threads", "4"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.threads must be 8 to 1024, was 4");
        assertThatThrownBy(() -> from(Map.of("parley.threads", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parley.threads must be a number");
        assertThatThrownBy(() -> DemoConfig.inMemory("long enough password").withThreads(2000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be 8..1024");
    }

    @Test
    @DisplayName("unset, the store is the JDBC URL's, else H2 for an H2 file or an earlier version's H2 data, else SQLite")
    void defaultStore() {
        java.util.function.Predicate<java.nio.file.Path> none = path -> false;
        java.util.function.Predicate<java.nio.file.Path> oldH2 = path -> path.toString().endsWith(".mv.db");
        java.util.function.Predicate<java.nio.file.Path> both = path -> true;

        assertThat(DemoConfig.defaultStore("jdbc:postgresql://db/blog", null, null, both))
                .isEqualTo(DemoConfig.Store.JDBC);
        assertThat(DemoConfig.defaultStore(null, "/tmp/blog", null, none)).isEqualTo(DemoConfig.Store.H2);
        assertThat(DemoConfig.defaultStore(null, null, null, none)).isEqualTo(DemoConfig.Store.SQLITE);
        assertThat(DemoConfig.defaultStore(null, null, null, oldH2)).as("an upgrade keeps the earlier H2 data")
                .isEqualTo(DemoConfig.Store.H2);
        assertThat(DemoConfig.defaultStore(null, null, null, both)).isEqualTo(DemoConfig.Store.SQLITE);
        assertThat(DemoConfig.defaultStore(null, null, "/tmp/blog.db", oldH2)).isEqualTo(DemoConfig.Store.SQLITE);
    }

    @Test
    @DisplayName("a JDBC URL switches to the JDBC store; parley.store=memory to the in-memory one")
    void storeSwitches() {
        DemoConfig postgres = from(Map.of("parley.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/blog",
                "parley.jdbc.user", "blog", "parley.jdbc.password", "s3cret"));
        assertThat(postgres.store()).isEqualTo(DemoConfig.Store.JDBC);
        assertThat(postgres.toString()).doesNotContain("s3cret");

        assertThat(from(Map.of("parley.store", "Memory")).store()).isEqualTo(DemoConfig.Store.MEMORY);
    }

    @Test
    @DisplayName("a configured password is used and not reported as generated")
    void configuredPassword() {
        DemoConfig config = from(Map.of("parley.admin.password", "moderate-me-please", "parley.port", "9090"));

        assertThat(config.adminPassword()).isEqualTo("moderate-me-please");
        assertThat(config.adminPasswordGenerated()).isFalse();
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.toString()).doesNotContain("moderate-me-please");
    }

    @Test
    @DisplayName("a configured password needs 12 characters: 11 are refused, 12 accepted")
    void configuredPasswordLength() {
        assertThatThrownBy(() -> from(Map.of("parley.admin.password", "eleven-char")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adminPassword must have at least 12 characters");
        assertThat(from(Map.of("parley.admin.password", "twelve-chars")).adminPassword()).isEqualTo("twelve-chars");
    }

    @Test
    @DisplayName("names every bad setting in one exception")
    void allProblemsAtOnce() {
        Map<String, String> bad = new HashMap<>();
        bad.put("parley.port", "70000");
        bad.put("parley.store", "jdbc");
        bad.put("parley.admin.password", "short");
        bad.put("parley.base.url", "ftp://example");

        assertThatThrownBy(() -> from(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port")
                .hasMessageContaining("jdbcUrl")
                .hasMessageContaining("adminPassword")
                .hasMessageContaining("baseUrl");
    }

    @Test
    @DisplayName("a port or store that does not parse is named")
    void unparsable() {
        assertThatThrownBy(() -> from(Map.of("parley.port", "eighty", "parley.store", "mongo")))
                .hasMessageContaining("parley.port must be a number")
                .hasMessageContaining("parley.store must be h2, sqlite, jdbc or memory");
    }

    @Test
    @DisplayName("PostgreSQL, MariaDB, MySQL, SQLite and H2 JDBC URLs are accepted")
    void supportedJdbcUrls() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:5432/blog", "jdbc:mariadb://127.0.0.1:3306/blog",
                "jdbc:mysql://127.0.0.1:3306/blog", "jdbc:sqlite:/var/blog/parley.db", "jdbc:h2:mem:blog")) {
            DemoConfig config = from(Map.of("parley.jdbc.url", url));

            assertThat(config.store()).as(url).isEqualTo(DemoConfig.Store.JDBC);
            assertThat(config.jdbcUrl()).isEqualTo(url);
        }
    }

    @Test
    @DisplayName("a JDBC URL of another database is refused, naming the accepted ones and hiding its password")
    void otherJdbcUrlsAreRefused() {
        assertThatThrownBy(() -> from(Map.of("parley.jdbc.url", "jdbc:sqlserver://db;databaseName=blog;password=hunter2")))
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:mariadb:")
                .hasMessageContaining("jdbc:mysql:")
                .hasMessageContaining("jdbc:h2:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("advertises every linkback protocol by default; parley.linkbacks.advertise picks some, in any case,"
            + " or none")
    void advertise() {
        assertThat(from(Map.of()).advertise()).containsExactly(Protocol.PINGBACK, Protocol.TRACKBACK,
                Protocol.WEBMENTION);
        assertThat(from(Map.of("parley.linkbacks.advertise", " Webmention , trackback")).advertise())
                .containsExactly(Protocol.TRACKBACK, Protocol.WEBMENTION);
        assertThat(from(Map.of("parley.linkbacks.advertise", "NONE")).advertise()).isEmpty();
        assertThat(from(Map.of("parley.linkbacks.advertise", "  ")).advertise()).hasSize(3);
    }

    @Test
    @DisplayName("an unknown protocol in parley.linkbacks.advertise is refused, naming it and the known ones")
    void advertiseUnknown() {
        assertThatThrownBy(() -> from(Map.of("parley.linkbacks.advertise", "webmention,smoke-signal,")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.linkbacks.advertise")
                .hasMessageContaining("\"smoke-signal\"")
                .hasMessageContaining("\"\"")
                .hasMessageContaining("webmention, pingback and trackback");
    }

    @Test
    @DisplayName("fetching reaches public addresses only by default; parley.fetch.allow adds exactly the loopback"
            + " addresses and ports it lists")
    void fetchAllow() throws Exception {
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress v6 = InetAddress.getByName("::1");
        assertThat(from(Map.of()).fetchAllow()).isEmpty();
        assertThat(from(Map.of()).addressPolicy().permits(v4, 8081)).isFalse();

        DemoConfig config = from(Map.of("parley.fetch.allow", " 127.0.0.1:8081, [::1]:9090 ,,127.0.0.2:1"));

        assertThat(config.fetchAllow()).containsExactly(new InetSocketAddress(v4, 8081),
                new InetSocketAddress(v6, 9090), new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 1));
        AddressPolicy policy = config.addressPolicy();
        assertThat(policy.permits(v4, 8081)).isTrue();
        assertThat(policy.permits(v4, 8082)).isFalse();
        assertThat(policy.permits(v6, 9090)).isTrue();
        assertThat(policy.permits(v6, 8081)).isFalse();
        assertThat(policy.permits(InetAddress.getByName("127.0.0.3"), 8081)).isFalse();
        assertThat(policy.permits(InetAddress.getByName("93.184.216.34"), 443)).isTrue();
        assertThat(policy.permits(InetAddress.getByName("10.0.0.1"), 8081)).isFalse();
    }

    @Test
    @DisplayName("parley.fetch.allow refuses names, non-loopback addresses, missing or bad ports, and says each")
    void fetchAllowRefused() {
        assertThatThrownBy(() -> from(Map.of("parley.fetch.allow",
                "localhost:8081,10.0.0.1:80,127.0.0.1,127.0.0.1:0,127.0.0.1:70000,300.0.0.1:80,[::1]8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid demo configuration: ")
                .hasMessageContaining("\"localhost:8081\"")
                .hasMessageContaining("host names are not resolved")
                .hasMessageContaining("\"10.0.0.1:80\" is not a loopback address")
                .hasMessageContaining("\"127.0.0.1\"")
                .hasMessageContaining("\"127.0.0.1:0\" must have a port 1..65535")
                .hasMessageContaining("\"127.0.0.1:70000\"")
                .hasMessageContaining("\"300.0.0.1:80\" is not an IP address")
                .hasMessageContaining("\"[::1]8080\"");
    }

    @Test
    @DisplayName("trusts no proxy by default; parley.proxy.trusted takes IP addresses and CIDR networks of both"
            + " families")
    void trustedProxies() throws Exception {
        assertThat(from(Map.of()).trustedProxies().isEmpty()).isTrue();
        assertThat(from(Map.of()).trustedProxies().trusts(InetAddress.getByName("127.0.0.1"))).isFalse();

        TrustedProxies trusted = from(Map.of(DemoConfig.PROXY_TRUSTED,
                " 192.0.2.10 , 10.1.2.99/16,,fd00::/8, [::1]")).trustedProxies();

        assertThat(trusted).hasToString("192.0.2.10/32,10.1.0.0/16,fd00:0:0:0:0:0:0:0/8,0:0:0:0:0:0:0:1/128");
        assertThat(trusted.trusts(InetAddress.getByName("192.0.2.10"))).isTrue();
        assertThat(trusted.trusts(InetAddress.getByName("192.0.2.11"))).isFalse();
        assertThat(trusted.trusts(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(trusted.trusts(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(trusted.trusts(InetAddress.getByName("fdab::1"))).isTrue();
        assertThat(trusted.trusts(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(trusted.trusts(InetAddress.getByName("::1"))).isTrue();
        assertThat(trusted.trusts(InetAddress.getByName("::ffff:192.0.2.10"))).as("IPv4-mapped").isTrue();
    }

    @Test
    @DisplayName("parley.proxy.trusted refuses host names, bad addresses and over-long prefixes, and says each")
    void trustedProxiesRefused() {
        assertThatThrownBy(() -> from(Map.of(DemoConfig.PROXY_TRUSTED,
                "proxy.example,300.1.1.1,10.0.0.0/33,::1/129,10.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid demo configuration: ")
                .hasMessageContaining("\"proxy.example\"")
                .hasMessageContaining("host names are not resolved")
                .hasMessageContaining("\"300.1.1.1\"")
                .hasMessageContaining("\"10.0.0.0/33\" has a prefix longer than 32 bits")
                .hasMessageContaining("\"::1/129\" has a prefix longer than 128 bits")
                .hasMessageContaining("\"10.0.0.1/\"");
    }

    @Test
    @DisplayName("the demo server fetches through the configuration's policy unless its builder is given one")
    void serverUsesConfiguredPolicy() throws Exception {
        DemoConfig config = from(Map.of("parley.store", "memory", "parley.admin.password", "a-long-enough-password",
                "parley.fetch.allow", "127.0.0.1:8081"));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        try (DemoServer server = DemoServer.builder().config(config).build()) {
            assertThat(server.addressPolicy().permits(loopback, 8081)).isTrue();
            assertThat(server.addressPolicy().permits(loopback, 8082)).isFalse();
        }
        try (DemoServer server = DemoServer.builder().config(config).addressPolicy(AddressPolicy.publicUnicast())
                .build()) {
            assertThat(server.addressPolicy().permits(loopback, 8081)).isFalse();
        }
    }
}
