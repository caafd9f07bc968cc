package dev.parley.storage.tck;

import static dev.parley.storage.subscriptions.AddressState.CONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNCONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNSUBSCRIBED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.subscriptions.Subscriptions;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unknown, then UNCONFIRMED, then CONFIRMED; UNSUBSCRIBED from anywhere; a new request starts over. */
abstract class OptInRules extends SubscriptionRules {

    OptInRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    @Test
    @DisplayName("an address never seen is not found")
    void unknownIsNotFound() {
        assertThat(subscriptions().find(ANN)).isEmpty();
    }

    @Test
    @DisplayName("a request of an unknown address stores it UNCONFIRMED at the request's time")
    void requestOfUnknownIsUnconfirmed() {
        assertThat(subscriptions().request(ANN, at(1))).isEqualTo(address(ANN, UNCONFIRMED, at(1)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNCONFIRMED, at(1)));
    }

    @Test
    @DisplayName("a confirm of an UNCONFIRMED address makes it CONFIRMED at the confirm's time")
    void confirmOfUnconfirmedConfirms() {
        subscriptions().request(ANN, at(1));

        assertThat(subscriptions().confirm(ANN, at(2))).contains(address(ANN, CONFIRMED, at(2)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, CONFIRMED, at(2)));
    }

    @Test
    @DisplayName("a second request of an UNCONFIRMED address changes nothing, its first time kept")
    void repeatedRequestKeepsUnconfirmed() {
        subscriptions().request(ANN, at(1));

        assertThat(subscriptions().request(ANN, at(5))).isEqualTo(address(ANN, UNCONFIRMED, at(1)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNCONFIRMED, at(1)));
    }

    @Test
    @DisplayName("a request of a CONFIRMED address leaves it CONFIRMED: no new opt-in")
    void requestOfConfirmedKeepsConfirmed() {
        subscriptions().request(ANN, at(1));
        subscriptions().confirm(ANN, at(2));

        assertThat(subscriptions().request(ANN, at(3))).isEqualTo(address(ANN, CONFIRMED, at(2)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, CONFIRMED, at(2)));
    }

    @Test
    @DisplayName("a second confirm is harmless: the address stays CONFIRMED at its first confirm's time")
    void repeatedConfirmIsHarmless() {
        subscriptions().request(ANN, at(1));
        subscriptions().confirm(ANN, at(2));

        assertThat(subscriptions().confirm(ANN, at(3))).contains(address(ANN, CONFIRMED, at(2)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, CONFIRMED, at(2)));
    }

    @Test
    @DisplayName("a confirm of an unknown address is refused: empty, and the address stays unknown")
    void confirmOfUnknownIsRefused() {
        assertThat(subscriptions().confirm(ANN, at(1))).isEmpty();

        assertThat(subscriptions().find(ANN)).isEmpty();
        assertThat(subscriptions().export(ANN)).isEqualTo(nothing());
    }

    @Test
    @DisplayName("a confirm of an UNSUBSCRIBED address is refused: it stays UNSUBSCRIBED, as it was")
    void confirmOfUnsubscribedIsRefused() {
        subscriptions().request(ANN, at(1));
        subscriptions().confirm(ANN, at(2));
        subscriptions().unsubscribeAll(ANN, at(3));

        assertThat(subscriptions().confirm(ANN, at(4))).contains(address(ANN, UNSUBSCRIBED, at(3)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNSUBSCRIBED, at(3)));
    }

    @Test
    @DisplayName("unsubscribing an unknown address stores it UNSUBSCRIBED")
    void unsubscribeOfUnknownIsRemembered() {
        assertThat(subscriptions().unsubscribeAll(ANN, at(1))).isEqualTo(address(ANN, UNSUBSCRIBED, at(1)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNSUBSCRIBED, at(1)));
        assertThat(subscriptions().confirm(ANN, at(2))).contains(address(ANN, UNSUBSCRIBED, at(1)));
    }

    @Test
    @DisplayName("unsubscribing an UNCONFIRMED or CONFIRMED address makes it UNSUBSCRIBED at that time")
    void unsubscribeFromEveryState() {
        subscriptions().request(ANN, at(1));
        subscriptions().request(BOB, at(1));
        subscriptions().confirm(BOB, at(2));

        assertThat(subscriptions().unsubscribeAll(ANN, at(3))).isEqualTo(address(ANN, UNSUBSCRIBED, at(3)));
        assertThat(subscriptions().unsubscribeAll(BOB, at(4))).isEqualTo(address(BOB, UNSUBSCRIBED, at(4)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNSUBSCRIBED, at(3)));
        assertThat(subscriptions().find(BOB)).contains(address(BOB, UNSUBSCRIBED, at(4)));
    }

    @Test
    @DisplayName("a second unsubscribe changes nothing, its first time kept")
    void repeatedUnsubscribeIsIdempotent() {
        subscriptions().request(ANN, at(1));
        subscriptions().unsubscribeAll(ANN, at(2));

        assertThat(subscriptions().unsubscribeAll(ANN, at(3))).isEqualTo(address(ANN, UNSUBSCRIBED, at(2)));

        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNSUBSCRIBED, at(2)));
    }

    @Test
    @DisplayName("a request after an unsubscribe starts a new opt-in: UNCONFIRMED at the new time, then a confirm"
            + " confirms")
    void requestAfterUnsubscribeStartsOver() {
        subscriptions().request(ANN, at(1));
        subscriptions().confirm(ANN, at(2));
        subscriptions().unsubscribeAll(ANN, at(3));

        assertThat(subscriptions().request(ANN, at(4))).isEqualTo(address(ANN, UNCONFIRMED, at(4)));
        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNCONFIRMED, at(4)));
        assertThat(subscriptions().confirm(ANN, at(5))).contains(address(ANN, CONFIRMED, at(5)));
        assertThat(subscriptions().find(ANN)).contains(address(ANN, CONFIRMED, at(5)));
    }

    @Test
    @DisplayName("addresses are independent: one's request, confirm and unsubscribe leave another as it is")
    void addressesAreIndependent() {
        subscriptions().request(BOB, at(1));

        subscriptions().request(ANN, at(2));
        subscriptions().confirm(ANN, at(3));
        subscriptions().unsubscribeAll(ANN, at(4));

        assertThat(subscriptions().find(BOB)).contains(address(BOB, UNCONFIRMED, at(1)));
        assertThat(subscriptions().find("carol@example.org")).isEmpty();
    }

    @Test
    @DisplayName("the state of an address does not depend on its watches or mutes, nor they on it")
    void stateIsApartFromWatchesAndMutes() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));
        subscriptions().mute(ANN, POST, at(2));

        assertThat(subscriptions().find(ANN)).isEmpty();

        subscriptions().request(ANN, at(3));
        subscriptions().unsubscribeAll(ANN, at(4));

        assertThat(subscriptions().watcher(comment("c1"))).contains(ANN);
        assertThat(subscriptions().isMuted(ANN, POST)).isTrue();
    }
}
