package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Subscriptions;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Misuse is an exception, and changes nothing. */
abstract class SubscriptionArgumentRules extends SubscriptionRules {

    SubscriptionArgumentRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    /** Every method that takes an address, called with {@code email}. */
    private List<ThrowingCallable> everyMethodWith(String email) {
        return List.of(() -> subscriptions().request(email, at(1)), () -> subscriptions().confirm(email, at(1)),
                () -> subscriptions().find(email), () -> subscriptions().unsubscribeAll(email, at(1)),
                () -> subscriptions().watch(email, comment("c1"), POST, at(1)),
                () -> subscriptions().mute(email, POST, at(1)), () -> subscriptions().isMuted(email, POST),
                () -> subscriptions().export(email), () -> subscriptions().erase(email));
    }

    @Test
    @DisplayName("null arguments are refused with NullPointerException, and nothing is stored")
    void nulls() {
        List<ThrowingCallable> calls = List.of(() -> subscriptions().request(ANN, null),
                () -> subscriptions().confirm(ANN, null), () -> subscriptions().unsubscribeAll(ANN, null),
                () -> subscriptions().watch(ANN, null, POST, at(1)),
                () -> subscriptions().watch(ANN, comment("c1"), null, at(1)),
                () -> subscriptions().watch(ANN, comment("c1"), POST, null), () -> subscriptions().watcher(null),
                () -> subscriptions().mute(ANN, null, at(1)), () -> subscriptions().mute(ANN, POST, null),
                () -> subscriptions().isMuted(ANN, null));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(NullPointerException.class);
        }
        for (ThrowingCallable call : everyMethodWith(null)) {
            assertThatThrownBy(call).isInstanceOf(NullPointerException.class);
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("a blank address is refused with IllegalArgumentException by every method")
    void blankAddresses() {
        for (String blank : List.of("", " ", "\t\n", "\u2003")) {
            refusedEverywhere(blank, "email");
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("an address longer than MAX_EMAIL_LENGTH (254) characters once normalized is refused with"
            + " IllegalArgumentException naming the limit")
    void tooLongAddresses() {
        String tooLong = "a".repeat(Author.MAX_EMAIL_LENGTH + 1 - SubscriptionValueRules.DOMAIN.length())
                + SubscriptionValueRules.DOMAIN;
        for (ThrowingCallable call : everyMethodWith(tooLong)) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(Author.MAX_EMAIL_LENGTH));
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("an address holding a control character or an unpaired surrogate is refused with"
            + " IllegalArgumentException")
    void malformedAddresses() {
        for (String bad : List.of("ann\u0000@example.org", "ann\n@example.org", "ann\u007F@example.org",
                "ann\u0085@example.org", "ann\uD83D@example.org", "ann@example.org\uDE00")) {
            refusedEverywhere(bad, "email");
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("a thread key holding an unpaired surrogate is refused with IllegalArgumentException")
    void threadKeyWithUnpairedSurrogate() {
        ThreadKey bad = ThreadKey.of("post-\uD83D");
        List<ThrowingCallable> calls = List.of(() -> subscriptions().watch(ANN, comment("c1"), bad, at(1)),
                () -> subscriptions().mute(ANN, bad, at(1)), () -> subscriptions().isMuted(ANN, bad));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thread");
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("a time outside Comment.EARLIEST to Comment.LATEST is refused with IllegalArgumentException")
    void timesOutOfRange() {
        for (Instant bad : List.of(Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59Z"),
                Instant.MAX, Instant.MIN)) {
            List<Consumer<Instant>> calls = List.of(at -> subscriptions().request(ANN, at),
                    at -> subscriptions().confirm(ANN, at), at -> subscriptions().unsubscribeAll(ANN, at),
                    at -> subscriptions().watch(ANN, comment("c1"), POST, at),
                    at -> subscriptions().mute(ANN, POST, at));
            for (Consumer<Instant> call : calls) {
                assertThatThrownBy(() -> call.accept(bad)).as("%s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time");
            }
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("a refused confirm of an unconfirmed address leaves it unconfirmed")
    void misuseChangesNothing() {
        subscriptions().request(ANN, at(1));

        assertThatThrownBy(() -> subscriptions().confirm(ANN, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> subscriptions().unsubscribeAll(ANN, null)).isInstanceOf(NullPointerException.class);

        assertThat(subscriptions().find(ANN)).contains(address(ANN,
                dev.parley.storage.subscriptions.AddressState.UNCONFIRMED, at(1)));
    }

    private void refusedEverywhere(String email, String field) {
        for (ThrowingCallable call : everyMethodWith(email)) {
            assertThatThrownBy(call).as("\"%s\"", email).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(field);
        }
    }

    private void assertNothingStored() {
        assertThat(subscriptions().export(ANN)).isEqualTo(nothing());
        assertThat(subscriptions().watcher(comment("c1"))).isEmpty();
        assertThat(subscriptions().isMuted(ANN, POST)).isFalse();
    }
}
