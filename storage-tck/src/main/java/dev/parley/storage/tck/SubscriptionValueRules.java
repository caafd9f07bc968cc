package dev.parley.storage.tck;

import static dev.parley.storage.subscriptions.AddressState.CONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNCONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Subscriptions;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The longest address and keys, any script, and times to the microsecond read back exactly. */
abstract class SubscriptionValueRules extends SubscriptionRules {

    static final String DOMAIN = "@example.org";

    SubscriptionValueRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    /** An address of exactly {@link Author#MAX_EMAIL_LENGTH} UTF-16 units: {@code unit} repeated, then the domain. */
    static String longest(String unit) {
        return unit.repeat((Author.MAX_EMAIL_LENGTH - DOMAIN.length()) / unit.length()) + DOMAIN;
    }

    @Test
    @DisplayName("addresses of exactly MAX_EMAIL_LENGTH (254) characters, in ASCII, in 3-byte and in 4-byte UTF-8"
            + " characters, read back exactly through every method")
    void longestAddresses() {
        List<String> longest = List.of(longest("a"), longest("語"), longest("😀"));
        int n = 0;
        for (String email : longest) {
            assertThat(email).hasSize(Author.MAX_EMAIL_LENGTH);
            CommentId comment = comment("c" + n);
            ThreadKey thread = ThreadKey.of("t" + n);
            n++;

            assertThat(subscriptions().request(email, at(1))).isEqualTo(address(email, UNCONFIRMED, at(1)));
            assertThat(subscriptions().confirm(email, at(2))).contains(address(email, CONFIRMED, at(2)));
            subscriptions().watch(email, comment, POST, at(3));
            subscriptions().mute(email, thread, at(4));

            assertThat(subscriptions().find(email)).contains(address(email, CONFIRMED, at(2)));
            assertThat(subscriptions().watcher(comment)).contains(email);
            assertThat(subscriptions().isMuted(email, thread)).isTrue();
            assertThat(subscriptions().export(email)).isEqualTo(record(address(email, CONFIRMED, at(2)),
                    List.of(comment), List.of(thread)));
        }
        for (String email : longest) {
            assertThat(subscriptions().erase(email)).as(email).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("the length limit applies to the normalized address: 254 characters within outer spaces pass")
    void limitAppliesAfterNormalizing() {
        String email = longest("a");

        assertThat(subscriptions().request("   " + email.toUpperCase(java.util.Locale.ROOT) + "\t", at(1)))
                .isEqualTo(address(email, UNCONFIRMED, at(1)));
    }

    @Test
    @DisplayName("Unicode local parts and domains read back exactly: Chinese, Greek, Devanagari, emoji, combining"
            + " marks, no Unicode normalization")
    void unicodeAddresses() {
        List<String> addresses = List.of("用户@例子.广告", "δοκιμή@παράδειγμα.δοκιμή", "संपर्क@डाटामेल.भारत",
                "😀👩‍👩‍👧@example.org", "zoe\u0301@example.org", "zoé@example.org");
        for (int i = 0; i < addresses.size(); i++) {
            String email = addresses.get(i);
            subscriptions().request(email, at(i));
            subscriptions().watch(email, comment("c" + i), POST, at(i));
            subscriptions().mute(email, ThreadKey.of("t" + i), at(i));
        }

        for (int i = 0; i < addresses.size(); i++) {
            String email = addresses.get(i);
            assertThat(subscriptions().find(email)).as(email).contains(address(email, UNCONFIRMED, at(i)));
            assertThat(subscriptions().watcher(comment("c" + i))).as(email).contains(email);
            assertThat(subscriptions().export(email)).as(email).isEqualTo(record(address(email, UNCONFIRMED,
                    at(i)), List.of(comment("c" + i)), List.of(ThreadKey.of("t" + i))));
        }
    }

    @Test
    @DisplayName("times keep their microseconds and lose their nanoseconds, in states, watches and mutes")
    void timesToTheMicrosecond() {
        Instant precise = Instant.parse("2030-06-15T12:34:56.123456789Z");
        Instant micros = Instant.parse("2030-06-15T12:34:56.123456Z");

        assertThat(subscriptions().request(ANN, precise)).isEqualTo(address(ANN, UNCONFIRMED, micros));
        assertThat(subscriptions().find(ANN).orElseThrow().changedAt()).isEqualTo(micros);
        assertThat(subscriptions().confirm(ANN, precise.plusNanos(1_000))).contains(
                address(ANN, CONFIRMED, micros.plusNanos(1_000)));
        assertThat(subscriptions().unsubscribeAll(BOB, micros.plusNanos(999)))
                .isEqualTo(address(BOB, dev.parley.storage.subscriptions.AddressState.UNSUBSCRIBED, micros));

        // Watches and mutes one microsecond apart, given out of order, export in time order.
        subscriptions().watch(ANN, comment("later"), POST, micros.plusNanos(1_000));
        subscriptions().watch(ANN, comment("earlier"), POST, precise);
        subscriptions().mute(ANN, ThreadKey.of("a-later"), micros.plusNanos(1_999));
        subscriptions().mute(ANN, ThreadKey.of("b-earlier"), micros.plusNanos(999));
        assertThat(subscriptions().export(ANN).watched()).containsExactly(comment("earlier"), comment("later"));
        assertThat(subscriptions().export(ANN).muted()).containsExactly(ThreadKey.of("b-earlier"),
                ThreadKey.of("a-later"));
    }

    @Test
    @DisplayName("the earliest and latest storable times, and times before the epoch, read back exactly")
    void extremeTimes() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");

        assertThat(subscriptions().request(ANN, Comment.EARLIEST)).isEqualTo(
                address(ANN, UNCONFIRMED, Comment.EARLIEST));
        assertThat(subscriptions().confirm(ANN, Comment.LATEST)).contains(address(ANN, CONFIRMED, Comment.LATEST));
        assertThat(subscriptions().request(BOB, beforeEpoch)).isEqualTo(address(BOB, UNCONFIRMED, beforeEpoch));
        assertThat(subscriptions().find(ANN)).contains(address(ANN, CONFIRMED, Comment.LATEST));
        assertThat(subscriptions().find(BOB)).contains(address(BOB, UNCONFIRMED, beforeEpoch));

        subscriptions().watch(ANN, comment("last"), POST, Comment.LATEST);
        subscriptions().watch(ANN, comment("first"), POST, Comment.EARLIEST);
        subscriptions().watch(ANN, comment("middle"), POST, beforeEpoch);
        assertThat(subscriptions().export(ANN).watched()).containsExactly(comment("first"), comment("middle"),
                comment("last"));
    }

    @Test
    @DisplayName("the longest comment id and thread keys (ASCII, 3-byte and 4-byte UTF-8) read back exactly")
    void longestIdsAndKeys() {
        CommentId longestId = comment("i".repeat(CommentId.MAX_LENGTH));
        List<ThreadKey> keys = List.of(ThreadKey.of("k".repeat(ThreadKey.MAX_LENGTH)),
                ThreadKey.of("鍵".repeat(ThreadKey.MAX_LENGTH)), ThreadKey.of("🔑".repeat(ThreadKey.MAX_LENGTH / 2)));

        subscriptions().watch(ANN, longestId, keys.get(1), at(1));
        for (int i = 0; i < keys.size(); i++) {
            subscriptions().mute(ANN, keys.get(i), at(10 + i));
        }

        assertThat(subscriptions().watcher(longestId)).contains(ANN);
        for (ThreadKey key : keys) {
            assertThat(subscriptions().isMuted(ANN, key)).isTrue();
        }
        assertThat(subscriptions().export(ANN)).isEqualTo(record(null, List.of(longestId), keys));
    }
}
