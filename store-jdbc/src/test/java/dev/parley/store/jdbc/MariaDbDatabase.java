package dev.parley.store.jdbc;

import java.util.Locale;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension giving a test class its own database on a real MariaDB server, with a small
 * connection pool.
 *
 * <p>One {@link MariaDbServer} serves the whole test run: it starts with the first class that needs it and
 * stops when the run ends. Register it as a static field:
 * {@code @RegisterExtension static final MariaDbDatabase MARIADB = new MariaDbDatabase();}.
 */
public final class MariaDbDatabase implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MariaDbDatabase.class);
    private static final int POOL_SIZE = 20;

    private volatile HikariDataSource pool;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (pool != null) {
            return; // a @Nested class of the class that created it
        }
        MariaDbServer server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MariaDbServer.class, type -> startServer(), MariaDbServer.class);
        String name = "parley_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.createDatabase(name));
        config.setUsername(MariaDbServer.USER);
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource created = new HikariDataSource(config);
        pool = created;
        context.getStore(NAMESPACE).put(MariaDbDatabase.class, (AutoCloseable) () -> {
            pool = null;
            created.close();
        });
    }

    /** The database's pooled data source; valid from {@code @BeforeAll} to the end of the test class. */
    public DataSource dataSource() {
        HikariDataSource current = pool;
        if (current == null) {
            throw new IllegalStateException("the MariaDB database is open only while its test class runs");
        }
        return current;
    }

    private static MariaDbServer startServer() {
        try {
            return MariaDbServer.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting MariaDB", e);
        }
    }
}
