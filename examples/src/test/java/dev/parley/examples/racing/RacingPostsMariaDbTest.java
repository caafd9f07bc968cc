package dev.parley.examples.racing;

import dev.parley.storage.CommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.MariaDbDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Racing posts on MariaDB")
class RacingPostsMariaDbTest extends RacingPosts {

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @Override
    CommentStore emptyStore() throws Exception {
        JdbcCommentStore store = JdbcCommentStore.create(MARIADB.dataSource());
        try (Connection c = MARIADB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE parley_comment");
            s.execute("TRUNCATE TABLE parley_quiet_key");
            s.execute("TRUNCATE TABLE parley_thread");
        }
        return store;
    }
}
