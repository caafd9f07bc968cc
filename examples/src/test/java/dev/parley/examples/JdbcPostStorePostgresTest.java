package dev.parley.examples;

import dev.parley.store.jdbc.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Runs on a real PostgreSQL server the test starts itself, a new database per test; see {@link PostgresServer}. */
@DisplayName("The post store on PostgreSQL")
class JdbcPostStorePostgresTest extends JdbcPostStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    protected DemoConfig newDatabase(Path directory) throws Exception {
        return DemoConfig.from(Map.of("parley.jdbc.url", server.createDatabase("posts_" + DATABASES.incrementAndGet()),
                "parley.jdbc.user", PostgresServer.USER, "parley.admin.password", "a-long-enough-password")::get);
    }
}
