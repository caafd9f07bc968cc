package dev.parley.storage.tck;

import static dev.parley.storage.subscriptions.AddressState.CONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNCONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Subscriptions;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The privacy export lists everything kept for an address; erase forgets it all and says how much. */
abstract class PrivacyRules extends SubscriptionRules {

    PrivacyRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    @Test
    @DisplayName("the export of an address never seen holds no address and empty lists")
    void exportOfUnknownIsEmpty() {
        assertThat(subscriptions().export(ANN)).isEqualTo(nothing());
    }

    @Test
    @DisplayName("the export holds the address as stored, its watched comments oldest first and its muted"
            + " threads oldest first, ties in id and key order")
    void exportHoldsEverythingInOrder() {
        subscriptions().request(ANN, at(1));
        subscriptions().confirm(ANN, at(2));
        subscriptions().watch(ANN, comment("w3"), POST, at(30));
        subscriptions().watch(ANN, comment("w1"), POST, at(10));
        subscriptions().watch(ANN, comment("w2-b"), OTHER_POST, at(20));
        subscriptions().watch(ANN, comment("w2-a"), POST, at(20));
        subscriptions().mute(ANN, ThreadKey.of("m3"), at(300));
        subscriptions().mute(ANN, ThreadKey.of("m2-b"), at(200));
        subscriptions().mute(ANN, ThreadKey.of("m2-a"), at(200));
        subscriptions().mute(ANN, ThreadKey.of("m1"), at(100));

        assertThat(subscriptions().export(ANN)).isEqualTo(record(address(ANN, CONFIRMED, at(2)),
                List.of(comment("w1"), comment("w2-a"), comment("w2-b"), comment("w3")),
                List.of(ThreadKey.of("m1"), ThreadKey.of("m2-a"), ThreadKey.of("m2-b"), ThreadKey.of("m3"))));
    }

    @Test
    @DisplayName("the export holds that address's watches and mutes only, also without a stored state")
    void exportIsOfOneAddress() {
        subscriptions().request(BOB, at(1));
        subscriptions().watch(BOB, comment("b1"), POST, at(2));
        subscriptions().mute(BOB, OTHER_POST, at(3));
        subscriptions().watch(ANN, comment("a1"), POST, at(4));
        subscriptions().mute(ANN, POST, at(5));

        assertThat(subscriptions().export(ANN)).isEqualTo(record(null, List.of(comment("a1")), List.of(POST)));
    }

    @Test
    @DisplayName("erase forgets the address, its watches and its mutes, and counts every row removed")
    void eraseForgetsEverything() {
        subscriptions().request(ANN, at(1));
        subscriptions().watch(ANN, comment("c1"), POST, at(2));
        subscriptions().watch(ANN, comment("c2"), OTHER_POST, at(3));
        subscriptions().mute(ANN, POST, at(4));

        assertThat(subscriptions().erase(ANN)).isEqualTo(4);

        assertThat(subscriptions().find(ANN)).isEmpty();
        assertThat(subscriptions().watcher(comment("c1"))).isEmpty();
        assertThat(subscriptions().watcher(comment("c2"))).isEmpty();
        assertThat(subscriptions().isMuted(ANN, POST)).isFalse();
        assertThat(subscriptions().export(ANN)).isEqualTo(nothing());
    }

    @Test
    @DisplayName("erase is idempotent: a second erase removes nothing and reports 0, as does erasing an unknown"
            + " address")
    void eraseIsIdempotent() {
        subscriptions().request(ANN, at(1));
        subscriptions().mute(ANN, POST, at(2));

        assertThat(subscriptions().erase(ANN)).isEqualTo(2);
        assertThat(subscriptions().erase(ANN)).isZero();
        assertThat(subscriptions().erase(BOB)).isZero();
    }

    @Test
    @DisplayName("erase counts what is kept: watches and mutes without a state, a state alone")
    void eraseCountsWhatIsKept() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));
        subscriptions().mute(ANN, POST, at(2));
        subscriptions().mute(ANN, OTHER_POST, at(3));
        subscriptions().unsubscribeAll(BOB, at(4));

        assertThat(subscriptions().erase(ANN)).isEqualTo(3);
        assertThat(subscriptions().erase(BOB)).isEqualTo(1);
    }

    @Test
    @DisplayName("erase leaves every other address, its watches and its mutes as they were")
    void eraseLeavesOthers() {
        subscriptions().request(BOB, at(1));
        subscriptions().watch(BOB, comment("b1"), POST, at(2));
        subscriptions().mute(BOB, POST, at(3));
        subscriptions().request(ANN, at(4));
        subscriptions().watch(ANN, comment("a1"), POST, at(5));
        subscriptions().mute(ANN, POST, at(6));

        subscriptions().erase(ANN);

        assertThat(subscriptions().export(BOB)).isEqualTo(record(address(BOB, UNCONFIRMED, at(1)),
                List.of(comment("b1")), List.of(POST)));
        assertThat(subscriptions().watcher(comment("b1"))).contains(BOB);
    }

    @Test
    @DisplayName("after an erase an address starts afresh: a request makes it UNCONFIRMED, needing a new confirm")
    void erasedAddressStartsAfresh() {
        subscriptions().request(ANN, at(1));
        subscriptions().confirm(ANN, at(2));
        subscriptions().erase(ANN);

        assertThat(subscriptions().confirm(ANN, at(3))).isEmpty();
        assertThat(subscriptions().request(ANN, at(4))).isEqualTo(address(ANN, UNCONFIRMED, at(4)));
        subscriptions().watch(ANN, comment("c1"), POST, at(5));
        assertThat(subscriptions().watcher(comment("c1"))).contains(ANN);
    }
}
