package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
