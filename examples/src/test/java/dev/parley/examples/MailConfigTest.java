package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.core.mail.MailMessage;
import dev.parley.core.mail.Mailer;
import dev.parley.mail.SmtpMailer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The demo's mail settings")
class MailConfigTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static MailConfig from(Map<String, String> settings) {
        return MailConfig.from(settings::get);
    }

    private static MailMessage reply() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<http://localhost:8080/unsubscribe?t=abc>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new MailMessage("reader@example.net", "Mara replied to your comment",
                "Mara wrote: thanks!\nUnsubscribe: http://localhost:8080/unsubscribe?t=abc\n",
                "<p>Mara wrote: thanks!</p>", headers);
    }

    @Test
    @DisplayName("without parley.smtp.host, mails go to the log")
    void withoutHostMailsGoToTheLog() {
        MailConfig config = from(Map.of());

        assertThat(config.mailer()).isInstanceOf(LogMailer.class);
        assertThat(config.description())
                .isEqualTo("printed to the log (set parley.smtp.host or PARLEY_SMTP_HOST to send)");
    }

    @Test
    @DisplayName("with parley.smtp.host, an SmtpMailer with the settings given, the password never shown")
    void withHostAnSmtpMailer() {
        MailConfig config = from(Map.of("parley.smtp.host", "smtp.example.org", "parley.smtp.user", "blog",
                "parley.smtp.password", "s3cret-password", "parley.smtp.from", "blog@example.org"));

        assertThat(config.mailer()).isInstanceOf(SmtpMailer.class)
                .hasToString("SmtpMailer[smtp.example.org:587, STARTTLS, user blog]");
        assertThat(config.description())
                .isEqualTo("SMTP smtp.example.org:587 (STARTTLS), user blog, from blog@example.org");
        assertThat(config.toString()).doesNotContain("s3cret-password");
        assertThat(from(Map.of("parley.smtp.host", "127.0.0.1", "parley.smtp.port", "3025",
                "parley.smtp.security", "None")).mailer())
                .hasToString("SmtpMailer[127.0.0.1:3025, NONE]");
        assertThat(from(Map.of("parley.smtp.host", "smtp.example.org", "parley.smtp.security", "tls")).mailer())
                .hasToString("SmtpMailer[smtp.example.org:465, TLS]");
    }

    @Test
    @DisplayName("bad settings stop the start with a message naming each")
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> from(Map.of("parley.smtp.host", "smtp.example.org", "parley.smtp.port", "many",
                "parley.smtp.security", "ssl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid mail configuration: parley.smtp.port must be a number, was \"many\"; "
                        + "parley.smtp.security must be starttls, tls or none, was \"ssl\"");
        assertThatThrownBy(() -> from(Map.of("parley.smtp.host", "smtp.example.org", "parley.smtp.user", "blog")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid mail configuration: parley.smtp.user and parley.smtp.password must be set "
                        + "together");
        assertThatThrownBy(() -> from(Map.of("parley.smtp.host", "smtp.example.org", "parley.smtp.from", "nobody")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid SMTP mailer settings: from address must be one e-mail address, "
                        + "was \"nobody\"");
    }

    @Test
    @DisplayName("configured for a local SMTP server, the demo's mail arrives there from the blog")
    void mailArrivesAtTheConfiguredServer() throws Exception {
        Mailer mailer = from(Map.of("parley.smtp.host", "127.0.0.1",
                "parley.smtp.port", Integer.toString(greenMail.getSmtp().getPort()),
                "parley.smtp.security", "none")).mailer();

        mailer.send(reply());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Mara replied to your comment");
        InternetAddress sender = (InternetAddress) received.getFrom()[0];
        assertThat(sender.getAddress()).isEqualTo("parley@localhost");
        assertThat(sender.getPersonal()).isEqualTo(Blog.NAME);
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    @DisplayName("the log mailer writes recipient, subject, headers and the text body, one entry per mail")
    void logMailerWritesTheMail() {
        List<String> log = new ArrayList<>();
        LogMailer.to(log::add).send(reply());

        assertThat(log).containsExactly("""
                Mail (not sent: no SMTP server configured, see parley.smtp.host)
                To: reader@example.net
                Subject: Mara replied to your comment
                List-Unsubscribe: <http://localhost:8080/unsubscribe?t=abc>
                List-Unsubscribe-Post: List-Unsubscribe=One-Click

                Mara wrote: thanks!
                Unsubscribe: http://localhost:8080/unsubscribe?t=abc
                """);
    }

    @Test
    @DisplayName("the demo server hands out the mailer it was given, and the log mailer unless given one")
    void demoServerExposesItsMailer() {
        Mailer given = LogMailer.to(text -> { });
        try (DemoServer withDefault = DemoServer.builder().config(DemoConfig.inMemory("long enough password")).build();
                DemoServer withGiven = DemoServer.builder().config(DemoConfig.inMemory("long enough password"))
                        .mailer(given).build()) {
            assertThat(withDefault.mailer()).isInstanceOf(LogMailer.class);
            assertThat(withGiven.mailer()).isSameAs(given);
        }
    }
}
