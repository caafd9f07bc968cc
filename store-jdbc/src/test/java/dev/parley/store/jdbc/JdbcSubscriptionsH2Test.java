package dev.parley.store.jdbc;

import dev.parley.storage.subscriptions.Subscriptions;
import dev.parley.storage.tck.SubscriptionsContract;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcSubscriptions on H2")
class JdbcSubscriptionsH2Test extends SubscriptionsContract {

    // LOCK_TIMEOUT: H2's default of one second is short for the kit's racers on one address's row.
    private static final String URL = "jdbc:h2:mem:parley-subscriptions;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

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
    protected Subscriptions createSubscriptions() {
        return SubscriptionTables.empty(pool);
    }
}
