package dev.parley.core.notify;

import static dev.parley.core.notify.NotifyFixture.MODERATOR;
import static dev.parley.core.notify.NotifyFixture.OWNER;
import static dev.parley.core.notify.NotifyFixture.THREAD;
import static dev.parley.core.notify.NotifyFixture.token;
import static dev.parley.core.notify.NotifyFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.ClientContext;
import dev.parley.core.LinkbackRequest;
import dev.parley.core.ModeratorAction;
import dev.parley.core.mail.MailMessage;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModeratorAndAuthorTest {

    private final NotifyFixture held = new NotifyFixture(
            n -> n.moderator(MODERATOR).moderator("Second@Blog.Example").postAuthors(t -> Optional.of(OWNER)),
            s -> s.moderateAll(true));

    @Test
    void aHeldCommentMailsEveryModeratorWithThreeLinks() {
        Comment bob = held.post("Bob", "Please approve.", null);
        assertThat(held.work()).isEqualTo(new WorkResult(2, 0, 0, 0));

        assertThat(held.mailer.sent()).extracting(MailMessage::to)
                .containsExactly(MODERATOR, "second@blog.example");
        MailMessage mail = held.mailer.sent().get(0);
        assertThat(mail.subject()).isEqualTo("Held for moderation on Blog: Bob");
        assertThat(mail.text()).startsWith("A comment by Bob waits for a moderator (held: every comment is moderated):"
                + "\n\n> Please approve.\n\nApprove: https://blog.example/notify/moderate?token=");
        assertThat(held.notifier.moderatorLinkFor(token(mail, "moderate")))
                .contains(new ModeratorLink(bob.id(), bob.version(), ModeratorAction.APPROVE,
                        held.clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(held.notifier.moderatorLinkFor(tokens(mail, "moderate", 1)).orElseThrow().action())
                .isEqualTo(ModeratorAction.SPAM);
        assertThat(held.notifier.moderatorLinkFor(tokens(mail, "moderate", 2)).orElseThrow().action())
                .isEqualTo(ModeratorAction.DELETE);
    }

    @Test
    void aModeratorLinkWorksOnceAndItsSiblingsNoMore() {
        Comment bob = held.post("Bob", "Please approve.", null);
        held.work();
        MailMessage mail = held.mailer.take().get(0);

        assertThat(held.notifier.moderate(token(mail, "moderate"), held.service))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(Status.APPROVED));
        assertThat(held.notifier.moderate(token(mail, "moderate"), held.service)).isEmpty();
        assertThat(held.notifier.moderate(tokens(mail, "moderate", 1), held.service)).isEmpty();
        assertThat(held.service.find(bob.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
    }

    @Test
    void anExpiredModeratorLinkDoesNothing() {
        Comment bob = held.post("Bob", "Please approve.", null);
        held.work();
        MailMessage mail = held.mailer.take().get(0);
        held.advance(Duration.ofDays(3));

        assertThat(held.notifier.moderate(tokens(mail, "moderate", 1), held.service)).isEmpty();
        assertThat(held.service.find(bob.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
    }

    @Test
    void theSpamLinkMarksSpamAndTheApprovedCommentThenReachesThePostAuthor() {
        Comment bob = held.post("Bob", "Buy things.", null);
        Comment cat = held.post("Cat", "A real comment.", null);
        held.work();
        MailMessage aboutBob = held.mailer.take().get(0);
        assertThat(held.notifier.moderate(tokens(aboutBob, "moderate", 1), held.service))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(Status.SPAM));

        held.service.approve(cat.id());
        held.work();
        assertThat(held.mailer.sent()).extracting(MailMessage::to, MailMessage::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OWNER, "New comment on Blog from Cat"));
        assertThat(held.service.find(bob.id()).orElseThrow().status()).isEqualTo(Status.SPAM);
    }

    @Test
    void aHeldMailIsDroppedWhenAnotherModeratorActedFirst() {
        Comment bob = held.post("Bob", "Please approve.", null);
        held.service.approve(bob.id());

        assertThat(held.work()).isEqualTo(new WorkResult(1, 0, 0, 2));
        assertThat(held.mailer.sent()).extracting(MailMessage::to).containsExactly(OWNER);
    }

    @Test
    void thePostAuthorHearsOfCommentsAndLinkbacksButNotOfTheirOwn() {
        NotifyFixture f = new NotifyFixture(n -> n.postAuthors(t -> Optional.of(" Owner@Example.ORG")), s -> s);
        f.post("Bob", "Nice post.", null);
        f.post("Owner", "Thanks, from the owner.", null);
        f.service.recordLinkback(new LinkbackRequest(THREAD, Kind.PINGBACK, "https://elsewhere.example/post",
                "A post elsewhere", "", null, ClientContext.none()));
        f.work();

        assertThat(f.mailer.sent()).extracting(MailMessage::to, MailMessage::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("owner@example.org", "New comment on Blog from Bob"),
                org.assertj.core.groups.Tuple.tuple("owner@example.org", "New pingback on Blog from A post elsewhere"));
        MailMessage linkback = f.mailer.sent().get(1);
        assertThat(linkback.text()).startsWith("""
                A post elsewhere wrote a new pingback on your post:

                From: https://elsewhere.example/post

                > A post elsewhere

                Read it: https://blog.example/posts/hello-world#c-c3
                """);
        assertThat(linkback.headers()).containsKeys("List-Unsubscribe", "List-Unsubscribe-Post");
    }

    @Test
    void aPostAuthorWhoUnsubscribedHearsNoMore() {
        NotifyFixture f = new NotifyFixture(n -> n.postAuthors(t -> Optional.of(OWNER)), s -> s);
        f.post("Bob", "Nice post.", null);
        f.work();
        f.notifier.unsubscribe(tokens(f.mailer.take().get(0), "unsubscribe", 1));
        f.post("Cat", "Another.", null);

        assertThat(f.work()).isEqualTo(new WorkResult(0, 0, 0, 1));
        assertThat(f.mailer.sent()).isEmpty();
    }
}
