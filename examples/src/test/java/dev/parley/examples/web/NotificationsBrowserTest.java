package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.mail.SmtpMailer;
import dev.parley.mail.SmtpSecurity;
import dev.parley.storage.CommentId;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Drives a real headless Chromium through reply notifications, with the demo mailing a real SMTP server in this
 * JVM (GreenMail): tick "notify me" on the comment form, confirm through the link in the mail, receive a reply
 * notification, and unsubscribe with one click, both as a mail provider's RFC 8058 POST and through the page.
 */
@DisplayName("A reader subscribes, confirms, gets a reply notification and unsubscribes in a real browser")
class NotificationsBrowserTest {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = startSmtp();
    private static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>]+/notify/([a-z]+)\\?token=[^\\s\"<>]+)");

    @RegisterExtension
    static final DemoInChromium SITE = new DemoInChromium(builder -> builder
            .mailer(SmtpMailer.builder().host("127.0.0.1").port(SMTP_PORT).security(SmtpSecurity.NONE)
                    .from("blog@blog.example").build())
            .notificationWindow(Duration.ZERO)
            .notificationPollInterval(Duration.ofMillis(100)));

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    @DisplayName("ticks notify me, confirms by the mailed link, gets the reply, unsubscribes with one click")
    void subscribesConfirmsIsNotifiedAndUnsubscribes() throws Exception {
        SITE.browser().get(SITE.demo().postUrl());
        WebElement form = SITE.browser().findElement(By.id("respond"));
        WebElement notify = form.findElement(By.name("notify"));
        assertThat(notify.isSelected()).as("notify me is off by default").isFalse();
        form.findElement(By.name("email")).sendKeys("reader@example.org");
        notify.click();
        String id = SITE.submit(form, "Mail Reader", "Tell me when someone answers.");

        MimeMessage confirmation = mail(1);
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(confirmation.getSubject()).isEqualTo("Confirm notifications from " + SITE.demo().server.blog().name());
        SITE.browser().get(link(text(confirmation), "confirm", 0));
        assertThat(SITE.browser().findElement(By.tagName("h1")).getText()).isEqualTo("Confirm notifications");
        SITE.screenshot("notify-confirm.png");
        SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.cssSelector("article.notify button")));
        assertThat(SITE.browser().findElement(By.tagName("h1")).getText()).isEqualTo("Notifications confirmed");

        PostResult reply = SITE.demo().server.comments().post(PostRequest.builder(SITE.demo().post().thread(),
                "Someone answers.").inReplyTo(CommentId.of(id)).author("Second Reader", null, null).build());
        assertThat(reply).isInstanceOf(PostResult.Accepted.class);
        MimeMessage notification = mail(2);
        assertThat(notification.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(notification.getSubject())
                .isEqualTo("Second Reader replied to your comment on " + SITE.demo().server.blog().name());
        assertThat(text(notification)).contains("> Someone answers.");
        assertThat(notification.getHeader("List-Unsubscribe-Post", ",")).isEqualTo("List-Unsubscribe=One-Click");
        String oneClick = notification.getHeader("List-Unsubscribe", ",");
        assertThat(oneClick).startsWith("<" + SITE.demo().base() + "/notify/unsubscribe?token=").endsWith(">");

        // What a mail provider sends for its unsubscribe button (RFC 8058): no cookie, no form token, no login.
        HttpResponse<String> provider = RunningDemo.client().send(HttpRequest.newBuilder(
                        URI.create(oneClick.substring(1, oneClick.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(provider.statusCode()).isEqualTo(200);
        assertThat(provider.body()).contains("No more mail about this thread goes to reader@example.org.");

        // And the reader's own click on "stop every mail": the page asks, one click does it.
        SITE.browser().get(link(text(notification), "unsubscribe", 1));
        assertThat(SITE.browser().findElement(By.cssSelector("article.notify p")).getText())
                .isEqualTo("Stop every mail to reader@example.org?");
        SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.cssSelector("article.notify button")));
        assertThat(SITE.browser().findElement(By.cssSelector("article.notify p")).getText())
                .isEqualTo("No more mail of any kind goes to reader@example.org.");
        SITE.screenshot("notify-unsubscribed.png");
    }

    /** Waits for the {@code count}th mail (the worker sends in the background) and returns it. */
    private static MimeMessage mail(int count) {
        assertThat(SMTP.waitForIncomingEmail(20_000, count)).as("mail #%s arrived", count).isTrue();
        return SMTP.getReceivedMessages()[count - 1];
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no text part");
    }

    private static String link(String text, String page, int index) {
        Matcher m = LINK.matcher(text);
        int found = 0;
        while (m.find()) {
            if (m.group(2).equals(page) && found++ == index) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + page + " link #" + index + " in:\n" + text);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
