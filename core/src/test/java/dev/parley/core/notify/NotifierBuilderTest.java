package dev.parley.core.notify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotifierBuilderTest {

    @Test
    void buildNamesEveryMissingOrBadPartAtOnce() {
        assertThatThrownBy(() -> Notifier.builder().secret(new byte[8]).batchWindow(Duration.ofSeconds(-1))
                .confirmationLifetime(Duration.ZERO).maxAttempts(0).moderator(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot build Notifier: moderator must be an address, was  ; store must be set; "
                        + "jobs must be set; subscriptions must be set; mailer must be set; templates must be set; "
                        + "links must be set; secret must be at least 32 bytes, was 8; "
                        + "batchWindow must not be negative, was PT-1S; confirmationLifetime must be positive, was PT0S; "
                        + "maxAttempts must be at least 1, was 0");
    }

    @Test
    void linksUnderABaseRefuseABaseWithoutTrailingSlash() {
        assertThatThrownBy(() -> NotificationLinks.under("https://blog.example", c -> ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base must be an http(s) URL ending in '/', was \"https://blog.example\"");
    }
}
