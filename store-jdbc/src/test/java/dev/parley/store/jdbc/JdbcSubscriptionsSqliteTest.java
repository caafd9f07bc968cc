package dev.parley.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.subscriptions.Subscriptions;
import dev.parley.storage.tck.SubscriptionsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a SQLite file in a temporary directory, in WAL mode, through a HikariCP pool. */
@DisplayName("JdbcSubscriptions on SQLite")
class JdbcSubscriptionsSqliteTest extends SubscriptionsContract {

    @TempDir
    static Path directory;

    private static HikariDataSource pool;

    @BeforeAll
    static void openDatabase() {
        pool = JdbcCommentStoreSqliteTest.pool(JdbcCommentStoreSqliteTest.url(directory.resolve("subscriptions.db"),
                SqliteSettings.URL_PARAMETERS));
    }

    @AfterAll
    static void closeDatabase() {
        pool.close();
    }

    @Override
    protected Subscriptions createSubscriptions() {
        return SubscriptionTables.empty(pool);
    }
}
