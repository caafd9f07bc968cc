package dev.parley.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension giving a test class its own database on a real server, with a small HikariCP pool.
 *
 * <p>One server of each kind serves the whole test run: it starts with the first class that needs it and stops
 * when the run ends. Register a subclass as a static field, e.g.
 * {@code @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();}.
 */
abstract class ServerDatabase implements BeforeAllCallback {

    private static final int POOL_SIZE = 20;

    private final String product;
    private final Class<? extends TestServer> serverType;
    private final ServerStart start;
    private volatile HikariDataSource pool;

    /** How a server of this kind starts. */
    @FunctionalInterface
    interface ServerStart {
        TestServer start() throws IOException, InterruptedException;
    }

    ServerDatabase(String product, Class<? extends TestServer> serverType, ServerStart start) {
        this.product = product;
        this.serverType = serverType;
        this.start = start;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (pool != null) {
            return; // a @Nested class of the class that created it
        }
        ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(ServerDatabase.class, serverType);
        TestServer server = context.getRoot().getStore(namespace)
                .getOrComputeIfAbsent(serverType, type -> startServer(), TestServer.class);
        String name = "parley_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        HikariConfig config = new HikariConfig();
        try {
            config.setJdbcUrl(server.createDatabase(name));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create the " + product + " database " + name, e);
        }
        config.setUsername(server.user());
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource created = new HikariDataSource(config);
        pool = created;
        context.getStore(namespace).put(getClass(), (AutoCloseable) () -> {
            pool = null;
            created.close();
        });
    }

    /**
     * The database's pooled data source; valid from {@code @BeforeAll} to the end of the test class.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        HikariDataSource current = pool;
        if (current == null) {
            throw new IllegalStateException("the " + product + " database is open only while its test class runs");
        }
        return current;
    }

    private TestServer startServer() {
        try {
            return start.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + product, e);
        }
    }
}
