package dev.parley.storage.tck;

import static dev.parley.storage.subscriptions.AddressState.CONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNCONFIRMED;
import static dev.parley.storage.subscriptions.AddressState.UNSUBSCRIBED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.subscriptions.Subscriptions;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every method takes any spelling of an address that {@code Author.normalizeEmail} maps to the same form. */
abstract class NormalizationRules extends SubscriptionRules {

    static final String ANN_SHOUTED = "  Ann@EXAMPLE.Org ";
    static final String ANN_TABBED = "\tANN@example.ORG\n";

    NormalizationRules(Supplier<Subscriptions> subscriptions) {
        super(subscriptions);
    }

    @Test
    @DisplayName("an address is stored trimmed and lower-cased, and found by any spelling")
    void storedNormalizedFoundByAnySpelling() {
        assertThat(subscriptions().request(ANN_SHOUTED, at(1))).isEqualTo(address(ANN, UNCONFIRMED, at(1)));

        for (String spelling : List.of(ANN, ANN_SHOUTED, ANN_TABBED, "ANN@EXAMPLE.ORG")) {
            assertThat(subscriptions().find(spelling)).as(spelling).contains(address(ANN, UNCONFIRMED, at(1)));
        }
    }

    @Test
    @DisplayName("request, confirm and unsubscribe by different spellings act on one address")
    void transitionsBySpellings() {
        subscriptions().request(ANN_SHOUTED, at(1));

        assertThat(subscriptions().request(ANN, at(2))).isEqualTo(address(ANN, UNCONFIRMED, at(1)));
        assertThat(subscriptions().confirm(ANN_TABBED, at(3))).contains(address(ANN, CONFIRMED, at(3)));
        assertThat(subscriptions().unsubscribeAll("ANN@EXAMPLE.ORG", at(4)))
                .isEqualTo(address(ANN, UNSUBSCRIBED, at(4)));
        assertThat(subscriptions().find(ANN)).contains(address(ANN, UNSUBSCRIBED, at(4)));
        assertThat(subscriptions().erase(ANN_SHOUTED)).isEqualTo(1);
    }

    @Test
    @DisplayName("a watch by one spelling names the normalized address as watcher, and a watch by another"
            + " spelling is the same watch")
    void watchBySpellings() {
        subscriptions().watch(ANN_SHOUTED, comment("c1"), POST, at(1));
        subscriptions().watch(ANN_TABBED, comment("c1"), POST, at(2));

        assertThat(subscriptions().watcher(comment("c1"))).contains(ANN);
        assertThat(subscriptions().export(ANN).watched()).containsExactly(comment("c1"));
    }

    @Test
    @DisplayName("a mute by one spelling is seen by another, and a mute by another spelling is the same mute")
    void muteBySpellings() {
        subscriptions().mute(ANN_SHOUTED, POST, at(1));
        subscriptions().mute(ANN, POST, at(2));

        assertThat(subscriptions().isMuted(ANN_TABBED, POST)).isTrue();
        assertThat(subscriptions().isMuted("ANN@EXAMPLE.ORG", POST)).isTrue();
        assertThat(subscriptions().export(ANN_TABBED).muted()).containsExactly(POST);
    }

    @Test
    @DisplayName("export and erase by any spelling find everything kept under the normalized address")
    void exportAndEraseBySpellings() {
        subscriptions().request(ANN, at(1));
        subscriptions().watch(ANN_TABBED, comment("c1"), POST, at(2));
        subscriptions().mute(ANN_SHOUTED, OTHER_POST, at(3));

        assertThat(subscriptions().export("ANN@EXAMPLE.ORG")).isEqualTo(record(address(ANN, UNCONFIRMED, at(1)),
                List.of(comment("c1")), List.of(OTHER_POST)));
        assertThat(subscriptions().erase(" ann@example.org")).isEqualTo(3);
        assertThat(subscriptions().export(ANN)).isEqualTo(nothing());
    }

    @Test
    @DisplayName("letters beyond ASCII are lower-cased too: \"JÖRG@BÜCHER.EXAMPLE\" is \"jörg@bücher.example\"")
    void unicodeIsLowerCased() {
        assertThat(subscriptions().request("JÖRG@BÜCHER.EXAMPLE", at(1)))
                .isEqualTo(address("jörg@bücher.example", UNCONFIRMED, at(1)));

        assertThat(subscriptions().find("Jörg@Bücher.example")).contains(
                address("jörg@bücher.example", UNCONFIRMED, at(1)));
        subscriptions().watch("JÖRG@bücher.example", comment("c1"), POST, at(2));
        assertThat(subscriptions().watcher(comment("c1"))).contains("jörg@bücher.example");
    }

    @Test
    @DisplayName("addresses that differ in more than case and outer space stay apart: accents, inner space, plus"
            + " tags and dots are kept")
    void onlyCaseAndOuterSpaceAreIgnored() {
        List<String> distinct = List.of("ann@example.org", "änn@example.org", "an n@example.org",
                "ann+news@example.org", "a.nn@example.org", "ann@example.org.");
        for (int i = 0; i < distinct.size(); i++) {
            subscriptions().request(distinct.get(i), at(i));
        }

        for (int i = 0; i < distinct.size(); i++) {
            assertThat(subscriptions().find(distinct.get(i))).as(distinct.get(i))
                    .contains(address(distinct.get(i), UNCONFIRMED, at(i)));
        }
    }
}
