package dev.parley.examples;

import dev.parley.examples.jdbc.JdbcCommentStore;
import dev.parley.storage.CommentStore;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.ConnectionPoolDataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The comment store the demo runs on, opened from its {@link DemoConfig}, and the connection pool behind it.
 *
 * <p>H2 and PostgreSQL both go through H2's small {@link JdbcConnectionPool}, which pools any
 * {@link ConnectionPoolDataSource}: the demo needs no separate pool library. A host would use its own pool.
 *
 * <p>Thread-safe. {@link #close()} releases the pool; for an H2 file that also closes the database.
 */
public final class DemoStorage implements AutoCloseable {

    private final CommentStore store;
    private final @Nullable JdbcConnectionPool pool;

    private DemoStorage(CommentStore store, @Nullable JdbcConnectionPool pool) {
        this.store = store;
        this.pool = pool;
    }

    /**
     * Opens the store the configuration names, creating the JDBC schema if needed.
     *
     * @param config the configuration
     * @return the opened storage
     * @throws dev.parley.storage.StoreException if the database cannot be reached or prepared
     */
    public static DemoStorage open(DemoConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (config.store()) {
            case MEMORY -> new DemoStorage(new InMemoryCommentStore(), null);
            case H2 -> jdbc(h2Pool(config));
            case JDBC -> jdbc(jdbcPool(config));
        };
    }

    /**
     * The store.
     *
     * @return the store
     */
    public CommentStore store() {
        return store;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.dispose();
        }
    }

    private static DemoStorage jdbc(JdbcConnectionPool pool) {
        try {
            return new DemoStorage(JdbcCommentStore.create(pool), pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static JdbcConnectionPool h2Pool(DemoConfig config) {
        // An absolute path: H2 refuses implicitly relative file names, and the message then names the real file.
        String file = Path.of(config.h2File()).toAbsolutePath().normalize().toString();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + file);
        h2.setUser(config.jdbcUser() == null ? "sa" : config.jdbcUser());
        h2.setPassword(config.jdbcPassword() == null ? "" : config.jdbcPassword());
        return JdbcConnectionPool.create(h2);
    }

    private static JdbcConnectionPool jdbcPool(DemoConfig config) {
        String url = Objects.requireNonNull(config.jdbcUrl(), "jdbcUrl");
        String user = config.jdbcUser() == null ? "" : config.jdbcUser();
        String password = config.jdbcPassword() == null ? "" : config.jdbcPassword();
        if (url.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
            postgres.setURL(url);
            if (!user.isEmpty()) {
                postgres.setUser(user);
            }
            if (!password.isEmpty()) {
                postgres.setPassword(password);
            }
            return JdbcConnectionPool.create(postgres);
        }
        // DemoConfig admits only PostgreSQL and H2 URLs.
        return JdbcConnectionPool.create(url, user, password);
    }
}
