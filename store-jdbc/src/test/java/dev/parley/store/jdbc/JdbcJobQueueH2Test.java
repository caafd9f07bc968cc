package dev.parley.store.jdbc;

import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.tck.JobQueueContract;
import java.sql.SQLException;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcJobQueue on H2")
class JdbcJobQueueH2Test extends JobQueueContract {

    // LOCK_TIMEOUT: H2's default of one second is short for the kit's claimers racing on one row.
    private static final String URL = "jdbc:h2:mem:parley-jobs;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

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
    protected JobQueue createQueue(Clock clock) {
        return JdbcJobQueues.emptyQueue(pool, clock);
    }
}
