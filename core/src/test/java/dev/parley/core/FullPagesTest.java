package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A page of n holds n visible roots whenever that many follow its cursor, and its cursor never leads nowhere. */
class FullPagesTest {

    private final Fixture f = new Fixture();

    @Test
    void aDeletedNewestRootWithoutRepliesLeavesTheFirstPageFull() {
        f.accepted(by("Ann", "older"));
        f.accepted(by("Bob", "newer"));
        f.service.delete(f.accepted(by("Cat", "newest, then deleted")).id());

        ThreadPage first = page(Order.NEWEST_FIRST, null, 1);
        ThreadPage second = page(Order.NEWEST_FIRST, first.next(), 1);

        assertThat(Outline.of(first)).isEqualTo("Bob: newer\n");
        assertThat(Outline.of(second)).isEqualTo("Ann: older\n");
        assertThat(second.next()).isNull();
    }

    @Test
    void aPageThatHoldsTheLastVisibleRootHasNoCursorEvenWhenFull() {
        for (int i = 1; i <= 5; i++) {
            f.accepted(by("Author " + i, "comment " + i));
        }

        ThreadPage page = page(Order.OLDEST_FIRST, null, 5);

        assertThat(page.roots()).hasSize(5);
        assertThat(page.next()).isNull();
    }

    @Test
    void onlyHiddenRootsAfterAFullPageGiveItNoCursor() {
        for (int i = 1; i <= 5; i++) {
            f.accepted(by("Author " + i, "comment " + i));
        }
        for (int i = 1; i <= 7; i++) {
            f.service.delete(f.accepted(by("Gone " + i, "deleted " + i)).id());
        }

        ThreadPage oldest = page(Order.OLDEST_FIRST, null, 5);
        ThreadPage newest = page(Order.NEWEST_FIRST, page(Order.NEWEST_FIRST, null, 4).next(), 4);

        assertThat(oldest.roots()).hasSize(5);
        assertThat(oldest.next()).isNull();
        assertThat(Outline.of(newest)).isEqualTo("Author 1: comment 1\n");
        assertThat(newest.next()).isNull();
    }

    @Test
    void aPlaceholderAfterAFullPageKeepsItsCursor() {
        f.accepted(by("Ann", "one"));
        f.accepted(by("Bob", "two"));
        Comment gone = f.accepted(by("Cat", "three"));
        f.accepted(by("Dan", "answer").inReplyTo(gone.id()));
        f.service.delete(gone.id());

        ThreadPage first = page(Order.OLDEST_FIRST, null, 2);
        ThreadPage second = page(Order.OLDEST_FIRST, first.next(), 2);

        assertThat(Outline.of(first)).isEqualTo("Ann: one\nBob: two\n");
        assertThat(first.next()).isNotNull();
        assertThat(Outline.of(second)).isEqualTo("[deleted]\n  Dan: answer\n");
        assertThat(second.next()).isNull();
    }

    @Test
    void aLongRunOfHiddenRootsStillFillsThePage() {
        f.accepted(by("Ann", "first"));
        for (int i = 1; i <= 200; i++) {
            f.service.delete(f.accepted(by("Gone " + i, "deleted " + i)).id());
        }
        f.accepted(by("Bob", "second"));
        f.accepted(by("Cat", "third"));

        ThreadPage first = page(Order.OLDEST_FIRST, null, 2);
        ThreadPage second = page(Order.OLDEST_FIRST, first.next(), 2);

        assertThat(Outline.of(first)).isEqualTo("Ann: first\nBob: second\n");
        assertThat(Outline.of(second)).isEqualTo("Cat: third\n");
        assertThat(second.next()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void pagesOfFiveHoldFiveUntilTheLastAndTogetherHoldEveryVisibleRootOnce(Order order) {
        List<String> visible = new ArrayList<>();
        Fixture held = new Fixture(s -> s.holdNewAuthors(true));
        for (int i = 1; i <= 40; i++) {
            Comment c = held.accepted(by("Author " + i, "root " + i));
            switch (i % 6) {
                case 0 -> held.service.delete(c.id());
                case 1 -> held.service.markSpam(c.id());
                case 2 -> {
                    held.service.approve(c.id());
                    held.service.approve(held.accepted(by("Replier " + i, "reply " + i).inReplyTo(c.id())).id());
                    held.service.delete(c.id());
                    visible.add(ThreadNode.DELETED_NAME);
                }
                case 3 -> {
                    // Someone else's held root: hidden from this reader.
                }
                default -> {
                    held.service.approve(c.id());
                    visible.add("Author " + i);
                }
            }
        }
        PostResult.Accepted mine = held.acceptedResult(by("Reader", "my held root"));
        visible.add("Reader");
        if (order == Order.NEWEST_FIRST) {
            Collections.reverse(visible);
        }
        Viewer reader = Viewer.withTokens(Set.of(mine.editToken()));

        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Cursor next = null;
        do {
            ThreadPage page = held.service.page(THREAD, order, next, 5, reader);
            sizes.add(page.roots().size());
            page.roots().forEach(root -> seen.add(root.comment().author().name()));
            next = page.next();
        } while (next != null);

        assertThat(seen).isEqualTo(visible);
        assertThat(sizes).hasSize((visible.size() + 4) / 5);
        assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(5);
        assertThat(sizes.get(sizes.size() - 1)).isEqualTo(visible.size() % 5 == 0 ? 5 : visible.size() % 5);
    }

    @Test
    void aFloodPastTheReadBoundCostsTenReadsAndItsCursorSkipsNothing() {
        for (int i = 1; i <= 3_000; i++) {
            f.service.delete(f.accepted(by("Gone " + i, "deleted " + i)).id());
        }
        f.accepted(by("Ann", "after the flood"));
        DelegatingStore counting = new DelegatingStore(f.store);
        CommentService reading = CommentService.builder().store(counting).tokenSecret(Fixture.SECRET)
                .renderer(new TestRenderer()).build();

        ThreadPage cut = reading.page(THREAD, Order.OLDEST_FIRST, null, 2, Viewer.anonymous());

        assertThat(cut.roots()).isEmpty();
        assertThat(cut.next()).isNotNull();
        assertThat(counting.calls.stream().filter("roots"::equals).count()).isEqualTo(10);
        assertThat(counting.calls.stream().filter("firstReplies"::equals).count()).isEqualTo(10);
        ThreadPage rest = reading.page(THREAD, Order.OLDEST_FIRST, cut.next(), 2, Viewer.anonymous());
        assertThat(Outline.of(rest)).isEqualTo("Ann: after the flood\n");
        assertThat(rest.next()).isNull();
    }

    @Test
    void aPageWithNothingHiddenReadsOneRootBeyondItAndNoRepliesOfIt() {
        for (int i = 1; i <= 4; i++) {
            Comment root = f.accepted(by("Author " + i, "root " + i));
            f.accepted(by("Replier " + i, "reply " + i).inReplyTo(root.id()));
        }
        DelegatingStore counting = new DelegatingStore(f.store);
        CommentService reading = CommentService.builder().store(counting).tokenSecret(Fixture.SECRET)
                .renderer(new TestRenderer()).build();

        ThreadPage page = reading.page(THREAD, Order.OLDEST_FIRST, null, 3, Viewer.anonymous());

        assertThat(counting.calls).containsExactly("roots", "firstReplies", "counts");
        assertThat(page.size()).isEqualTo(6);
        assertThat(page.next()).isEqualTo(Cursor.after(page.roots().get(2).comment()));
    }

    private ThreadPage page(Order order, @Nullable Cursor after, int limit) {
        return f.service.page(THREAD, order, after, limit, Viewer.anonymous());
    }
}
