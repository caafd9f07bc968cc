package dev.parley.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.tck.LinkbackOutboxContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a SQLite file in a temporary directory, in WAL mode, through a HikariCP pool. */
@DisplayName("JdbcLinkbackOutbox on SQLite")
class JdbcLinkbackOutboxSqliteTest extends LinkbackOutboxContract {

    @TempDir
    static Path directory;

    private static HikariDataSource pool;

    @BeforeAll
    static void openDatabase() {
        pool = JdbcCommentStoreSqliteTest.pool(JdbcCommentStoreSqliteTest.url(directory.resolve("outbox.db"),
                SqliteSettings.URL_PARAMETERS));
    }

    @AfterAll
    static void closeDatabase() {
        pool.close();
    }

    @Override
    protected LinkbackOutbox createOutbox(Clock clock) {
        return JdbcJobQueues.emptyOutbox(pool, clock);
    }
}
