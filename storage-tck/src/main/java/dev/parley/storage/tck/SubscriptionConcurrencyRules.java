package dev.parley.storage.tck;

import static dev.parley.storage.subscriptions.AddressState.CONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNCONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNSUBSCRIBED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Address;
import dev.parley.storage.subscriptions.Subscriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Racing calls on one address, each spelling it its own way: one row, in a state one of them left, and every
 * call's answer one the rules allow. Threads start together at a barrier; every wait is bounded.
 */
abstract class SubscriptionConcurrencyRules extends SubscriptionRules {

    static final int RACERS = 8;
    static final int ROUNDS = 6;

    SubscriptionConcurrencyRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    /** The address of a round, spelled differently by each racer: same normalized form. */
    static String spelling(String email, int racer) {
        return switch (racer % 4) {
            case 0 -> email;
            case 1 -> " " + email.toUpperCase(java.util.Locale.ROOT);
            case 2 -> email + "\t";
            default -> Character.toUpperCase(email.charAt(0)) + email.substring(1);
        };
    }

    static String roundAddress(String name, int round) {
        return name + "-" + round + "@example.org";
    }

    @Test
    @DisplayName("8 racing requests of a new address store one row: every racer gets the address the first"
            + " stored, UNCONFIRMED at its time")
    void racingRequests() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = roundAddress("request", round);
            List<Callable<?>> racers = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                String spelled = spelling(email, r);
                int racer = r;
                racers.add(() -> subscriptions().request(spelled, at(racer)));
            }

            List<Object> outcomes = succeeded(ConcurrencyRules.runTogether(racers), round);

            Address stored = subscriptions().find(email).orElseThrow();
            assertThat(stored.state()).isEqualTo(UNCONFIRMED);
            assertThat(stored.changedAt()).isBetween(at(0), at(RACERS - 1));
            assertThat(outcomes).as("round %d: every racer's answer", round).containsOnly(stored);
            assertThat(subscriptions().erase(email)).as("round %d: one row", round).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("8 racers each requesting then confirming one address leave one row, CONFIRMED; every confirm"
            + " answers CONFIRMED and every request UNCONFIRMED or CONFIRMED")
    void racingRequestsAndConfirms() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = roundAddress("confirm", round);
            List<Callable<?>> racers = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                String spelled = spelling(email, r);
                int racer = r;
                racers.add(() -> List.of(subscriptions().request(spelled, at(racer)),
                        subscriptions().confirm(spelled, at(100 + racer)).orElseThrow()));
            }

            List<Object> outcomes = succeeded(ConcurrencyRules.runTogether(racers), round);

            Address stored = subscriptions().find(email).orElseThrow();
            assertThat(stored.state()).as("round %d", round).isEqualTo(CONFIRMED);
            for (Object outcome : outcomes) {
                List<?> answers = (List<?>) outcome;
                Address requested = (Address) answers.get(0);
                Address confirmed = (Address) answers.get(1);
                assertThat(requested.state()).as("round %d: a request's answer", round).isIn(UNCONFIRMED, CONFIRMED);
                assertThat(requested.email()).isEqualTo(email);
                assertThat(confirmed).as("round %d: a confirm's answer", round).isEqualTo(stored);
            }
            assertThat(subscriptions().erase(email)).as("round %d: one row", round).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("racing requests, confirms and unsubscribes of one address leave one row in a state one of them"
            + " left, and the answers follow the rules")
    void racingTransitions() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = roundAddress("mixed", round);
            subscriptions().request(email, at(0));
            List<Callable<?>> racers = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                String spelled = spelling(email, r);
                int racer = r;
                racers.add(switch (r % 3) {
                    case 0 -> () -> subscriptions().request(spelled, at(10 + racer));
                    case 1 -> () -> subscriptions().confirm(spelled, at(10 + racer)).orElseThrow();
                    default -> () -> subscriptions().unsubscribeAll(spelled, at(10 + racer));
                });
            }

            List<Object> outcomes = succeeded(ConcurrencyRules.runTogether(racers), round);

            Address stored = subscriptions().find(email).orElseThrow();
            for (int r = 0; r < RACERS; r++) {
                Address answer = (Address) outcomes.get(r);
                assertThat(answer.email()).isEqualTo(email);
                switch (r % 3) {
                    case 0 -> assertThat(answer.state()).as("round %d: a request's answer", round)
                            .isIn(UNCONFIRMED, CONFIRMED);
                    case 1 -> assertThat(answer.state()).as("round %d: a confirm's answer", round)
                            .isIn(CONFIRMED, UNSUBSCRIBED);
                    default -> assertThat(answer.state()).as("round %d: an unsubscribe's answer", round)
                            .isEqualTo(UNSUBSCRIBED);
                }
            }
            assertThat(outcomes).as("round %d: the stored address is one a racer answered", round)
                    .contains(stored);
            assertThat(subscriptions().erase(email)).as("round %d: one row", round).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("8 racing unsubscribes of a new address store one row: every racer gets the first's address")
    void racingUnsubscribes() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = roundAddress("leave", round);
            List<Callable<?>> racers = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                String spelled = spelling(email, r);
                int racer = r;
                racers.add(() -> subscriptions().unsubscribeAll(spelled, at(racer)));
            }

            List<Object> outcomes = succeeded(ConcurrencyRules.runTogether(racers), round);

            Address stored = subscriptions().find(email).orElseThrow();
            assertThat(stored.state()).isEqualTo(UNSUBSCRIBED);
            assertThat(outcomes).as("round %d: every racer's answer", round).containsOnly(stored);
            assertThat(subscriptions().erase(email)).as("round %d: one row", round).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("racing watches of one comment by one address store one watch; racing watches of one comment by"
            + " 8 addresses leave one of them its only watcher")
    void racingWatchesOfOneComment() {
        for (int round = 0; round < ROUNDS; round++) {
            CommentId same = comment("same-" + round);
            CommentId contested = comment("contested-" + round);
            List<Callable<?>> racers = new ArrayList<>();
            List<String> watchers = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                String spelled = spelling(ANN, r);
                String other = "racer-" + r + "@example.org";
                watchers.add(other);
                int racer = r;
                racers.add(() -> {
                    subscriptions().watch(spelled, same, POST, at(racer));
                    subscriptions().watch(other, contested, POST, at(racer));
                    return null;
                });
            }

            succeeded(ConcurrencyRules.runTogether(racers), round);

            assertThat(subscriptions().watcher(same)).contains(ANN);
            Optional<String> winner = subscriptions().watcher(contested);
            assertThat(winner).as("round %d", round).isPresent();
            assertThat(watchers).contains(winner.orElseThrow());
            for (String watcher : watchers) {
                assertThat(subscriptions().export(watcher).watched()).as("round %d: the watches of %s", round, watcher)
                        .isEqualTo(watcher.equals(winner.get()) ? List.of(contested) : List.of());
            }
            assertThat(subscriptions().export(ANN).watched()).as("round %d", round).containsExactly(same);
            assertThat(subscriptions().erase(ANN)).as("round %d: one watch", round).isEqualTo(1);
            for (String watcher : watchers) {
                subscriptions().erase(watcher);
            }
        }
    }

    @Test
    @DisplayName("8 racers watching their own comments and muting threads for one address lose none: all 64"
            + " watches and 8 mutes are kept, each mute once")
    void racingWatchesAndMutesOfOneAddress() {
        List<Callable<?>> racers = new ArrayList<>();
        for (int r = 0; r < RACERS; r++) {
            String spelled = spelling(ANN, r);
            int racer = r;
            racers.add(() -> {
                for (int c = 0; c < RACERS; c++) {
                    subscriptions().watch(spelled, comment("r" + racer + "-c" + c), POST, at(c));
                    subscriptions().mute(spelled, ThreadKey.of("thread-" + c), at(racer));
                }
                return null;
            });
        }

        succeeded(ConcurrencyRules.runTogether(racers), 0);

        Subscriptions.Record kept = subscriptions().export(ANN);
        assertThat(kept.watched()).hasSize(RACERS * RACERS).doesNotHaveDuplicates();
        assertThat(kept.muted()).hasSize(RACERS).doesNotHaveDuplicates();
        for (int c = 0; c < RACERS; c++) {
            assertThat(subscriptions().isMuted(ANN, ThreadKey.of("thread-" + c))).isTrue();
        }
        assertThat(subscriptions().erase(ANN)).isEqualTo(RACERS * RACERS + RACERS);
    }

    private static List<Object> succeeded(List<Object> outcomes, int round) {
        for (Object outcome : outcomes) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("round " + round + ": a racer failed: " + failure, failure);
            }
        }
        return outcomes;
    }
}
