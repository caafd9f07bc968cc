package dev.parley.store.jdbc;

import dev.parley.storage.CommentStore;
import dev.parley.storage.tck.CommentStoreContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real MariaDB server the tests start themselves; see {@link MariaDbServer}. */
@DisplayName("JdbcCommentStore on MariaDB")
class JdbcCommentStoreMariaDbTest extends CommentStoreContract {

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @Override
    protected CommentStore createStore() {
        return JdbcStoreBehaviour.emptyStore(MARIADB.dataSource());
    }

    @Nested
    @DisplayName("JDBC specifics")
    class Jdbc extends JdbcStoreBehaviour {
        @Override
        DataSource dataSource() {
            return MARIADB.dataSource();
        }
    }
}
