package dev.parley.store.jdbc;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.tck.LinkbackOutboxContract;
import java.sql.SQLException;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcLinkbackOutbox on H2")
class JdbcLinkbackOutboxH2Test extends LinkbackOutboxContract {

    // LOCK_TIMEOUT: H2's default of one second is short for the kit's planners racing on one source's row.
    private static final String URL = "jdbc:h2:mem:parley-outbox;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private static JdbcConnectionPool pool;

    @BeforeAll
    static void openDatabase() {
        pool = JdbcConnectionPool.create(URL, "sa", "");
        pool.setMaxConnections(20);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        JdbcJobQueues.shutdown(pool);
    }

    @Override
    protected LinkbackOutbox createOutbox(Clock clock) {
        return JdbcJobQueues.emptyOutbox(pool, clock);
    }
}
