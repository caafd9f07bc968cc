package dev.parley.store.jdbc;

import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.tck.JobQueueContract;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real PostgreSQL server the tests start themselves; see {@link PostgresServer}. */
@DisplayName("JdbcJobQueue on PostgreSQL")
class JdbcJobQueuePostgresTest extends JobQueueContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    protected JobQueue createQueue(Clock clock) {
        return JdbcJobQueues.emptyQueue(POSTGRES.dataSource(), clock);
    }
}
