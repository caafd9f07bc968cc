package dev.parley.examples.racing;

import dev.parley.storage.CommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Racing posts on PostgreSQL")
class RacingPostsPostgresTest extends RacingPosts {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    CommentStore emptyStore() throws Exception {
        JdbcCommentStore store = JdbcCommentStore.create(POSTGRES.dataSource());
        try (Connection c = POSTGRES.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE parley_comment");
            s.execute("TRUNCATE TABLE parley_quiet_key");
            s.execute("TRUNCATE TABLE parley_thread");
        }
        return store;
    }
}
