package dev.parley.examples;

import dev.parley.store.jdbc.MariaDbServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Runs on a real MariaDB server the test starts itself, a new database per test; see {@link MariaDbServer}. */
@DisplayName("The post store on MariaDB")
class JdbcPostStoreMariaDbTest extends JdbcPostStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MariaDbServer server;

    @BeforeAll
    static void start() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    protected DemoConfig newDatabase(Path directory) throws Exception {
        return DemoConfig.from(Map.of("parley.jdbc.url", server.createDatabase("posts_" + DATABASES.incrementAndGet()),
                "parley.jdbc.user", MariaDbServer.USER, "parley.admin.password", "a-long-enough-password")::get);
    }
}
