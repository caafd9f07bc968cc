package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.MariaDbServer;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs on a real MariaDB server the test starts itself; see {@link MariaDbServer}. */
@DisplayName("The demo on MariaDB, by a jdbc:mariadb: or jdbc:mysql: URL")
class DemoStorageMariaDbTest {

    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("a jdbc:mariadb: URL opens the JDBC store there, migrated and seeded")
    void mariaDbUrl() throws Exception {
        assertDemoRunsOn(server.createDatabase("demo_mariadb"));
    }

    @Test
    @DisplayName("a jdbc:mysql: URL reaches the server through MariaDB's driver, which the demo lets take it")
    void mysqlUrl() throws Exception {
        String url = server.createDatabase("demo_mysql").replace("jdbc:mariadb:", "jdbc:mysql:");
        assertThat(DemoStorage.driverUrl(url)).endsWith("?permitMysqlScheme");
        assertThat(DriverManager.getDriver(DemoStorage.driverUrl(url)).getClass().getName())
                .startsWith("org.mariadb.jdbc.");

        assertDemoRunsOn(url);
    }

    private static void assertDemoRunsOn(String url) throws Exception {
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.admin.password",
                "a-long-enough-password", "parley.jdbc.url", url, "parley.jdbc.user", MariaDbServer.USER)::get);
        assertThat(config.store()).isEqualTo(DemoConfig.Store.JDBC);

        try (DemoStorage storage = DemoStorage.open(config)) {
            assertThat(storage.store()).isInstanceOf(JdbcCommentStore.class);
            try (DemoServer demo = DemoServer.builder().config(config).store(storage.store()).build()) {
                demo.start();
                assertThat(demo.comments().counts(List.of(demo.blog().posts().get(0).thread()))
                        .values().iterator().next().approved()).isEqualTo(12);
            }
        }
    }
}
