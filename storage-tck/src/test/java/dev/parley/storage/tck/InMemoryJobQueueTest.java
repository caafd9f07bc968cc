package dev.parley.storage.tck;

import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.jobs.JobQueue;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryJobQueue meets the JobQueue contract")
class InMemoryJobQueueTest extends JobQueueContract {

    @Override
    protected JobQueue createQueue(Clock clock) {
        return new InMemoryJobQueue(clock);
    }
}
