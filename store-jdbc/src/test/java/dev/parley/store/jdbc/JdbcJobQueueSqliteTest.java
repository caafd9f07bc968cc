package dev.parley.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.tck.JobQueueContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a SQLite file in a temporary directory, in WAL mode, through a HikariCP pool. */
@DisplayName("JdbcJobQueue on SQLite")
class JdbcJobQueueSqliteTest extends JobQueueContract {

    @TempDir
    static Path directory;

    private static HikariDataSource pool;

    @BeforeAll
    static void openDatabase() {
        pool = JdbcCommentStoreSqliteTest.pool(JdbcCommentStoreSqliteTest.url(directory.resolve("jobs.db"),
                SqliteSettings.URL_PARAMETERS));
    }

    @AfterAll
    static void closeDatabase() {
        pool.close();
    }

    @Override
    protected JobQueue createQueue(Clock clock) {
        return JdbcJobQueues.emptyQueue(pool, clock);
    }
}
