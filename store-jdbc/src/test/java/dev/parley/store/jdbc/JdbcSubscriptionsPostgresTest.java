package dev.parley.store.jdbc;

import dev.parley.storage.subscriptions.Subscriptions;
import dev.parley.storage.tck.SubscriptionsContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on a real PostgreSQL server the tests start themselves; see {@link PostgresServer}. */
@DisplayName("JdbcSubscriptions on PostgreSQL")
class JdbcSubscriptionsPostgresTest extends SubscriptionsContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    protected Subscriptions createSubscriptions() {
        return SubscriptionTables.empty(POSTGRES.dataSource());
    }
}
