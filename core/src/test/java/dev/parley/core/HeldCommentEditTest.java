package dev.parley.core;

import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.content.InputFormat;
import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An author's edit runs the moderation pipeline again and stores its reason, without publishing held comments. */
class HeldCommentEditTest {

    private final Fixture f = new Fixture(s -> s.holdWords(List.of("casino")).blockWords(List.of("viagra")));

    @Test
    void heldCommentEditedIntoCleanTextStaysHeldWithTheNewReason() {
        PostResult.Accepted held = f.acceptedResult(by("Ann", "Casino night was fun"));
        assertThat(held.comment().moderationReason()).isEqualTo("held: matched hold word \"casino\" in text");

        Comment edited = edit(held, "Quiz night was fun");

        assertThat(edited.status()).isEqualTo(Status.PENDING);
        assertThat(edited.moderationReason())
                .isEqualTo("held: edited while awaiting moderation; before the edit: held: matched hold word "
                        + "\"casino\" in text; rules on the new text: approved: no rule objected");
        assertThat(f.service.moderationQueue(dev.parley.storage.PageRequest.first(
                dev.parley.storage.Order.OLDEST_FIRST, 10)).items())
                .extracting(Comment::moderationReason)
                .containsExactly(edited.moderationReason());
    }

    @Test
    void heldCommentEditedIntoABlockWordBecomesSpamWithTheBlockReason() {
        PostResult.Accepted held = f.acceptedResult(by("Ann", "Casino night was fun"));

        Comment edited = edit(held, "Cheap viagra here");

        assertThat(edited.status()).isEqualTo(Status.SPAM);
        assertThat(edited.moderationReason()).isEqualTo("spam: matched block word \"viagra\" in text");
    }

    @Test
    void heldCommentEditedIntoAnotherHoldWordIsHeldForTheNewText() {
        Fixture two = new Fixture(s -> s.holdWords(List.of("casino", "lottery")));
        PostResult.Accepted held = two.acceptedResult(by("Ann", "Casino night was fun"));

        Comment edited = ((EditResult.Done) two.service.editByAuthor(held.comment().id(), held.editToken(),
                "Lottery night was fun", InputFormat.PLAIN_TEXT)).comment();

        assertThat(edited.status()).isEqualTo(Status.PENDING);
        assertThat(edited.moderationReason()).isEqualTo("held: matched hold word \"lottery\" in text");
    }

    @Test
    void commentHeldByAModeratorStaysHeldWhenEditedIntoCleanText() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "Plain words"));
        f.service.hold(posted.comment().id());

        Comment edited = edit(posted, "Other plain words");

        assertThat(edited.status()).isEqualTo(Status.PENDING);
        assertThat(edited.moderationReason()).isEqualTo("held: edited while awaiting moderation; before the edit: "
                + "held by a moderator; rules on the new text: approved: no rule objected");
    }

    @Test
    void secondEditOfAHeldCommentKeepsWhyItWasFirstHeld() {
        PostResult.Accepted held = f.acceptedResult(by("Ann", "Casino night was fun"));
        edit(held, "Quiz night was fun");

        Comment again = edit(held, "Quiz night was great fun");

        assertThat(again.status()).isEqualTo(Status.PENDING);
        assertThat(again.moderationReason()).isEqualTo("held: edited while awaiting moderation; before the edit: "
                + "held: matched hold word \"casino\" in text; rules on the new text: approved: no rule objected");
    }

    @Test
    void publishedCommentEditedIntoCleanTextStaysPublishedWithTheNewReason() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "Plain words"));
        f.service.hold(posted.comment().id());
        f.service.approve(posted.comment().id());

        Comment edited = edit(posted, "Other plain words");

        assertThat(edited.status()).isEqualTo(Status.APPROVED);
        assertThat(edited.moderationReason()).isEqualTo("approved: no rule objected");
    }

    @Test
    void publishedCommentEditedIntoAHoldWordIsHeld() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "Plain words"));

        Comment edited = edit(posted, "Casino words");

        assertThat(edited.status()).isEqualTo(Status.PENDING);
        assertThat(edited.moderationReason()).isEqualTo("held: matched hold word \"casino\" in text");
    }

    private Comment edit(PostResult.Accepted posted, String text) {
        return ((EditResult.Done) f.service.editByAuthor(posted.comment().id(), posted.editToken(), text,
                InputFormat.PLAIN_TEXT)).comment();
    }
}
