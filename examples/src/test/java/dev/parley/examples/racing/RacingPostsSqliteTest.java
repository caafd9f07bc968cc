package dev.parley.examples.racing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.CommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Racing posts on the demo's default store, a SQLite file")
class RacingPostsSqliteTest extends RacingPosts {

    @TempDir
    Path dir;

    private HikariDataSource pool;

    @Override
    CommentStore emptyStore() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("racing.db").toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000");
        pool = new HikariDataSource(config);
        return JdbcCommentStore.create(pool);
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
