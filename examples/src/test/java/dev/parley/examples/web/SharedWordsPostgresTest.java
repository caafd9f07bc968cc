package dev.parley.examples.web;

import dev.parley.store.jdbc.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

/**
 * The shared words on two instances over one PostgreSQL, as the README's several-instance deployment runs them;
 * a real server the test starts itself, a new database per test (see {@link PostgresServer}).
 */
@DisplayName("Moderation words shared by two instances on one PostgreSQL")
class SharedWordsPostgresTest extends SharedWordsContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer postgres;

    private String jdbcUrl = "";

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        jdbcUrl = postgres.createDatabase("words_" + DATABASES.incrementAndGet());
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of("parley.jdbc.url", jdbcUrl, "parley.jdbc.user", PostgresServer.USER);
    }

    @Override
    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
    }
}
