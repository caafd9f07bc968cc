package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A page reads a bounded number of replies per root and in all; the rest is behind exact "more" cursors. */
class BoundedRepliesTest {

    private final Fixture f = new Fixture(s -> s.floodInterval(Duration.ZERO).repliesPerRoot(3).repliesPerPage(5));

    private List<Comment> replies(Comment root, int n) {
        List<Comment> made = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            made.add(f.accepted(by("R" + i, root.text() + "." + i).inReplyTo(root.id())));
        }
        return made;
    }

    private ThreadPage page(Viewer viewer) {
        return f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, viewer);
    }

    @Nested
    class ThreadPages {

        @Test
        void aRootShowsItsOldestRepliesUpToTheCapAndCountsTheRest() {
            Comment root = f.accepted(by("Ann", "a"));
            List<Comment> made = replies(root, 5);

            ThreadNode node = page(Viewer.anonymous()).roots().get(0);

            assertThat(node.replies()).extracting(ThreadNode::comment).containsExactlyElementsOf(made.subList(0, 3));
            MoreReplies more = node.moreReplies().orElseThrow();
            assertThat(more.count()).isEqualTo(2);
            assertThat(more.cursor()).isEqualTo(new ReplyCursor(Cursor.after(made.get(2)), 3));
        }

        @Test
        void aRootWithExactlyTheCapHasNoMarker() {
            Comment root = f.accepted(by("Ann", "a"));
            replies(root, 3);

            ThreadNode node = page(Viewer.anonymous()).roots().get(0);

            assertThat(node.replies()).hasSize(3);
            assertThat(node.moreReplies()).isEmpty();
        }

        @Test
        void thePageBudgetCutsLaterRootsAndTheirCursorStartsAtTheirFirstReply() {
            Comment a = f.accepted(by("Ann", "a"));
            Comment b = f.accepted(by("Bob", "b"));
            Comment c = f.accepted(by("Cat", "c"));
            replies(a, 3);
            List<Comment> ofB = replies(b, 3);
            List<Comment> ofC = replies(c, 2);

            ThreadPage page = page(Viewer.anonymous());

            assertThat(page.size()).isEqualTo(3 + 5);
            assertThat(page.roots().get(0).moreReplies()).isEmpty();
            assertThat(page.roots().get(1).replies()).extracting(ThreadNode::comment)
                    .containsExactlyElementsOf(ofB.subList(0, 2));
            assertThat(page.roots().get(1).moreReplies()).contains(
                    new MoreReplies(1, new ReplyCursor(Cursor.after(ofB.get(1)), 2)));
            assertThat(page.roots().get(2).replies()).isEmpty();
            assertThat(page.roots().get(2).moreReplies()).contains(new MoreReplies(2, ReplyCursor.START));
            ReplyPage rest = f.service.replies(c.id(), ReplyCursor.START, Viewer.anonymous()).orElseThrow();
            assertThat(rest.replies()).extracting(ThreadNode::comment).containsExactlyElementsOf(ofC);
            assertThat(rest.more()).isEmpty();
            assertThat(page.counts().approved()).isEqualTo(3 + 8);
        }

        @Test
        void theCountLeavesOutHeldRepliesExceptForAModerator() {
            Comment root = f.accepted(by("Ann", "a"));
            List<Comment> made = replies(root, 6);
            f.service.hold(made.get(4).id());

            assertThat(page(Viewer.anonymous()).roots().get(0).moreReplies().orElseThrow().count()).isEqualTo(2);
            assertThat(page(Viewer.forModerator()).roots().get(0).moreReplies().orElseThrow().count()).isEqualTo(3);
        }

        @Test
        void aDeletedRootWhoseVisibleRepliesAreAllPastTheBudgetStaysAsAPlaceholderWithItsMarker() {
            Comment a = f.accepted(by("Ann", "a"));
            Comment gone = f.accepted(by("Bob", "b"));
            replies(a, 3);
            f.accepted(by("Cat", "c1").inReplyTo(gone.id()));
            f.accepted(by("Cat", "c2").inReplyTo(gone.id()));
            f.accepted(by("Cat", "c3").inReplyTo(gone.id()));
            f.service.delete(gone.id());
            ThreadPage page = page(Viewer.anonymous());

            assertThat(page.roots()).hasSize(2);
            ThreadNode placeholder = page.roots().get(1);
            assertThat(placeholder.placeholder()).isTrue();
            assertThat(placeholder.replies()).hasSize(2);
            assertThat(placeholder.moreReplies().orElseThrow().count()).isEqualTo(1);
        }
    }

    @Nested
    class ReplyPages {

        @Test
        void followingTheCursorsShowsEveryReplyExactlyOnce() {
            Comment root = f.accepted(by("Ann", "root"));
            List<CommentId> all = new ArrayList<>();
            List<Comment> parents = new ArrayList<>(List.of(root));
            for (int i = 1; i <= 23; i++) {
                // A spread of parents: the root, recent replies and old ones, so cuts fall inside branches.
                Comment parent = parents.get((i * 7) % parents.size());
                Comment reply = f.accepted(by("R" + i, "r" + i).inReplyTo(parent.id()));
                all.add(reply.id());
                parents.add(reply);
            }

            ThreadNode first = page(Viewer.anonymous()).roots().get(0);
            List<CommentId> seen = new ArrayList<>();
            collect(first.replies(), seen);
            MoreReplies more = first.moreReplies().orElse(null);
            int pages = 1;
            while (more != null) {
                assertThat(more.count()).isEqualTo(all.size() - seen.size());
                ReplyPage next = f.service.replies(root.id(), more.cursor(), Viewer.anonymous()).orElseThrow();
                assertThat(next.size()).isLessThanOrEqualTo(5);
                for (ThreadNode top : next.replies()) {
                    assertThat(next.inReplyTo(top)).isPresent();
                }
                collect(next.replies(), seen);
                more = next.moreReplies();
                pages++;
            }

            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            assertThat(pages).isEqualTo(1 + 4);
        }

        @Test
        void aReplyWhoseParentIsOnAnEarlierPageIsTopLevelWithItsParent() {
            Comment root = f.accepted(by("Ann", "root"));
            List<Comment> made = replies(root, 3);
            Comment late = f.accepted(by("Dan", "late").inReplyTo(made.get(0).id()));
            Comment later = f.accepted(by("Eve", "later").inReplyTo(late.id()));

            ReplyCursor cursor = page(Viewer.anonymous()).roots().get(0).moreReplies().orElseThrow().cursor();
            ReplyPage rest = f.service.replies(root.id(), cursor, Viewer.anonymous()).orElseThrow();

            assertThat(rest.root().comment()).isEqualTo(root);
            assertThat(rest.replies()).hasSize(1);
            ThreadNode top = rest.replies().get(0);
            assertThat(top.comment()).isEqualTo(late);
            assertThat(rest.inReplyTo(top)).contains(made.get(0));
            assertThat(top.replies()).extracting(ThreadNode::comment).containsExactly(later);
        }

        @Test
        void heldRepliesShowOnlyToTheirAuthorAndModerators() {
            Fixture held = new Fixture(s -> s.floodInterval(Duration.ZERO).repliesPerRoot(1).repliesPerPage(5)
                    .moderateAll(true));
            Comment root = held.accepted(by("Ann", "root"));
            held.service.approve(root.id());
            held.service.approve(held.accepted(by("Bob", "one").inReplyTo(root.id())).id());
            PostResult.Accepted mine = held.acceptedResult(by("Cat", "mine").inReplyTo(root.id()));
            Viewer cat = Viewer.withTokens(Set.of(mine.editToken()));

            ReplyCursor anonymous = held.service.page(THREAD, Order.OLDEST_FIRST, null, 5, Viewer.anonymous())
                    .roots().get(0).moreReplies().map(MoreReplies::cursor).orElse(null);
            MoreReplies forCat = held.service.page(THREAD, Order.OLDEST_FIRST, null, 5, cat)
                    .roots().get(0).moreReplies().orElseThrow();

            assertThat(anonymous).isNull();
            assertThat(forCat.count()).isZero();
            assertThat(held.service.replies(root.id(), forCat.cursor(), cat).orElseThrow().replies())
                    .extracting(n -> n.comment().id()).containsExactly(mine.comment().id());
            assertThat(held.service.replies(root.id(), forCat.cursor(), Viewer.anonymous()).orElseThrow().replies())
                    .isEmpty();
            assertThat(held.service.replies(root.id(), forCat.cursor(), Viewer.forModerator()).orElseThrow()
                    .replies()).extracting(n -> n.comment().id()).containsExactly(mine.comment().id());
        }

        @Test
        void aReplyBelowAHeldReplyOnAnEarlierPageStaysHidden() {
            Comment root = f.accepted(by("Ann", "root"));
            List<Comment> made = replies(root, 3);
            f.accepted(by("Dan", "visible").inReplyTo(root.id()));
            f.accepted(by("Eve", "below held").inReplyTo(made.get(2).id()));
            f.service.hold(made.get(2).id());

            MoreReplies more = page(Viewer.forModerator()).roots().get(0).moreReplies().orElseThrow();
            ReplyPage anonymous = f.service.replies(root.id(), more.cursor(), Viewer.anonymous()).orElseThrow();
            ReplyPage moderator = f.service.replies(root.id(), more.cursor(), Viewer.forModerator()).orElseThrow();

            assertThat(anonymous.replies()).extracting(n -> n.comment().text()).containsExactly("visible");
            assertThat(moderator.replies()).extracting(n -> n.comment().text())
                    .containsExactly("visible", "below held");
        }

        @Test
        void aDeletedReplyIsAPlaceholderOnlyAboveAVisibleReplyOfThePage() {
            Comment root = f.accepted(by("Ann", "root"));
            replies(root, 3);
            Comment gone = f.accepted(by("Dan", "gone").inReplyTo(root.id()));
            f.accepted(by("Eve", "answer").inReplyTo(gone.id()));
            Comment alone = f.accepted(by("Fay", "alone").inReplyTo(root.id()));
            f.service.delete(gone.id());
            f.service.delete(alone.id());

            MoreReplies more = page(Viewer.anonymous()).roots().get(0).moreReplies().orElseThrow();
            ReplyPage rest = f.service.replies(root.id(), more.cursor(), Viewer.anonymous()).orElseThrow();

            assertThat(more.count()).isEqualTo(1);
            assertThat(rest.replies()).hasSize(1);
            assertThat(rest.replies().get(0).placeholder()).isTrue();
            assertThat(rest.replies().get(0).comment().text()).isEmpty();
            assertThat(rest.replies().get(0).replies()).extracting(n -> n.comment().text()).containsExactly("answer");
        }

        @Test
        void aReplyIsNoRootAndAnUnknownOrHiddenRootHasNoPage() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment reply = f.accepted(by("Bob", "reply").inReplyTo(root.id()));
            Comment held = f.accepted(by("Cat", "held"));
            f.service.hold(held.id());

            assertThat(f.service.replies(reply.id(), null, Viewer.anonymous())).isEmpty();
            assertThat(f.service.replies(CommentId.of("nope"), null, Viewer.anonymous())).isEmpty();
            assertThat(f.service.replies(held.id(), null, Viewer.anonymous())).isEmpty();
            assertThat(f.service.replies(held.id(), null, Viewer.forModerator())).isPresent();
            assertThat(f.service.replies(root.id(), null, Viewer.anonymous()).orElseThrow().replies())
                    .extracting(ThreadNode::comment).containsExactly(reply);
        }
    }

    @Nested
    class Bounds {

        @Test
        void aRootWithTwoThousandRepliesCostsAPageTheCapAndFourReads() {
            DelegatingStore counting = new DelegatingStore(new InMemoryCommentStore());
            CommentService service = CommentService.builder().store(counting).tokenSecret(Fixture.SECRET)
                    .renderer(new TestRenderer()).clock(f.clock).settings(Settings.builder()
                            .floodInterval(Duration.ZERO).holdNewAuthors(false).build()).build();
            Comment root = ((PostResult.Accepted) service.post(by("Ann", "root").build())).comment();
            for (int i = 0; i < 2_000; i++) {
                f.clock.advance(Duration.ofSeconds(1));
                service.post(by("R" + i, "reply " + i).inReplyTo(root.id()).build());
            }
            counting.calls.clear();

            ThreadPage page = service.page(THREAD, Order.OLDEST_FIRST, null, 20, Viewer.anonymous());

            assertThat(page.size()).isEqualTo(1 + 50);
            assertThat(page.counts().approved()).isEqualTo(2_001);
            assertThat(counting.calls).containsExactly("roots", "firstReplies", "replyCounts", "counts");
            MoreReplies more = page.roots().get(0).moreReplies().orElseThrow();
            assertThat(more.count()).isEqualTo(1_950);

            counting.calls.clear();
            ReplyPage next = service.replies(root.id(), more.cursor(), Viewer.anonymous()).orElseThrow();

            assertThat(next.size()).isEqualTo(250);
            assertThat(next.moreReplies().count()).isEqualTo(1_700);
            assertThat(counting.calls).containsExactly("find", "replyPage", "replyCounts");
        }
    }

    @Nested
    class Cursors {

        @Test
        void aTokenReadsBack() {
            ReplyCursor cursor = new ReplyCursor(new Cursor(Instant.parse("2026-11-29T10:00:00.000123Z"),
                    CommentId.of("c9")), 50);

            assertThat(cursor.token()).isEqualTo("50.1795946400.000123.c9");
            assertThat(ReplyCursor.parse(cursor.token())).isEqualTo(cursor);
            assertThat(ReplyCursor.parse("0")).isEqualTo(ReplyCursor.START);
        }

        @Test
        void aMalformedTokenIsRejected() {
            for (String bad : List.of("", ".1.000000.c1", "x.1764410400.000123.c9", "5.nonsense", "-1")) {
                assertThatThrownBy(() -> ReplyCursor.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void settingsRejectAPerRootCapAboveThePageCap() {
            assertThatThrownBy(() -> Settings.builder().repliesPerRoot(300).repliesPerPage(250).build())
                    .hasMessageContaining("repliesPerRoot must not exceed repliesPerPage");
            assertThatThrownBy(() -> Settings.builder().repliesPerRoot(0).repliesPerPage(1_001).build())
                    .hasMessageContaining("repliesPerRoot must be between 1 and 1000, was 0")
                    .hasMessageContaining("repliesPerPage must be between 1 and 1000, was 1001");
            assertThat(Settings.defaults().repliesPerRoot()).isEqualTo(50);
            assertThat(Settings.defaults().repliesPerPage()).isEqualTo(250);
        }
    }

    private static void collect(List<ThreadNode> nodes, List<CommentId> into) {
        for (ThreadNode node : nodes) {
            if (!node.placeholder()) {
                into.add(node.comment().id());
            }
            collect(node.replies(), into);
        }
    }
}
