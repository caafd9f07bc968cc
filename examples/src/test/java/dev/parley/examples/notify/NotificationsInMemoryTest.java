package dev.parley.examples.notify;

import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.storage.subscriptions.InMemorySubscriptions;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Notifications over SMTP on the in-memory store")
class NotificationsInMemoryTest extends NotificationsEndToEndContract {

    @Override
    protected Backend emptyBackend(Clock clock) {
        return new Backend(new InMemoryCommentStore(), new InMemoryJobQueue(clock), new InMemorySubscriptions());
    }
}
