package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.core.mail.MailException;
import dev.parley.core.mail.MailMessage;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("SmtpMailer against a real SMTP server")
class SmtpMailerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:15:30Z"), ZoneOffset.UTC);
    private static final String UNSUBSCRIBE =
            "<https://blog.example.org/unsubscribe?t=abc123>, <mailto:unsubscribe@example.org?subject=t-abc123>";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String TEXT = "Zoë replied to your comment on “Notes on Unicode”:\n"
            + "\n"
            + ".\n"
            + "From here on, naïve café ☕ and a line long enough to need soft line breaks in quoted-printable "
            + "encoding, which wraps at 76 characters.\n"
            + "Unsubscribe: https://blog.example.org/unsubscribe?t=abc123\n";
    private static final String HTML = "<!DOCTYPE html><html><body><p>Zoë replied to your comment on "
            + "“Notes on Unicode”:</p>\n<blockquote>naïve café ☕ &amp; &lt;b&gt;</blockquote>\n</body></html>\n";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpMailer.Builder toGreenMail() {
        return SmtpMailer.builder()
                .host("127.0.0.1")
                .port(greenMail.getSmtp().getPort())
                .security(SmtpSecurity.NONE)
                .from("blog@example.org", "Zoë's blog")
                .clock(CLOCK);
    }

    private static MailMessage notification(String to, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", UNSUBSCRIBE);
        headers.put("List-Unsubscribe-Post", ONE_CLICK);
        return new MailMessage(to, subject, TEXT, HTML, headers);
    }

    private MimeMessage onlyReceived() {
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).as("a message arrived").isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String decoded(BodyPart part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    @DisplayName("a delivered message")
    class Delivered {

        @Test
        @DisplayName("goes to exactly the one recipient, from the configured sender and display name")
        void goesToTheRecipientFromTheSender() throws Exception {
            toGreenMail().build().send(notification("reader@example.net", "A reply"));

            MimeMessage received = onlyReceived();
            assertThat(received.getAllRecipients()).extracting(Address::toString)
                    .containsExactly("reader@example.net");
            assertThat(received.getHeader("Cc")).isNull();
            assertThat(received.getHeader("Bcc")).isNull();
            Address[] from = received.getFrom();
            assertThat(from).hasSize(1);
            assertThat(((InternetAddress) from[0]).getAddress()).isEqualTo("blog@example.org");
            assertThat(((InternetAddress) from[0]).getPersonal()).isEqualTo("Zoë's blog");
            assertThat(greenMail.getReceivedMessagesForDomain("example.net")).hasSize(1);
        }

        @Test
        @DisplayName("keeps a non-ASCII subject exactly, sent as RFC 2047 encoded words")
        void keepsANonAsciiSubject() throws Exception {
            String subject = "Zoë replied on “Notes on Unicode” ☕ — a subject long enough to be folded on the wire";
            toGreenMail().build().send(notification("reader@example.net", subject));

            MimeMessage received = onlyReceived();
            assertThat(received.getSubject()).isEqualTo(subject);
            assertThat(received.getHeader("Subject", null)).startsWith("=?UTF-8?");
        }

        @Test
        @DisplayName("is multipart/alternative: text/plain in UTF-8 first, text/html in UTF-8 second, nothing else")
        void isMultipartAlternativeTextThenHtml() throws Exception {
            toGreenMail().build().send(notification("reader@example.net", "A reply"));

            MimeMessage received = onlyReceived();
            assertThat(received.getContentType()).startsWith("multipart/alternative;");
            assertThat(received.getHeader("MIME-Version", null)).isEqualTo("1.0");
            MimeMultipart multipart = (MimeMultipart) received.getContent();
            assertThat(multipart.getCount()).isEqualTo(2);
            assertThat(multipart.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
            assertThat(multipart.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        }

        @Test
        @DisplayName("carries both bodies byte for byte, with MIME's CRLF line breaks")
        void carriesBothBodiesExactly() throws Exception {
            toGreenMail().build().send(notification("reader@example.net", "A reply"));

            MimeMultipart multipart = (MimeMultipart) onlyReceived().getContent();
            // Text travels in canonical form: every line break is CRLF (RFC 2045 6.5), the rest is unchanged,
            // the lone "." line included (dot-stuffed on the wire, unstuffed by the server).
            assertThat(decoded(multipart.getBodyPart(0))).isEqualTo(TEXT.replace("\n", "\r\n"));
            assertThat(decoded(multipart.getBodyPart(1))).isEqualTo(HTML.replace("\n", "\r\n"));
        }

        @Test
        @DisplayName("carries List-Unsubscribe and List-Unsubscribe-Post as given")
        void carriesTheUnsubscribeHeaders() throws Exception {
            toGreenMail().build().send(notification("reader@example.net", "A reply"));

            MimeMessage received = onlyReceived();
            assertThat(received.getHeader("List-Unsubscribe")).hasSize(1);
            assertThat(MimeUtility.unfold(received.getHeader("List-Unsubscribe", null))).isEqualTo(UNSUBSCRIBE);
            assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly(ONE_CLICK);
        }

        @Test
        @DisplayName("has the clock's Date and a Message-ID of its own in the sender's domain")
        void hasDateAndMessageId() throws Exception {
            SmtpMailer mailer = toGreenMail().build();
            mailer.send(notification("reader@example.net", "A reply"));
            mailer.send(notification("reader@example.net", "Another reply"));

            assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[0].getSentDate().toInstant()).isEqualTo(CLOCK.instant());
            String first = received[0].getMessageID();
            String second = received[1].getMessageID();
            assertThat(first).matches("<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@example\\.org>");
            assertThat(second).matches("<[0-9a-f-]{36}@example\\.org>").isNotEqualTo(first);
        }

        @Test
        @DisplayName("one mailer serves many threads at once, every message delivered once")
        void servesManyThreads() throws Exception {
            SmtpMailer mailer = toGreenMail().build();
            Thread[] threads = new Thread[6];
            MailException[] failures = new MailException[threads.length];
            for (int t = 0; t < threads.length; t++) {
                int thread = t;
                threads[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < 4; i++) {
                            mailer.send(notification("reader" + thread + "@example.net", "Reply " + i));
                        }
                    } catch (MailException e) {
                        failures[thread] = e;
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(failures).containsOnlyNulls();
            assertThat(greenMail.waitForIncomingEmail(10_000, 24)).isTrue();
            for (int t = 0; t < threads.length; t++) {
                String to = "reader" + t + "@example.net";
                assertThat(greenMail.getReceivedMessages()).filteredOn(m -> recipient(m).equals(to))
                        .extracting(MimeMessage::getSubject)
                        .containsExactlyInAnyOrder("Reply 0", "Reply 1", "Reply 2", "Reply 3");
            }
        }

        private static String recipient(MimeMessage message) {
            try {
                return message.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    @DisplayName("header injection")
    class HeaderInjection {

        @Test
        @DisplayName("a line break in the subject, a header value or the recipient is refused before any mailer")
        void lineBreaksAreRefusedByTheMessage() {
            assertThatThrownBy(() -> new MailMessage("reader@example.net", "Hi\r\nBcc: victim@example.com",
                    TEXT, HTML, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("subject must be one line");
            assertThatThrownBy(() -> new MailMessage("reader@example.net", "Hi", TEXT, HTML,
                    Map.of("List-Unsubscribe", "<https://x.example>\nBcc: victim@example.com")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("header List-Unsubscribe must be one line");
            assertThatThrownBy(() -> new MailMessage("reader@example.net\nBcc: victim@example.com", "Hi",
                    TEXT, HTML, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("to must be one line");
            assertThatThrownBy(() -> new MailMessage("reader@example.net", "Hi", TEXT, HTML,
                    Map.of("Bcc", "victim@example.com")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("header Bcc is set by the mailer, not the message");
        }

        @Test
        @DisplayName("a recipient field naming two addresses is refused and nothing is sent")
        void twoRecipientsAreRefused() {
            SmtpMailer mailer = toGreenMail().build();

            assertThatThrownBy(() -> mailer.send(notification("reader@example.net, victim@example.com", "Hi")))
                    .isInstanceOf(MailException.class)
                    .hasMessageStartingWith("the recipient is not one valid e-mail address: ");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Nested
    @DisplayName("a failure")
    class Failures {

        @Test
        @DisplayName("a server that is down is a MailException saying the connection failed")
        void serverDown() throws Exception {
            int port;
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = closed.getLocalPort();
            }
            SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                    .from("blog@example.org").connectTimeout(Duration.ofSeconds(2)).build();

            assertThatThrownBy(() -> mailer.send(notification("reader@example.net", "A reply")))
                    .isInstanceOf(MailException.class)
                    .hasMessageStartingWith("sending through SMTP server 127.0.0.1:" + port
                            + " failed: could not connect (Connection refused");
        }

        @Test
        @DisplayName("a server that accepts the connection and never answers is a MailException after the read timeout")
        void serverNeverAnswers() throws Exception {
            try (ScriptedSmtpServer silent = ScriptedSmtpServer.silent()) {
                SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(silent.port())
                        .security(SmtpSecurity.NONE).from("blog@example.org")
                        .readTimeout(Duration.ofMillis(300)).build();

                assertThatThrownBy(() -> mailer.send(notification("reader@example.net", "A reply")))
                        .isInstanceOf(MailException.class)
                        .hasMessage("sending through SMTP server 127.0.0.1:" + silent.port() + " failed: no answer "
                                + "within the timeout (connect 10000 ms, read 300 ms, write 10000 ms)");
            }
        }

        @Test
        @DisplayName("a recipient refused with 550 is a MailException quoting the server's answer")
        void recipientRefused() throws Exception {
            try (ScriptedSmtpServer refusing = ScriptedSmtpServer.refusingRecipients("550 5.1.1 no such mailbox")) {
                SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(refusing.port())
                        .security(SmtpSecurity.NONE).from("blog@example.org").build();

                assertThatThrownBy(() -> mailer.send(notification("reader@example.net", "A reply")))
                        .isInstanceOf(MailException.class)
                        .hasMessage("sending through SMTP server 127.0.0.1:" + refusing.port() + " failed: the server "
                                + "refused the recipient (550 5.1.1 no such mailbox)");
            }
        }

        @Test
        @DisplayName("STARTTLS required against a server that does not offer it is a MailException, nothing sent in plain")
        void startTlsRequiredButNotOffered() {
            SmtpMailer mailer = toGreenMail().security(SmtpSecurity.STARTTLS).build();

            assertThatThrownBy(() -> mailer.send(notification("reader@example.net", "A reply")))
                    .isInstanceOf(MailException.class)
                    .hasMessageContaining("STARTTLS is required but host does not support STARTTLS");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }
}
