package dev.parley.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The queries of a thread page on SQLite read their indexes without sorting")
class ThreadPagePlansSqliteTest extends ThreadPagePlans {

    @TempDir
    static Path directory;

    private HikariDataSource pool;

    @Override
    DataSource dataSource() {
        if (pool == null) {
            pool = JdbcCommentStoreSqliteTest.pool(JdbcCommentStoreSqliteTest.url(directory.resolve("plans.db"),
                    SqliteSettings.URL_PARAMETERS));
        }
        return pool;
    }

    @AfterAll
    void closeDatabase() {
        if (pool != null) {
            pool.close();
        }
    }
}
