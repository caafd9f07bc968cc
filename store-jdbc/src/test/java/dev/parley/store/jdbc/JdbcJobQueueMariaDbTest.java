package dev.parley.store.jdbc;

import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.tck.JobQueueContract;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real MariaDB server the tests start themselves; see {@link MariaDbServer}. */
@DisplayName("JdbcJobQueue on MariaDB")
class JdbcJobQueueMariaDbTest extends JobQueueContract {

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @Override
    protected JobQueue createQueue(Clock clock) {
        return JdbcJobQueues.emptyQueue(MARIADB.dataSource(), clock);
    }
}
