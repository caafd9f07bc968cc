package dev.parley.core.notify;

import static dev.parley.core.notify.NotifyFixture.THREAD;
import static dev.parley.core.notify.NotifyFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.mail.MailMessage;
import dev.parley.storage.Comment;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.AddressState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptInTest {

    private final NotifyFixture f = new NotifyFixture();

    @Test
    void aNewAddressGetsOneConfirmationMailAndNoReplyUntilItConfirms() {
        Comment ann = f.post("Ann", "First!", null);
        assertThat(f.notifier.watch(ann)).isEqualTo(WatchResult.CONFIRMATION_SENT);
        f.post("Bob", "Hello Ann.", ann);
        f.advance(Duration.ofMinutes(10));

        assertThat(f.work()).isEqualTo(new WorkResult(1, 0, 0, 0));
        MailMessage confirmation = f.mailer.take().get(0);
        assertThat(confirmation.to()).isEqualTo("ann@example.org");
        assertThat(confirmation.subject()).isEqualTo("Confirm notifications from Blog");
        String confirmUrl = "https://blog.example/notify/confirm?token=" + encoded(token(confirmation, "confirm"));
        String refuseUrl = "https://blog.example/notify/unsubscribe?token="
                + encoded(token(confirmation, "unsubscribe"));
        assertThat(confirmation.headers()).containsExactly(
                Map.entry("List-Unsubscribe", "<" + refuseUrl + ">"),
                Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                Map.entry("Auto-Submitted", "auto-generated"));
        assertThat(confirmation.text()).isEqualTo("""
                Someone, hopefully you, asked Blog to e-mail ann@example.org when there are replies to their comments.

                To confirm, open this link (it works until 6 December 2026, 10:12 UTC):
                %s

                If you did not ask, ignore this mail: nothing will be sent. To refuse every mail from Blog:
                %s
                """.formatted(confirmUrl, refuseUrl));

        assertThat(f.notifier.confirmationFor(token(confirmation, "confirm"))).contains("ann@example.org");
        assertThat(f.notifier.confirm(token(confirmation, "confirm")))
                .hasValueSatisfying(a -> assertThat(a.state()).isEqualTo(AddressState.CONFIRMED));
        f.post("Cat", "After the confirmation.", ann);
        f.advance(Duration.ofMinutes(10));
        f.work();
        assertThat(f.mailer.take()).extracting(MailMessage::subject)
                .containsExactly("Cat replied to your comment on Blog");
    }

    @Test
    void aSecondWatchWhileTheLinkWorksSendsNoSecondConfirmation() {
        Comment first = f.post("Ann", "One.", null);
        Comment second = f.post("Ann", "Two.", null);
        assertThat(f.notifier.watch(first)).isEqualTo(WatchResult.CONFIRMATION_SENT);
        f.work();
        assertThat(f.notifier.watch(second)).isEqualTo(WatchResult.CONFIRMATION_PENDING);
        f.work();
        assertThat(f.mailer.sent()).hasSize(1);

        f.advance(Duration.ofDays(8));
        assertThat(f.notifier.watch(second)).isEqualTo(WatchResult.CONFIRMATION_SENT);
    }

    @Test
    void aConfirmedAddressNeedsNoNewConfirmationAndAnAddresslessCommentWatchesNothing() {
        f.postWatchedAndConfirm("Ann", "One.");
        Comment again = f.post("Ann", "Two.", null);
        assertThat(f.notifier.watch(again)).isEqualTo(WatchResult.CONFIRMED);
        f.work();
        assertThat(f.mailer.sent()).isEmpty();
    }

    @Test
    void aSpamCommentWatchesNothingAndMailsNoConfirmation() {
        NotifyFixture blocking = new NotifyFixture(n -> n, s -> s.blockWords(java.util.List.of("casino")));
        Comment spam = blocking.post("Ann", "Best casino here.", null);
        assertThat(spam.status()).isEqualTo(dev.parley.storage.Status.SPAM);

        assertThat(blocking.notifier.watch(spam)).isEqualTo(WatchResult.REFUSED);
        assertThat(blocking.work()).isEqualTo(WorkResult.NONE);
        assertThat(blocking.subscriptions.find("ann@example.org")).isEmpty();
        assertThat(blocking.subscriptions.watcher(spam.id())).isEmpty();
    }

    @Test
    void anExpiredOrAlteredConfirmationLinkConfirmsNothing() {
        Comment ann = f.post("Ann", "First!", null);
        f.notifier.watch(ann);
        f.work();
        String token = token(f.mailer.take().get(0), "confirm");

        assertThat(f.notifier.confirm(token.substring(0, token.length() - 2) + "AA")).isEmpty();
        assertThat(f.notifier.confirm("not-a-token")).isEmpty();
        f.advance(Duration.ofDays(7));
        assertThat(f.notifier.confirm(token)).isEmpty();
        assertThat(f.subscriptions.find("ann@example.org").orElseThrow().state()).isEqualTo(AddressState.UNCONFIRMED);
    }

    @Test
    void aTokenForOnePurposeOrAddressIsRefusedForAnother() {
        Comment ann = f.post("Ann", "First!", null);
        f.notifier.watch(ann);
        f.work();
        MailMessage confirmation = f.mailer.take().get(0);
        String confirm = token(confirmation, "confirm");
        String refuse = token(confirmation, "unsubscribe");

        assertThat(f.notifier.unsubscribeFor(confirm)).isEmpty();
        assertThat(f.notifier.confirmationFor(refuse)).isEmpty();
        assertThat(f.notifier.moderatorLinkFor(refuse)).isEmpty();
        String[] parts = refuse.split("\\.");
        String otherAddress = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("bob@example.org".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(f.notifier.unsubscribe(parts[0] + "." + otherAddress + "." + parts[2])).isEmpty();
        assertThat(f.subscriptions.find("bob@example.org")).isEmpty();
    }

    @Test
    void threadUnsubscribeMutesOnlyThatThreadAndGlobalUnsubscribeStopsEverything() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("Bob", "Reply.", ann);
        f.advance(Duration.ofMinutes(10));
        f.work();
        MailMessage mail = f.mailer.take().get(0);

        assertThat(f.notifier.unsubscribe(token(mail, "unsubscribe")))
                .contains(new UnsubscribeRequest("ann@example.org", THREAD));
        assertThat(f.notifier.unsubscribe(token(mail, "unsubscribe")))
                .contains(new UnsubscribeRequest("ann@example.org", THREAD));
        assertThat(f.subscriptions.isMuted("ann@example.org", THREAD)).isTrue();
        assertThat(f.subscriptions.isMuted("ann@example.org", ThreadKey.of("other"))).isFalse();
        f.post("Cat", "Muted reply.", ann);
        f.advance(Duration.ofMinutes(10));
        assertThat(f.work()).isEqualTo(WorkResult.NONE);

        assertThat(f.notifier.unsubscribe(NotifyFixture.tokens(mail, "unsubscribe", 1)))
                .contains(new UnsubscribeRequest("ann@example.org", null));
        assertThat(f.subscriptions.find("ann@example.org").orElseThrow().state())
                .isEqualTo(AddressState.UNSUBSCRIBED);
        Comment later = f.post("Ann", "Watching again.", null);
        assertThat(f.notifier.watch(later)).isEqualTo(WatchResult.CONFIRMATION_SENT);
    }

    @Test
    void anUnsubscribeBetweenTheReplyAndTheWindowsEndDropsTheMail() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("Bob", "Reply.", ann);
        f.subscriptions.unsubscribeAll("ann@example.org", f.clock.instant());
        f.advance(Duration.ofMinutes(10));

        assertThat(f.work()).isEqualTo(new WorkResult(0, 0, 0, 1));
        assertThat(f.mailer.sent()).isEmpty();
    }

    private static String encoded(String token) {
        return java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    }
}
