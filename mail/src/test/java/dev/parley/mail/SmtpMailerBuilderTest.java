package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SmtpMailer.builder() checks every setting at once")
class SmtpMailerBuilderTest {

    @Test
    @DisplayName("without host and sender, build() names both")
    void missingHostAndSenderAreNamed() {
        assertThatThrownBy(() -> SmtpMailer.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SMTP mailer settings: host is required; from address is required");
    }

    @Test
    @DisplayName("every bad setting is named in one exception")
    void everyBadSettingIsNamed() {
        assertThatThrownBy(() -> SmtpMailer.builder()
                .host("smtp example.org")
                .port(70_000)
                .connectTimeout(Duration.ZERO)
                .readTimeout(Duration.ofMinutes(11))
                .writeTimeout(Duration.ofNanos(500))
                .from("not an address")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid SMTP mailer settings: "
                        + "host must be a host name or address, was \"smtp example.org\"; "
                        + "port must be 1 to 65535, was 70000; "
                        + "connect timeout must be at least 1 ms and at most 10 minutes, was PT0S; "
                        + "read timeout must be at least 1 ms and at most 10 minutes, was PT11M; "
                        + "write timeout must be at least 1 ms and at most 10 minutes, was PT0.0000005S; "
                        + "from address must be one e-mail address, was \"not an address\": ");
    }

    @Test
    @DisplayName("a sender with a name inside the address is refused: the name has its own argument")
    void senderNameGoesInItsOwnArgument() {
        assertThatThrownBy(() -> SmtpMailer.builder().host("smtp.example.org").from("Blog <blog@example.org>").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SMTP mailer settings: from address must be one e-mail address, was "
                        + "\"Blog <blog@example.org>\": a bare address is expected, the name goes in its own argument");
    }

    @Test
    @DisplayName("a display name with a line break is refused")
    void displayNameIsOneLine() {
        assertThatThrownBy(() -> SmtpMailer.builder().host("smtp.example.org")
                .from("blog@example.org", "Blog\r\nBcc: victim@example.com").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SMTP mailer settings: from display name must be one line");
    }

    @Test
    @DisplayName("the port defaults to the security's: 587 for STARTTLS (the default), 465 for TLS, 25 for none")
    void portFollowsSecurity() {
        SmtpMailer.Builder builder = SmtpMailer.builder().host("smtp.example.org").from("blog@example.org");

        assertThat(builder.build()).hasToString("SmtpMailer[smtp.example.org:587, STARTTLS]");
        assertThat(builder.security(SmtpSecurity.TLS).build()).hasToString("SmtpMailer[smtp.example.org:465, TLS]");
        assertThat(builder.security(SmtpSecurity.NONE).build()).hasToString("SmtpMailer[smtp.example.org:25, NONE]");
        assertThat(builder.port(2525).build()).hasToString("SmtpMailer[smtp.example.org:2525, NONE]");
    }

    @Test
    @DisplayName("toString names the user and never the password")
    void toStringHidesThePassword() {
        SmtpMailer mailer = SmtpMailer.builder().host("smtp.example.org").credentials("blog", "s3cret-password")
                .from("blog@example.org").build();

        assertThat(mailer).hasToString("SmtpMailer[smtp.example.org:587, STARTTLS, user blog]");
    }
}
