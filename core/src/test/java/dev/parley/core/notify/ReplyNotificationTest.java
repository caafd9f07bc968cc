package dev.parley.core.notify;

import static dev.parley.core.notify.NotifyFixture.THREAD;
import static dev.parley.core.notify.NotifyFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.content.InputFormat;
import dev.parley.core.mail.MailMessage;
import dev.parley.storage.Comment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyNotificationTest {

    private final NotifyFixture f = new NotifyFixture();

    @Test
    void replyToConfirmedWatcherIsMailedOnceTheWindowCloses() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("Bob", "Welcome, Ann.", ann);

        assertThat(f.work()).isEqualTo(WorkResult.NONE);
        f.advance(Duration.ofMinutes(10));
        assertThat(f.work()).isEqualTo(new WorkResult(1, 0, 0, 0));

        MailMessage mail = f.mailer.sent().get(0);
        String thread = "https://blog.example/notify/unsubscribe?token=" + urlToken(mail, 0);
        String all = "https://blog.example/notify/unsubscribe?token=" + urlToken(mail, 1);
        assertThat(mail.to()).isEqualTo("ann@example.org");
        assertThat(mail.subject()).isEqualTo("Bob replied to your comment on Blog");
        assertThat(mail.headers()).containsExactly(
                Map.entry("List-Unsubscribe", "<" + thread + ">"),
                Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                Map.entry("Auto-Submitted", "auto-generated"));
        assertThat(mail.text()).isEqualTo("""
                Bob replied to your comment of 29 November 2026, 10:01 UTC:

                > Welcome, Ann.

                Read it and answer: https://blog.example/posts/hello-world#c-c2

                -- \n\
                Stop mails about replies in this thread: %s
                Stop every mail from Blog: %s
                """.formatted(thread, all));
        assertThat(mail.html()).contains("<blockquote><p>Welcome, Ann.</p></blockquote>")
                .contains("<a href=\"https://blog.example/posts/hello-world#c-c2\">Read it and answer</a>")
                .contains("<a href=\"" + thread + "\">Stop mails about replies in this thread</a>");
        assertThat(f.notifier.unsubscribeFor(token(mail, "unsubscribe")))
                .contains(new UnsubscribeRequest("ann@example.org", THREAD));
        assertThat(f.notifier.unsubscribeFor(NotifyFixture.tokens(mail, "unsubscribe", 1)))
                .contains(new UnsubscribeRequest("ann@example.org", null));
    }

    @Test
    void repliesWithinTheWindowGoOutAsOneMailAndLaterOnesAsAnother() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("Bob", "One.", ann);
        f.post("Cat", "Two.", ann);
        f.post("Dan", "Three.", ann);
        f.advance(Duration.ofMinutes(10));

        assertThat(f.work()).isEqualTo(new WorkResult(1, 0, 0, 0));
        MailMessage batch = f.mailer.take().get(0);
        assertThat(batch.subject()).isEqualTo("3 new replies to your comments on Blog");
        assertThat(batch.text()).containsSubsequence("> One.", "> Two.", "> Three.");

        f.post("Eve", "Four.", ann);
        f.advance(Duration.ofMinutes(10));
        assertThat(f.work().sent()).isEqualTo(1);
        assertThat(f.mailer.take()).extracting(MailMessage::subject)
                .containsExactly("Eve replied to your comment on Blog");
    }

    @Test
    void ownReplyAndUnwatchedCommentsNotifyNobody() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        Comment bob = f.post("Bob", "Not watched.", null);
        f.post("Ann", "Replying to myself.", ann);
        f.post("Cat", "To Bob.", bob);
        f.advance(Duration.ofHours(1));

        assertThat(f.work()).isEqualTo(WorkResult.NONE);
        assertThat(f.mailer.sent()).isEmpty();
    }

    @Test
    void theMailCarriesTheSanitizedCommentNeverTheRawInput() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("Bob", "<p onclick=\"steal()\">Hi <b>Ann</b><script>alert(1)</script></p>", ann.id(), InputFormat.HTML);
        f.advance(Duration.ofMinutes(10));
        f.work();

        MailMessage mail = f.mailer.sent().get(0);
        assertThat(mail.html()).contains("<blockquote><p>Hi <b>Ann</b></p></blockquote>")
                .doesNotContain("script").doesNotContain("onclick");
        assertThat(mail.text()).contains("> Hi Ann\n").doesNotContain("script").doesNotContain("<b>");
    }

    @Test
    void anAuthorNameIsEscapedInTheHtmlBody() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("<i>Bob</i> & Co", "Hello.", ann);
        f.advance(Duration.ofMinutes(10));
        f.work();

        MailMessage mail = f.mailer.sent().get(0);
        assertThat(mail.html()).contains("<p>&lt;i&gt;Bob&lt;/i&gt; &amp; Co replied to your comment of");
        assertThat(mail.text()).startsWith("<i>Bob</i> & Co replied to your comment of");
    }

    @Test
    void aHeldReplyNotifiesWhenApproved() {
        NotifyFixture held = new NotifyFixture(n -> n, s -> s.moderateAll(true));
        Comment ann = held.postWatchedAndConfirm("Ann", "First!");
        held.service.approve(ann.id());
        Comment bob = held.post("Bob", "Held reply.", ann);
        held.advance(Duration.ofHours(1));
        assertThat(held.work()).isEqualTo(WorkResult.NONE);

        held.service.approve(bob.id());
        held.advance(Duration.ofMinutes(10));
        assertThat(held.work().sent()).isEqualTo(1);
        assertThat(held.mailer.sent()).extracting(MailMessage::to, MailMessage::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann@example.org",
                        "Bob replied to your comment on Blog"));
    }

    @Test
    void aReplyDeletedBeforeTheWindowClosesIsDropped() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        Comment bob = f.post("Bob", "Oops.", ann);
        f.service.delete(bob.id());
        f.advance(Duration.ofMinutes(10));

        assertThat(f.work()).isEqualTo(new WorkResult(0, 0, 0, 1));
        assertThat(f.mailer.sent()).isEmpty();
    }

    private static String urlToken(MailMessage mail, int index) {
        return java.net.URLEncoder.encode(NotifyFixture.tokens(mail, "unsubscribe", index),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
