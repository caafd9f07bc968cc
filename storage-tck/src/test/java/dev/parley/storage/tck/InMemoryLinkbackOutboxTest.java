package dev.parley.storage.tck;

import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.outbox.InMemoryLinkbackOutbox;
import dev.parley.storage.outbox.LinkbackOutbox;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryLinkbackOutbox meets the LinkbackOutbox contract")
class InMemoryLinkbackOutboxTest extends LinkbackOutboxContract {

    @Override
    protected LinkbackOutbox createOutbox(Clock clock) {
        return new InMemoryLinkbackOutbox(new InMemoryJobQueue(clock), clock);
    }
}
