package dev.parley.store.jdbc;

import dev.parley.storage.CommentStore;
import dev.parley.storage.tck.CommentStoreContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real PostgreSQL server the tests start themselves; see {@link PostgresServer}. */
@DisplayName("JdbcCommentStore on PostgreSQL")
class JdbcCommentStorePostgresTest extends CommentStoreContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    protected CommentStore createStore() {
        return JdbcStoreBehaviour.emptyStore(POSTGRES.dataSource());
    }

    @Nested
    @DisplayName("JDBC specifics")
    class Jdbc extends JdbcStoreBehaviour {
        @Override
        DataSource dataSource() {
            return POSTGRES.dataSource();
        }
    }
}
