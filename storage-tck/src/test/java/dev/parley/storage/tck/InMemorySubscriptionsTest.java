package dev.parley.storage.tck;

import dev.parley.storage.subscriptions.InMemorySubscriptions;
import dev.parley.storage.subscriptions.Subscriptions;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemorySubscriptions meets the Subscriptions contract")
class InMemorySubscriptionsTest extends SubscriptionsContract {

    @Override
    protected Subscriptions createSubscriptions() {
        return new InMemorySubscriptions();
    }
}
