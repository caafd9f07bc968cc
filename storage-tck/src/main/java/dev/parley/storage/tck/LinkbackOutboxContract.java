package dev.parley.storage.tck;

import dev.parley.storage.outbox.LinkbackOutbox;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract every {@link LinkbackOutbox} must meet, as a JUnit 5 suite: the executable form of the rules in
 * {@link LinkbackOutbox}'s Javadoc.
 *
 * <p>An outbox proves itself with a test class that extends this one and returns a fresh, empty outbox reading
 * the given clock, whose {@link LinkbackOutbox#jobs()} queue reads it too and holds no job:
 *
 * <pre>{@code
 * class MyLinkbackOutboxTest extends LinkbackOutboxContract {
 *     @Override
 *     protected LinkbackOutbox createOutbox(Clock clock) {
 *         return new MyLinkbackOutbox(freshEmptyDatabase(), clock);
 *     }
 * }
 * }</pre>
 *
 * <p>The clock is the kit's own: it stands still until a test moves it. The groups are: planning (publish,
 * update, delete, re-plan, deduplication, the bound on records), recording results, reading a source's targets,
 * argument misuse, and concurrency (racing plans of one source end in the state of one of them; two workers
 * claiming the send jobs from one store deliver every send exactly once and never take another kind's job).
 */
public abstract class LinkbackOutboxContract {

    // A failure's message names the rule, so consoles that print test methods by name show the sentence too.
    @RegisterExtension
    static final RuleNamedFailures RULE_NAMED_FAILURES = new RuleNamedFailures();

    private final SettableClock clock = new SettableClock(OutboxRules.START);
    private @Nullable LinkbackOutbox outbox;

    /** For subclasses. */
    protected LinkbackOutboxContract() {
    }

    /**
     * Returns a fresh, empty outbox that reads {@code clock}, with an empty job queue reading it too. Called once
     * before every test; no test sees another test's records or jobs.
     *
     * @param clock the kit's clock, which the tests move
     * @return a new outbox holding no record and no job
     */
    protected abstract LinkbackOutbox createOutbox(Clock clock);

    @BeforeEach
    final void createFreshOutbox() {
        clock.set(OutboxRules.START);
        outbox = Objects.requireNonNull(createOutbox(clock), "createOutbox(clock) must not return null");
    }

    private LinkbackOutbox outbox() {
        return Objects.requireNonNull(outbox, "the outbox is created before each test");
    }

    @Nested
    @DisplayName("plan: publish, update and delete queue the union of old and new targets")
    class Plan extends OutboxPlanRules {
        Plan() {
            super(LinkbackOutboxContract.this::outbox, clock);
        }
    }

    @Nested
    @DisplayName("record: a send's result on its target's record")
    class Record extends OutboxRecordRules {
        Record() {
            super(LinkbackOutboxContract.this::outbox, clock);
        }
    }

    @Nested
    @DisplayName("targets: live first, then by target, exactly as planned")
    class Targets extends OutboxTargetsRules {
        Targets() {
            super(LinkbackOutboxContract.this::outbox, clock);
        }
    }

    @Nested
    @DisplayName("argument misuse")
    class ArgumentMisuse extends OutboxArgumentRules {
        ArgumentMisuse() {
            super(LinkbackOutboxContract.this::outbox, clock);
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency extends OutboxConcurrencyRules {
        Concurrency() {
            super(LinkbackOutboxContract.this::outbox, clock);
        }
    }
}
