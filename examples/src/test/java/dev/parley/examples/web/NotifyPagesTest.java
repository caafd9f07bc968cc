package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.mail.MailMessage;
import dev.parley.core.notify.WorkResult;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's "notify me" box and the pages behind the links in notification mails, over HTTP: a GET shows a
 * button and changes nothing (mail scanners fetch links), the POST acts, an RFC 8058 one-click POST works with no
 * cookie or form token, and a forged link answers 404. The worker is driven by the test, not by its timer.
 */
class NotifyPagesTest {

    private static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>]+/notify/([a-z]+)\\?token=([^\\s\"<>]+))");
    private static final List<MailMessage> SENT = new CopyOnWriteArrayList<>();
    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(b -> b.mailer(SENT::add).notificationWindow(Duration.ZERO)
                .notificationPollInterval(Duration.ofDays(1)));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theFormOffersTheBoxUntickedAndOnlyATickedBoxAsksForTheAddress() throws Exception {
        HttpClient client = RunningDemo.client();
        String page = RunningDemo.get(client, demo.postUrl()).body();
        assertThat(page).contains("<label class=\"notify\"><input type=\"checkbox\" name=\"notify\" value=\"on\">"
                + " Notify me of replies by e-mail (we send a link to confirm first)</label>");

        post(client, "Quiet Reader", "quiet@example.org", false);
        assertThat(work()).isEqualTo(WorkResult.NONE);
        post(client, "Keen Reader", "keen@example.org", true);
        assertThat(work()).isEqualTo(new WorkResult(1, 0, 0, 0));
        assertThat(SENT).extracting(MailMessage::to).contains("keen@example.org").doesNotContain("quiet@example.org");
    }

    @Test
    void aGetShowsTheButtonAndThePostConfirms() throws Exception {
        HttpClient client = RunningDemo.client();
        post(client, "Get Reader", "get@example.org", true);
        work();
        MailMessage confirmation = last("get@example.org");
        String url = link(confirmation, "confirm", 0);

        HttpResponse<String> shown = RunningDemo.get(client, url);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Send reply notifications to get@example.org?")
                .contains("<form method=\"post\" action=\"/notify/confirm\">");
        assertThat(demo.server.notifier().confirmationFor(token(confirmation, "confirm"))).contains("get@example.org");
        HttpResponse<String> again = RunningDemo.get(client, url);
        assertThat(again.body()).contains("Send reply notifications to get@example.org?");

        HttpResponse<String> done = RunningDemo.postForm(client, demo.base() + "/notify/confirm",
                Map.of("token", token(confirmation, "confirm")));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Replies to your comments will be mailed to get@example.org.");
    }

    @Test
    void aOneClickPostUnsubscribesWithNoCookieAndAForgedLinkIsRefused() throws Exception {
        HttpClient client = RunningDemo.client();
        post(client, "Click Reader", "click@example.org", true);
        work();
        MailMessage confirmation = last("click@example.org");
        String refuse = confirmation.headers().get("List-Unsubscribe");
        String target = refuse.substring(1, refuse.length() - 1);

        HttpResponse<String> oneClick = RunningDemo.send(HttpClient.newHttpClient(), target, "POST",
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("No more mail of any kind goes to click@example.org.");

        HttpResponse<String> forged = RunningDemo.get(client, demo.base() + "/notify/unsubscribe?token="
                + URLEncoder.encode(token(confirmation, "unsubscribe") + "x", StandardCharsets.UTF_8));
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("This link does not work");
        HttpResponse<String> wrongPage = RunningDemo.postForm(client, demo.base() + "/notify/confirm",
                Map.of("token", token(confirmation, "unsubscribe")));
        assertThat(wrongPage.statusCode()).isEqualTo(404);
    }

    private static void post(HttpClient client, String name, String email, boolean notify) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", name, "email", email,
                "text", "A comment by " + name + "."));
        if (notify) {
            fields.put("notify", "on");
        }
        HttpResponse<String> answer = RunningDemo.postForm(client, demo.postUrl(), fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    }

    private static WorkResult work() {
        return demo.server.notifier().runDue("test");
    }

    private static MailMessage last(String to) {
        return SENT.stream().filter(m -> m.to().equals(to)).reduce((a, b) -> b).orElseThrow();
    }

    private static String link(MailMessage mail, String page, int index) {
        Matcher m = matcher(mail, page, index);
        return m.group(1);
    }

    private static String token(MailMessage mail, String page) {
        return java.net.URLDecoder.decode(matcher(mail, page, 0).group(3), StandardCharsets.UTF_8);
    }

    private static Matcher matcher(MailMessage mail, String page, int index) {
        Matcher m = LINK.matcher(mail.text());
        int found = 0;
        while (m.find()) {
            if (m.group(2).equals(page) && found++ == index) {
                return m;
            }
        }
        throw new AssertionError("no " + page + " link #" + index + " in:\n" + mail.text());
    }
}
