package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The login throttle")
class LoginThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new InMemoryLoginAttempts(), clock);

    @Test
    @DisplayName("delays start at the 5th attempt with 1 s and double up to 15 minutes")
    void delays() {
        assertThat(LoginThrottle.delayAfter(4)).isZero();
        assertThat(LoginThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LoginThrottle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("a blocked account refuses every address, and counts are forgotten an hour after the last attempt")
    void accountBlocksEveryAddressUntilForgotten() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("admin", "192.0.2." + i)).isEmpty();
        }
        assertThat(throttle.attempt("admin", "198.51.100.1")).hasValue(Duration.ofSeconds(1));

        clock.advance(Duration.ofHours(1));
        // Forgotten: the next attempts start again from one, with no delay.
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("admin", "198.51.100.1")).isEmpty();
        }
        assertThat(throttle.attempt("admin", "198.51.100.1")).isEmpty();
        assertThat(throttle.attempt("admin", "198.51.100.1")).hasValue(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a successful login resets the account and its address")
    void successResets() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("admin", "192.0.2.1")).isEmpty();
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.attempt("admin", "192.0.2.1")).isEmpty();
        throttle.succeeded("admin", "192.0.2.1");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("admin", "192.0.2.1")).isEmpty();
        }
    }
}
