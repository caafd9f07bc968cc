package dev.parley.store.jdbc;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.tck.LinkbackOutboxContract;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real PostgreSQL server the tests start themselves; see {@link PostgresServer}. */
@DisplayName("JdbcLinkbackOutbox on PostgreSQL")
class JdbcLinkbackOutboxPostgresTest extends LinkbackOutboxContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    protected LinkbackOutbox createOutbox(Clock clock) {
        return JdbcJobQueues.emptyOutbox(POSTGRES.dataSource(), clock);
    }
}
