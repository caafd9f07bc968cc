package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.TargetRecord;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code targets}: the order and the bound of a source's records. */
abstract class OutboxTargetsRules extends OutboxRules {

    OutboxTargetsRules(Supplier<LinkbackOutbox> outboxes, SettableClock clock) {
        super(outboxes, clock);
    }

    @Test
    @DisplayName("a source never planned has no records")
    void unknownSource() {
        plan(SOURCE, targets("a"));

        assertThat(records(OTHER_SOURCE)).isEmpty();
        assertThat(records(SOURCE + "/")).isEmpty();
    }

    @Test
    @DisplayName("live records come first, then the earlier ones, each in String order of the target (code units,"
            + " case-sensitive)")
    void liveFirstThenByTarget() {
        List<String> all = List.of("https://b.example/", "https://B.example/", "https://a.example/2",
                "https://a.example/10", "https://\u00e9.example/", "https://\uD83D\uDE00.example/",
                "https://\uFB01.example/", "https://z.example/");
        plan(SOURCE, Set.copyOf(all));
        Set<String> stillLinked = Set.of("https://z.example/", "https://B.example/", "https://\uFB01.example/",
                "https://\uD83D\uDE00.example/");

        plan(SOURCE, stillLinked);

        List<TargetRecord> records = records(SOURCE);
        assertThat(live(records)).isEqualTo(sorted(stillLinked));
        assertThat(earlier(records)).isEqualTo(all.stream().filter(t -> !stillLinked.contains(t)).sorted().toList());
        assertThat(records.subList(0, stillLinked.size())).allSatisfy(r -> assertThat(r.live()).isTrue());
        assertThat(records).hasSize(all.size()).allSatisfy(r -> assertThat(r.source()).isEqualTo(SOURCE));
    }

    @Test
    @DisplayName("a source with MAX_TARGETS targets lists every one of them")
    void theBound() {
        Set<String> many = OutboxPlanRules.numbered("many", LinkbackOutbox.MAX_TARGETS);

        assertThat(plan(SOURCE, many)).hasSize(LinkbackOutbox.MAX_TARGETS);

        assertThat(live(records(SOURCE))).isEqualTo(sorted(many));
        assertThat(waitingSends()).isEqualTo(LinkbackOutbox.MAX_TARGETS);
    }
}
