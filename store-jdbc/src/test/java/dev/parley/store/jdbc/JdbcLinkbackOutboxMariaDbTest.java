package dev.parley.store.jdbc;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.tck.LinkbackOutboxContract;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real MariaDB server the tests start themselves; see {@link MariaDbServer}. */
@DisplayName("JdbcLinkbackOutbox on MariaDB")
class JdbcLinkbackOutboxMariaDbTest extends LinkbackOutboxContract {

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @Override
    protected LinkbackOutbox createOutbox(Clock clock) {
        return JdbcJobQueues.emptyOutbox(MARIADB.dataSource(), clock);
    }
}
