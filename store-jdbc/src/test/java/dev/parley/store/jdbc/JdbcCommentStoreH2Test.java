package dev.parley.store.jdbc;

import dev.parley.storage.CommentStore;
import dev.parley.storage.tck.CommentStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("JdbcCommentStore on H2")
class JdbcCommentStoreH2Test extends CommentStoreContract {

    // LOCK_TIMEOUT: H2's default of one second is short for the kit's threads racing on one row.
    private static final String URL = "jdbc:h2:mem:parley-tck;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private static JdbcConnectionPool pool;

    @BeforeAll
    static void openDatabase() {
        pool = JdbcConnectionPool.create(URL, "sa", "");
        pool.setMaxConnections(20);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }

    @Override
    protected CommentStore createStore() {
        return JdbcStoreBehaviour.emptyStore(pool);
    }

    @Nested
    @DisplayName("JDBC specifics")
    class Jdbc extends JdbcStoreBehaviour {
        @Override
        DataSource dataSource() {
            return pool;
        }
    }
}
