package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.content.InputFormat;
import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorChangesTest {

    private final List<String> events = new java.util.ArrayList<>();
    private final Fixture f = new Fixture(s -> s, b -> b.listener(new CommentListener() {
        @Override
        public void onEdited(Comment before, Comment after) {
            events.add("edited " + before.text() + " -> " + after.text());
        }

        @Override
        public void onDeletedByAuthor(Comment before, Comment after) {
            events.add("deleted " + before.status() + " -> " + after.status());
        }
    }));

    @Test
    void authorEditsWithTheTokenInsideTheWindow() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "teh typo"));
        f.clock.advance(Duration.ofMinutes(14));

        EditResult result = f.service.editByAuthor(posted.comment().id(), posted.editToken(), "the typo",
                InputFormat.PLAIN_TEXT);

        Comment edited = ((EditResult.Done) result).comment();
        assertThat(edited.text()).isEqualTo("the typo");
        assertThat(edited.html()).isEqualTo("<p>the typo</p>");
        assertThat(edited.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(edited.status()).isEqualTo(Status.APPROVED);
        assertThat(edited.version()).isEqualTo(1);
        assertThat(events).containsExactly("edited teh typo -> the typo");
    }

    @Test
    void editedTextIsCleanedOfControlCharactersLikeNewText() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "text"));

        EditResult result = f.service.editByAuthor(posted.comment().id(), posted.editToken(), "ne\u0000w \uDE00",
                InputFormat.PLAIN_TEXT);

        assertThat(((EditResult.Done) result).comment().text()).isEqualTo("new \uFFFD");
    }

    @Test
    void editAfterTheWindowIsRefused() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "text"));
        f.clock.advance(Duration.ofMinutes(15));

        assertThat(f.service.editByAuthor(posted.comment().id(), posted.editToken(), "new", InputFormat.PLAIN_TEXT))
                .isEqualTo(new EditResult.Rejected(RejectCode.EDIT_WINDOW_CLOSED, null,
                        "The time to edit this comment has passed."));
    }

    @Test
    void editWindowIsASetting() {
        Fixture longer = new Fixture(s -> s.editWindow(Duration.ofHours(1)));
        PostResult.Accepted posted = longer.acceptedResult(by("Ann", "text"));
        longer.clock.advance(Duration.ofMinutes(59));

        assertThat(longer.service.editByAuthor(posted.comment().id(), posted.editToken(), "new", InputFormat.PLAIN_TEXT))
                .isInstanceOf(EditResult.Done.class);
    }

    @Test
    void forgedOrForeignTokensAreRefused() {
        PostResult.Accepted mine = f.acceptedResult(by("Ann", "mine"));
        PostResult.Accepted theirs = f.acceptedResult(by("Bob", "theirs"));
        String value = mine.editToken().value();
        String forged = value.substring(0, value.length() - 2) + (value.endsWith("AA") ? "BB" : "AA");
        // A longer expiry with the old signature must not pass either.
        String[] parts = value.split("\\.");
        String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];

        for (EditToken bad : List.of(new EditToken(forged), new EditToken(extended), new EditToken("garbage"),
                theirs.editToken())) {
            assertThat(f.service.editByAuthor(mine.comment().id(), bad, "x", InputFormat.PLAIN_TEXT))
                    .isEqualTo(new EditResult.Rejected(RejectCode.BAD_TOKEN, null, "You cannot change this comment."));
        }
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "text"));
        Fixture other = new Fixture(s -> s, b -> b.tokenSecret("another secret that is long enough to be used!!"));
        PostResult.Accepted foreign = other.acceptedResult(by("Ann", "text"));

        assertThat(foreign.comment().id()).isEqualTo(posted.comment().id());
        assertThat(f.service.editByAuthor(posted.comment().id(), foreign.editToken(), "x", InputFormat.PLAIN_TEXT))
                .extracting(r -> ((EditResult.Rejected) r).code()).isEqualTo(RejectCode.BAD_TOKEN);
    }

    @Test
    void noEditOnceSomeoneReplied() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "question"));
        f.accepted(by("Bob", "answer").inReplyTo(posted.comment().id()));

        assertThat(f.service.editByAuthor(posted.comment().id(), posted.editToken(), "changed", InputFormat.PLAIN_TEXT))
                .extracting(r -> ((EditResult.Rejected) r).code()).isEqualTo(RejectCode.HAS_REPLIES);
        assertThat(f.service.deleteByAuthor(posted.comment().id(), posted.editToken()))
                .extracting(r -> ((EditResult.Rejected) r).code()).isEqualTo(RejectCode.HAS_REPLIES);
    }

    @Test
    void editIsModeratedAgainButNeverPublishesAHeldComment() {
        Fixture strict = new Fixture(s -> s.holdNewAuthors(true));
        PostResult.Accepted held = strict.acceptedResult(by("Ann", "hello"));
        assertThat(held.status()).isEqualTo(Status.PENDING);

        Comment edited = ((EditResult.Done) strict.service.editByAuthor(held.comment().id(), held.editToken(),
                "hello again", InputFormat.PLAIN_TEXT)).comment();

        assertThat(edited.status()).isEqualTo(Status.PENDING);
        assertThat(edited.moderationReason()).isEqualTo("held: edited while awaiting moderation; before the edit: "
                + "held: author has no approved comment; rules on the new text: approved: no rule objected");
    }

    @Test
    void editAddingTooManyLinksHoldsAnApprovedComment() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "plain"));

        Comment edited = ((EditResult.Done) f.service.editByAuthor(posted.comment().id(), posted.editToken(),
                "<a href=\"https://a.example\">a</a><a href=\"https://b.example\">b</a>", InputFormat.HTML)).comment();

        assertThat(edited.status()).isEqualTo(Status.PENDING);
        assertThat(edited.moderationReason()).isEqualTo("held: 2 links, limit 2");
    }

    @Test
    void emptyEditIsRejectedWithTheField() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "text"));

        assertThat(f.service.editByAuthor(posted.comment().id(), posted.editToken(), " ", InputFormat.PLAIN_TEXT))
                .isEqualTo(new EditResult.Rejected(RejectCode.EMPTY, InputField.TEXT, "Please type a comment."));
    }

    @Test
    void authorDeletesALeafWhichLeavesTheThread() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "regret"));
        f.accepted(by("Bob", "other"));

        Comment deleted = ((EditResult.Done) f.service.deleteByAuthor(posted.comment().id(), posted.editToken()))
                .comment();

        assertThat(deleted.status()).isEqualTo(Status.DELETED);
        assertThat(deleted.moderationReason()).isEqualTo("deleted by author");
        assertThat(events).containsExactly("deleted APPROVED -> DELETED");
        assertThat(Outline.of(f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous())))
                .isEqualTo("Bob: other\n");
        assertThat(f.service.deleteByAuthor(posted.comment().id(), posted.editToken()))
                .extracting(r -> ((EditResult.Rejected) r).code()).isEqualTo(RejectCode.NOT_FOUND);
    }

    @Test
    void moderatorEditsAtAnyTime() {
        Comment c = f.accepted(by("Ann", "old"));
        f.accepted(by("Bob", "reply").inReplyTo(c.id()));
        f.clock.advance(Duration.ofDays(400));

        Comment edited = ((EditResult.Done) f.service.editAsModerator(c.id(), "[edited by moderator]",
                InputFormat.PLAIN_TEXT)).comment();

        assertThat(edited.text()).isEqualTo("[edited by moderator]");
        assertThat(f.service.editAsModerator(CommentId.of("missing"), "x", InputFormat.PLAIN_TEXT))
                .extracting(r -> ((EditResult.Rejected) r).code()).isEqualTo(RejectCode.NOT_FOUND);
    }
}
