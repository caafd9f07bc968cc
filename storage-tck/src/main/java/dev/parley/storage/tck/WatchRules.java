package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.subscriptions.Subscriptions;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A watched comment has one watcher: the address of its author who asked for replies. */
abstract class WatchRules extends SubscriptionRules {

    WatchRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    @Test
    @DisplayName("a comment nobody watches has no watcher")
    void unwatchedHasNoWatcher() {
        assertThat(subscriptions().watcher(comment("c1"))).isEmpty();
    }

    @Test
    @DisplayName("a watched comment's watcher is the address that watched it; other comments stay unwatched")
    void watcherIsTheWatchingAddress() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));

        assertThat(subscriptions().watcher(comment("c1"))).contains(ANN);
        assertThat(subscriptions().watcher(comment("c2"))).isEmpty();
    }

    @Test
    @DisplayName("comment ids compare exactly: a watch of \"c1\" is not one of \"C1\"")
    void idsAreCaseSensitive() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));

        assertThat(subscriptions().watcher(comment("C1"))).isEmpty();
    }

    @Test
    @DisplayName("a second watch of a comment by the same address changes nothing: one watch, its first time kept")
    void repeatedWatchIsIdempotent() {
        subscriptions().watch(ANN, comment("c2"), POST, at(2));
        subscriptions().watch(ANN, comment("c1"), POST, at(3));

        subscriptions().watch(ANN, comment("c2"), POST, at(4));

        assertThat(subscriptions().watcher(comment("c2"))).contains(ANN);
        assertThat(subscriptions().export(ANN).watched()).containsExactly(comment("c2"), comment("c1"));
        assertThat(subscriptions().erase(ANN)).isEqualTo(2);
    }

    @Test
    @DisplayName("a watch of a comment by another address replaces the earlier watcher")
    void anotherAddressReplacesTheWatcher() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));

        subscriptions().watch(BOB, comment("c1"), POST, at(2));

        assertThat(subscriptions().watcher(comment("c1"))).contains(BOB);
        assertThat(subscriptions().export(ANN).watched()).isEmpty();
        assertThat(subscriptions().export(BOB).watched()).containsExactly(comment("c1"));
        assertThat(subscriptions().erase(ANN)).isZero();
        assertThat(subscriptions().watcher(comment("c1"))).contains(BOB);
    }

    @Test
    @DisplayName("one address watches many comments, across threads; each has it as watcher")
    void oneAddressWatchesMany() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));
        subscriptions().watch(ANN, comment("c2"), POST, at(2));
        subscriptions().watch(ANN, comment("c3"), OTHER_POST, at(3));
        subscriptions().watch(BOB, comment("c4"), POST, at(4));

        assertThat(subscriptions().watcher(comment("c1"))).contains(ANN);
        assertThat(subscriptions().watcher(comment("c2"))).contains(ANN);
        assertThat(subscriptions().watcher(comment("c3"))).contains(ANN);
        assertThat(subscriptions().watcher(comment("c4"))).contains(BOB);
        assertThat(subscriptions().export(ANN).watched()).containsExactly(comment("c1"), comment("c2"),
                comment("c3"));
    }

    @Test
    @DisplayName("a watch neither stores the address's state nor mutes anything")
    void watchTouchesNothingElse() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));

        assertThat(subscriptions().find(ANN)).isEmpty();
        assertThat(subscriptions().isMuted(ANN, POST)).isFalse();
        assertThat(subscriptions().export(ANN).muted()).isEmpty();
    }
}
