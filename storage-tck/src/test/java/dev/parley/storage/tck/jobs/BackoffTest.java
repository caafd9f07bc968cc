package dev.parley.storage.tck.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.jobs.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Backoff")
class BackoffTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    @DisplayName("the ceiling doubles from the base with every attempt, up to the cap")
    void ceilingDoublesUpToCap() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(30), Duration.ofMinutes(10));

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("the next run time lies between half the ceiling and the ceiling, and is spread by jitter")
    void jitterWithinBounds() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new SplittableRandom(42));
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Instant next = backoff.next(3, NOW);
            assertThat(next).isBetween(NOW.plusSeconds(60), NOW.plusSeconds(120));
            seen.add(next);
        }
        assertThat(seen).as("distinct retry times among 1,000 jobs failing together").hasSizeGreaterThan(900);
    }

    @Test
    @DisplayName("a base that is not positive, a cap below the base, or attempts below 1 are refused")
    void misuse() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1)).next(0, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
    }
}
