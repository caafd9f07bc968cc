package dev.parley.core;

import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.content.InputFormat;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which comments a viewer's edit tokens open, for pages that keep the tokens in a cookie. */
class EditTokenLookupTest {

    private final Fixture f = new Fixture();

    @Test
    void editableUntilListsTheCommentsOfGenuineTokensWithTheirWindowEnd() {
        PostResult.Accepted first = f.acceptedResult(by("Ann", "first"));
        Instant firstEnd = f.clock.instant().plus(Duration.ofMinutes(15));
        PostResult.Accepted second = f.acceptedResult(by("Ann", "second"));
        Instant secondEnd = f.clock.instant().plus(Duration.ofMinutes(15));
        Viewer viewer = Viewer.withTokens(Set.of(first.editToken(), second.editToken(), new EditToken("c9.1.forged")));

        assertThat(f.service.editableUntil(viewer)).isEqualTo(Map.of(
                first.comment().id(), firstEnd, second.comment().id(), secondEnd));
    }

    @Test
    void editableUntilDropsACommentOnceItsWindowCloses() {
        PostResult.Accepted first = f.acceptedResult(by("Ann", "first"));
        PostResult.Accepted second = f.acceptedResult(by("Ann", "second"));
        Viewer viewer = Viewer.withTokens(Set.of(first.editToken(), second.editToken()));

        f.clock.advance(Duration.ofMinutes(14));

        assertThat(f.service.editableUntil(viewer)).containsOnlyKeys(second.comment().id());
    }

    @Test
    void changeableUntilLeavesOutACommentAnsweredByAHeldReply() {
        PostResult.Accepted answered = f.acceptedResult(by("Ann", "answered"));
        PostResult.Accepted alone = f.acceptedResult(by("Ann", "alone"));
        Comment reply = f.accepted(by("Bob", "a reply").inReplyTo(answered.comment().id()));
        f.service.hold(reply.id());
        Viewer viewer = Viewer.withTokens(Set.of(answered.editToken(), alone.editToken()));

        assertThat(f.service.editableUntil(viewer)).containsOnlyKeys(answered.comment().id(), alone.comment().id());
        assertThat(f.service.changeableUntil(viewer)).containsOnlyKeys(alone.comment().id());
        assertThat(f.service.editByAuthor(answered.comment().id(), answered.editToken(), "changed",
                InputFormat.PLAIN_TEXT)).isInstanceOf(EditResult.Rejected.class);
    }

    @Test
    void changeableUntilLeavesOutADeepestCommentAnsweredBesideIt() {
        CommentId parent = null;
        for (int level = 0; level < f.service.settings().maxDepth(); level++) {
            parent = f.accepted(by("Bob", "level " + level).inReplyTo(parent)).id();
        }
        PostResult.Accepted deepest = f.acceptedResult(by("Ann", "deepest").inReplyTo(parent));
        Viewer viewer = Viewer.withTokens(Set.of(deepest.editToken()));
        assertThat(f.service.changeableUntil(viewer)).containsOnlyKeys(deepest.comment().id());

        Comment beside = f.accepted(by("Bob", "beside").inReplyTo(deepest.comment().id()));

        assertThat(beside.parentId()).isEqualTo(parent);
        assertThat(f.service.changeableUntil(viewer)).isEmpty();
    }

    @Test
    void changeableUntilLeavesOutADeletedComment() {
        PostResult.Accepted gone = f.acceptedResult(by("Ann", "gone"));
        f.service.delete(gone.comment().id());

        assertThat(f.service.changeableUntil(Viewer.withTokens(Set.of(gone.editToken())))).isEmpty();
    }

    @Test
    void editTokenFindsTheViewersTokenForAComment() {
        PostResult.Accepted mine = f.acceptedResult(by("Ann", "mine"));
        PostResult.Accepted other = f.acceptedResult(by("Ann", "other"));
        Viewer viewer = Viewer.withTokens(Set.of(mine.editToken(), other.editToken()));

        assertThat(f.service.editToken(mine.comment().id(), viewer)).contains(mine.editToken());
        assertThat(f.service.editToken(CommentId.of("c99"), viewer)).isEmpty();
    }

    @Test
    void editTokenKeepsAnExpiredTokenSoTheEditSaysTheWindowClosed() {
        PostResult.Accepted mine = f.acceptedResult(by("Ann", "mine"));
        f.clock.advance(Duration.ofHours(1));

        assertThat(f.service.editToken(mine.comment().id(), Viewer.withTokens(Set.of(mine.editToken()))))
                .contains(mine.editToken());
    }

    @Test
    void editTokenIgnoresAForeignTokenForTheSameId() {
        PostResult.Accepted mine = f.acceptedResult(by("Ann", "mine"));
        Fixture other = new Fixture(s -> s, b -> b.tokenSecret("another secret that is long enough to be used!!"));
        PostResult.Accepted foreign = other.acceptedResult(by("Eve", "hers"));

        assertThat(foreign.comment().id()).isEqualTo(mine.comment().id());
        assertThat(f.service.editToken(mine.comment().id(), Viewer.withTokens(Set.of(foreign.editToken()))))
                .isEmpty();
    }
}
