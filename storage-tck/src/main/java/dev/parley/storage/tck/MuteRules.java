package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Subscriptions;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A mute is one address's, for one thread, compared exactly. */
abstract class MuteRules extends SubscriptionRules {

    MuteRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    @Test
    @DisplayName("no thread is muted until muted")
    void nothingMutedAtFirst() {
        assertThat(subscriptions().isMuted(ANN, POST)).isFalse();
    }

    @Test
    @DisplayName("a mute is of that thread for that address only")
    void muteIsPerThreadAndAddress() {
        subscriptions().mute(ANN, POST, at(1));

        assertThat(subscriptions().isMuted(ANN, POST)).isTrue();
        assertThat(subscriptions().isMuted(ANN, OTHER_POST)).isFalse();
        assertThat(subscriptions().isMuted(BOB, POST)).isFalse();
    }

    @Test
    @DisplayName("thread keys compare exactly: muting \"Post\" mutes neither \"post\" nor \"Post \"")
    void threadKeysCompareExactly() {
        subscriptions().mute(ANN, ThreadKey.of("Post"), at(1));

        assertThat(subscriptions().isMuted(ANN, ThreadKey.of("Post"))).isTrue();
        assertThat(subscriptions().isMuted(ANN, ThreadKey.of("post"))).isFalse();
        assertThat(subscriptions().isMuted(ANN, ThreadKey.of("Post "))).isFalse();
    }

    @Test
    @DisplayName("a second mute of a thread changes nothing: one mute, its first time kept")
    void repeatedMuteIsIdempotent() {
        subscriptions().mute(ANN, OTHER_POST, at(2));
        subscriptions().mute(ANN, POST, at(3));

        subscriptions().mute(ANN, OTHER_POST, at(4));

        assertThat(subscriptions().isMuted(ANN, OTHER_POST)).isTrue();
        assertThat(subscriptions().export(ANN).muted()).containsExactly(OTHER_POST, POST);
        assertThat(subscriptions().erase(ANN)).isEqualTo(2);
    }

    @Test
    @DisplayName("a mute neither stores the address's state nor changes watches")
    void muteTouchesNothingElse() {
        subscriptions().watch(ANN, comment("c1"), POST, at(1));

        subscriptions().mute(ANN, POST, at(2));

        assertThat(subscriptions().find(ANN)).isEmpty();
        assertThat(subscriptions().watcher(comment("c1"))).contains(ANN);
    }

    @Test
    @DisplayName("an unsubscribe from everything keeps the mutes: a new opt-in does not unmute a thread")
    void mutesOutliveUnsubscribe() {
        subscriptions().request(ANN, at(1));
        subscriptions().mute(ANN, POST, at(2));
        subscriptions().unsubscribeAll(ANN, at(3));
        subscriptions().request(ANN, at(4));

        assertThat(subscriptions().isMuted(ANN, POST)).isTrue();
    }
}
