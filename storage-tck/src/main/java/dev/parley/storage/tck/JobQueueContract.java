package dev.parley.storage.tck;

import dev.parley.storage.jobs.JobQueue;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract every {@link JobQueue} must meet, as a JUnit 5 suite: the executable form of the rules in
 * {@link JobQueue}'s Javadoc.
 *
 * <p>A queue proves itself with a test class that extends this one and returns a fresh, empty queue reading
 * the given clock:
 *
 * <pre>{@code
 * class MyJobQueueTest extends JobQueueContract {
 *     @Override
 *     protected JobQueue createQueue(Clock clock) {
 *         return new MyJobQueue(freshEmptyDatabase(), clock);
 *     }
 * }
 * }</pre>
 *
 * <p>The clock is the kit's own: it stands still until a test moves it, so leases expire and run times come
 * without any test sleeping. The groups are: enqueue and find, claim, leases, finishing (complete, retry,
 * give up), deduplication keys, purging, argument misuse, and concurrency (many threads claiming at once never
 * get the same job, producers and consumers racing lose nothing, racing enqueues of one key add one job);
 * claims of one kind get that kind's jobs only, also when workers of two kinds race.
 */
public abstract class JobQueueContract {

    // A failure's message names the rule, so consoles that print test methods by name show the sentence too.
    @RegisterExtension
    static final RuleNamedFailures RULE_NAMED_FAILURES = new RuleNamedFailures();

    private final SettableClock clock = new SettableClock(JobRules.START);
    private @Nullable JobQueue queue;

    /** For subclasses. */
    protected JobQueueContract() {
    }

    /**
     * Returns a fresh, empty queue that reads {@code clock}. Called once before every test; no test sees
     * another test's jobs.
     *
     * @param clock the kit's clock, which the tests move
     * @return a new queue holding no job
     */
    protected abstract JobQueue createQueue(Clock clock);

    @BeforeEach
    final void createFreshQueue() {
        clock.set(JobRules.START);
        queue = Objects.requireNonNull(createQueue(clock), "createQueue(clock) must not return null");
    }

    private JobQueue queue() {
        return Objects.requireNonNull(queue, "the queue is created before each test");
    }

    @Nested
    @DisplayName("enqueue and find")
    class EnqueueAndFind extends EnqueueRules {
        EnqueueAndFind() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("claim: due jobs, oldest first, leased to one owner")
    class Claim extends ClaimRules {
        Claim() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("claim of one kind: that kind's due jobs only")
    class ClaimOfOneKind extends KindClaimRules {
        ClaimOfOneKind() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("leases")
    class Leases extends LeaseRules {
        Leases() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("complete, retry and give up")
    class Finishing extends FinishRules {
        Finishing() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("deduplication keys")
    class Dedup extends DedupRules {
        Dedup() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("argument misuse")
    class ArgumentMisuse extends JobArgumentRules {
        ArgumentMisuse() {
            super(JobQueueContract.this::queue, clock);
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency extends JobConcurrencyRules {
        Concurrency() {
            super(JobQueueContract.this::queue, clock);
        }
    }
}
