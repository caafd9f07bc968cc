package dev.parley.examples.racing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.CommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Racing posts on an H2 file")
class RacingPostsH2Test extends RacingPosts {

    @TempDir
    Path dir;

    private HikariDataSource pool;

    @Override
    CommentStore emptyStore() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("racing").toAbsolutePath());
        config.setUsername("sa");
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
