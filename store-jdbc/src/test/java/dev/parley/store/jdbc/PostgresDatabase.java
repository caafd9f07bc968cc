package dev.parley.store.jdbc;

import java.util.Locale;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension giving a test class its own database on a real PostgreSQL server, with a small
 * connection pool.
 *
 * <p>One {@link PostgresServer} serves the whole test run: it starts with the first class that needs it and
 * stops when the run ends. Register it as a static field:
 * {@code @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();}.
 */
public final class PostgresDatabase implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresDatabase.class);
    private static final int POOL_SIZE = 20;

    private volatile HikariDataSource pool;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (pool != null) {
            return; // a @Nested class of the class that created it
        }
        PostgresServer server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostgresServer.class, type -> startServer(), PostgresServer.class);
        String name = "parley_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.createDatabase(name));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource created = new HikariDataSource(config);
        pool = created;
        context.getStore(NAMESPACE).put(PostgresDatabase.class, (AutoCloseable) () -> {
            pool = null;
            created.close();
        });
    }

    /** The database's pooled data source; valid from {@code @BeforeAll} to the end of the test class. */
    public DataSource dataSource() {
        HikariDataSource current = pool;
        if (current == null) {
            throw new IllegalStateException("the PostgreSQL database is open only while its test class runs");
        }
        return current;
    }

    private static PostgresServer startServer() {
        try {
            return PostgresServer.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
