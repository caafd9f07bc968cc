package dev.parley.storage.tck;

import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Address;
import dev.parley.storage.subscriptions.AddressState;
import dev.parley.storage.subscriptions.Subscriptions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every group of subscription rules shares: the instance under test, the kit's times and addresses, and
 * small helpers. Each {@code @Nested} class of {@link SubscriptionsContract} extends one subclass of this.
 */
abstract class SubscriptionRules {

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    static final String ANN = "ann@example.org";
    static final String BOB = "bob@example.org";
    static final ThreadKey POST = ThreadKey.of("2030/01/a-post");
    static final ThreadKey OTHER_POST = ThreadKey.of("2030/02/another-post");

    private final Supplier<Subscriptions> subscriptions;

    SubscriptionRules(Supplier<Subscriptions> subscriptions) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions must not be null");
    }

    final Subscriptions subscriptions() {
        return subscriptions.get();
    }

    /** The kit's time {@code seconds} after {@link #START}. */
    static Instant at(long seconds) {
        return START.plusSeconds(seconds);
    }

    static CommentId comment(String id) {
        return CommentId.of(id);
    }

    static Address address(String email, AddressState state, Instant changedAt) {
        return new Address(email, state, changedAt);
    }

    static Subscriptions.Record record(Address address, List<CommentId> watched, List<ThreadKey> muted) {
        return new Subscriptions.Record(address, watched, muted);
    }

    static Subscriptions.Record nothing() {
        return new Subscriptions.Record(null, List.of(), List.of());
    }
}
