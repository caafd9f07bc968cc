package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadingTest {

    private final Fixture f = new Fixture(s -> s.holdNewAuthors(true));

    @Nested
    class HeldComments {

        @Test
        void heldCommentIsVisibleToItsAuthorByTokenOnly() {
            Comment approved = f.accepted(by("Ann", "published"));
            f.service.approve(approved.id());
            PostResult.Accepted held = f.acceptedResult(by("Bob", "awaiting moderation"));

            assertThat(Outline.of(page(Viewer.anonymous()))).isEqualTo("Ann: published\n");
            assertThat(Outline.of(page(Viewer.withTokens(Set.of(held.editToken())))))
                    .isEqualTo("Ann: published\nBob: awaiting moderation (pending)\n");
            assertThat(Outline.of(page(Viewer.forModerator())))
                    .isEqualTo("Ann: published\nBob: awaiting moderation (pending)\n");
        }

        @Test
        void heldCommentStaysVisibleToItsAuthorAfterTheEditWindow() {
            PostResult.Accepted held = f.acceptedResult(by("Bob", "awaiting moderation"));
            f.clock.advance(java.time.Duration.ofDays(2));

            assertThat(Outline.of(page(Viewer.withTokens(Set.of(held.editToken())))))
                    .isEqualTo("Bob: awaiting moderation (pending)\n");
        }

        @Test
        void heldCommentOfAnAuthenticatedUserIsVisibleToThatUser() {
            f.accepted(PostRequest.builder(THREAD, "mine").user("u-7", "Gil"));

            assertThat(Outline.of(page(Viewer.user("u-7")))).isEqualTo("Gil: mine (pending)\n");
            assertThat(Outline.of(page(Viewer.user("u-8")))).isEmpty();
        }

        @Test
        void forgedTokenShowsNothing() {
            f.acceptedResult(by("Bob", "awaiting moderation"));

            assertThat(Outline.of(page(Viewer.withTokens(Set.of(new EditToken("c1.99999999999.AAAA")))))).isEmpty();
        }

        @Test
        void spamIsNeverShownNotEvenToModerators() {
            Comment c = f.accepted(by("Ann", "spam"));
            f.service.markSpam(c.id());

            assertThat(page(Viewer.forModerator()).roots()).isEmpty();
        }

        @Test
        void repliesUnderAnotherReadersHeldCommentAreHiddenWithIt() {
            Comment root = f.accepted(by("Ann", "root"));
            f.service.approve(root.id());
            Comment reply = f.accepted(by("Bob", "reply").inReplyTo(root.id()));
            f.service.approve(reply.id());
            f.service.hold(root.id());

            assertThat(page(Viewer.anonymous()).roots()).isEmpty();
        }

        private ThreadPage page(Viewer viewer) {
            return f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, viewer);
        }
    }

    @Nested
    class Paging {

        private final Fixture open = new Fixture();

        @Test
        void pagesFollowTheCursorInBothOrders() {
            for (int i = 1; i <= 5; i++) {
                open.accepted(by("Author " + i, "comment " + i));
            }
            ThreadPage first = open.service.page(THREAD, Order.OLDEST_FIRST, null, 2, Viewer.anonymous());
            ThreadPage second = open.service.page(THREAD, Order.OLDEST_FIRST, first.next(), 2, Viewer.anonymous());
            ThreadPage third = open.service.page(THREAD, Order.OLDEST_FIRST, second.next(), 2, Viewer.anonymous());

            assertThat(Outline.of(first)).isEqualTo("Author 1: comment 1\nAuthor 2: comment 2\n");
            assertThat(Outline.of(second)).isEqualTo("Author 3: comment 3\nAuthor 4: comment 4\n");
            assertThat(Outline.of(third)).isEqualTo("Author 5: comment 5\n");
            assertThat(third.next()).isNull();
            assertThat(first.counts()).isEqualTo(new StatusCounts(0, 5, 0, 0));

            ThreadPage newest = open.service.page(THREAD, Order.NEWEST_FIRST, null, 2, Viewer.anonymous());
            assertThat(Outline.of(newest)).isEqualTo("Author 5: comment 5\nAuthor 4: comment 4\n");
        }

        @Test
        void othersHeldRootsDoNotShortenTheAuthorsPage() {
            Fixture held = new Fixture(s -> s.holdNewAuthors(true));
            PostResult.Accepted mine = held.acceptedResult(by("Ann", "mine"));
            for (int i = 1; i <= 5; i++) {
                held.accepted(by("Held " + i, "held " + i));
            }
            held.service.approve(held.accepted(by("Cat", "one")).id());
            held.service.approve(held.accepted(by("Dan", "two")).id());
            Viewer ann = Viewer.withTokens(Set.of(mine.editToken()));

            ThreadPage first = held.service.page(THREAD, Order.OLDEST_FIRST, null, 2, ann);
            ThreadPage second = held.service.page(THREAD, Order.OLDEST_FIRST, first.next(), 2, ann);

            assertThat(Outline.of(first)).isEqualTo("Ann: mine (pending)\nCat: one\n");
            assertThat(Outline.of(second)).isEqualTo("Dan: two\n");
            assertThat(Outline.of(held.service.page(THREAD, Order.OLDEST_FIRST, null, 3, Viewer.anonymous())))
                    .isEqualTo("Cat: one\nDan: two\n");
        }

        @Test
        void aPageCostsThreeStoreReadsWhateverTheThreadSize() {
            DelegatingStore counting = new DelegatingStore(new InMemoryCommentStore());
            CommentService service = CommentService.builder().store(counting).tokenSecret(Fixture.SECRET)
                    .renderer(new TestRenderer()).settings(Settings.builder().floodInterval(java.time.Duration.ZERO)
                            .holdNewAuthors(false).build()).build();
            CommentId parent = null;
            for (int i = 0; i < 60; i++) {
                PostRequest.Builder request = by("Author " + i, "text " + i);
                if (i % 3 != 0) {
                    request.inReplyTo(parent);
                }
                Comment c = ((PostResult.Accepted) service.post(request.build())).comment();
                parent = i % 3 == 0 ? c.id() : parent;
            }
            counting.calls.clear();

            ThreadPage page = service.page(THREAD, Order.OLDEST_FIRST, null, 50, Viewer.anonymous());

            assertThat(page.size()).isEqualTo(60);
            assertThat(counting.calls).containsExactly("roots", "firstReplies", "counts");
        }
    }

    @Nested
    class Locating {

        private final Fixture open = new Fixture();

        @Test
        void locatesAReplyWithItsAncestorsAndThePageThatStartsAtItsRoot() {
            Comment a = open.accepted(by("Ann", "a"));
            Comment b = open.accepted(by("Bob", "b"));
            Comment b1 = open.accepted(by("Cat", "b1").inReplyTo(b.id()));
            Comment b11 = open.accepted(by("Dan", "b11").inReplyTo(b1.id()));
            open.accepted(by("Eve", "c"));

            Location location = open.service.locate(b11.id(), Order.OLDEST_FIRST, Viewer.anonymous()).orElseThrow();

            assertThat(location.ancestors()).containsExactly(b, b1);
            assertThat(location.root()).isEqualTo(b);
            assertThat(location.pageCursor()).isEqualTo(Cursor.after(a));
            ThreadPage page = open.service.page(THREAD, Order.OLDEST_FIRST, location.pageCursor(), 1,
                    Viewer.anonymous());
            assertThat(Outline.of(page)).isEqualTo("Bob: b\n  Cat: b1\n    Dan: b11\n");
        }

        @Test
        void theFirstRootIsOnTheFirstPage() {
            Comment a = open.accepted(by("Ann", "a"));
            open.accepted(by("Bob", "b"));

            assertThat(open.service.locate(a.id(), Order.OLDEST_FIRST, Viewer.anonymous()).orElseThrow().pageCursor())
                    .isNull();
            assertThat(open.service.locate(a.id(), Order.NEWEST_FIRST, Viewer.anonymous()).orElseThrow().pageCursor())
                    .isNotNull();
        }

        @Test
        void hiddenOrMissingCommentsAreNotLocated() {
            Comment spam = open.accepted(by("Ann", "spam"));
            open.service.markSpam(spam.id());

            assertThat(open.service.locate(spam.id(), Order.OLDEST_FIRST, Viewer.anonymous())).isEmpty();
            assertThat(open.service.locate(CommentId.of("nope"), Order.OLDEST_FIRST, Viewer.anonymous())).isEmpty();
        }
    }

    @Nested
    class SiteWide {

        private final Fixture open = new Fixture();

        @Test
        void countsForManyThreadsInOneCall() {
            open.accepted(by("Ann", "x"));
            open.accepted(PostRequest.builder(ThreadKey.of("second"), "y").author("Bob", "bob@example.org", null));

            Map<ThreadKey, StatusCounts> counts = open.service.counts(
                    List.of(THREAD, ThreadKey.of("second"), ThreadKey.of("empty")));

            assertThat(counts).containsExactly(
                    Map.entry(THREAD, new StatusCounts(0, 1, 0, 0)),
                    Map.entry(ThreadKey.of("second"), new StatusCounts(0, 1, 0, 0)),
                    Map.entry(ThreadKey.of("empty"), StatusCounts.ZERO));
        }

        @Test
        void moderationQueueSpansThreadsWithReasons() {
            Fixture strict = new Fixture(s -> s.moderateAll(true));
            strict.accepted(by("Ann", "x"));
            strict.accepted(PostRequest.builder(ThreadKey.of("second"), "y").author("Bob", "bob@example.org", null));

            assertThat(strict.service.moderationQueue(PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                    .extracting(c -> c.thread().value() + ": " + c.moderationReason())
                    .containsExactly("hello-world: held: every comment is moderated",
                            "second: held: every comment is moderated");
        }

        @Test
        void recentCommentsAreApprovedOnesNewestFirst() {
            open.accepted(by("Ann", "old"));
            Comment held = open.accepted(by("Bob", "held"));
            open.service.hold(held.id());
            open.accepted(by("Cat", "new"));

            assertThat(open.service.recent(10)).extracting(Comment::text).containsExactly("new", "old");
        }
    }
}
