package dev.parley.storage.tck;

import dev.parley.storage.subscriptions.Subscriptions;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract every {@link Subscriptions} must meet, as a JUnit 5 suite: the executable form of the rules in
 * {@link Subscriptions}' Javadoc.
 *
 * <p>An implementation proves itself with a test class that extends this one and returns a fresh, empty
 * instance:
 *
 * <pre>{@code
 * class MySubscriptionsTest extends SubscriptionsContract {
 *     @Override
 *     protected Subscriptions createSubscriptions() {
 *         return new MySubscriptions(freshEmptyDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>Every time is the kit's, passed as an argument; nothing reads a clock. The groups are: the double opt-in
 * (request, confirm, unsubscribe and their idempotence), normalization of addresses, watches, mutes, the
 * privacy export and erase, exact values (the longest address, Unicode, microseconds), argument misuse, and
 * concurrency (racing requests, confirms, unsubscribes, watches and mutes of one address leave one row in a
 * state one of them left).
 *
 * <p>Thread-safety: a JUnit test class; JUnit runs its tests one at a time.
 */
public abstract class SubscriptionsContract {

    // A failure's message names the rule, so consoles that print test methods by name show the sentence too.
    @RegisterExtension
    static final RuleNamedFailures RULE_NAMED_FAILURES = new RuleNamedFailures();

    private @Nullable Subscriptions subscriptions;

    /** For subclasses. */
    protected SubscriptionsContract() {
    }

    /**
     * Returns a fresh, empty instance. Called once before every test; no test sees another test's addresses,
     * watches or mutes.
     *
     * @return a new instance holding nothing
     */
    protected abstract Subscriptions createSubscriptions();

    @BeforeEach
    final void createFreshSubscriptions() {
        subscriptions = Objects.requireNonNull(createSubscriptions(), "createSubscriptions() must not return null");
    }

    private Subscriptions subscriptions() {
        return Objects.requireNonNull(subscriptions, "the subscriptions are created before each test");
    }

    @Nested
    @DisplayName("double opt-in: request, confirm and unsubscribe")
    class OptIn extends OptInRules {
        OptIn() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("normalization: addresses compare trimmed and lower-cased, in every method")
    class Normalization extends NormalizationRules {
        Normalization() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("watch and watcher: one watcher per comment")
    class Watches extends WatchRules {
        Watches() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("mute and isMuted: per address and thread")
    class Mutes extends MuteRules {
        Mutes() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("export and erase: everything kept for one address")
    class Privacy extends PrivacyRules {
        Privacy() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("exact values")
    class ExactValues extends SubscriptionValueRules {
        ExactValues() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("argument misuse")
    class ArgumentMisuse extends SubscriptionArgumentRules {
        ArgumentMisuse() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency extends SubscriptionConcurrencyRules {
        Concurrency() {
            super(SubscriptionsContract.this::subscriptions);
        }
    }
}
