package dev.parley.store.jdbc;

import dev.parley.storage.subscriptions.Subscriptions;
import dev.parley.storage.tck.SubscriptionsContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real MariaDB server the tests start themselves; see {@link MariaDbServer}. */
@DisplayName("JdbcSubscriptions on MariaDB")
class JdbcSubscriptionsMariaDbTest extends SubscriptionsContract {

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @Override
    protected Subscriptions createSubscriptions() {
        return SubscriptionTables.empty(MARIADB.dataSource());
    }
}
