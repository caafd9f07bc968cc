package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#roots}: keyset pages of a thread's roots, stable while the thread changes. */
abstract class RootsRules extends StoreRules {

    /** Ids in binary order: '-' (0x2D) &lt; '0' &lt; 'A' &lt; '_' (0x5F) &lt; 'a'. Most collations disagree. */
    static final List<String> BINARY_ORDER_IDS = List.of("-", "0", "A", "_", "a");

    RootsRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    private Page roots(Set<Status> statuses, PageRequest request) {
        return store().roots(thread("post-1"), statuses, request);
    }

    /** Roots "r10", "r20", ... at 10, 20, ... seconds in thread post-1, inserted out of order. */
    private List<Comment> insertRoots(int count) {
        List<Comment> roots = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            roots.add(Comments.root("r" + i * 10, "post-1", at(i * 10L)).build());
        }
        for (int i = 0; i < count; i += 2) {
            store().insert(roots.get(i));
        }
        for (int i = 1; i < count; i += 2) {
            store().insert(roots.get(i));
        }
        return roots;
    }

    @Test
    @DisplayName("a roots page holds only roots of the requested thread: no replies, no other thread")
    void onlyRootsOfTheThread() {
        Comment a = Comments.root("a", "post-1", at(1)).build();
        Comment b = Comments.root("b", "post-1", at(3)).build();
        insert(a, b, Comments.reply("a-1", a, at(2)).build(), Comments.root("c", "post-2", at(2)).build(),
                Comments.reply("b-1", b, at(4)).build());

        Page page = roots(ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10));

        assertThat(page.items()).containsExactly(a, b);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("a roots page holds only roots whose status is requested")
    void onlyRequestedStatuses() {
        int t = 0;
        for (Status status : Status.values()) {
            insert(Comments.root(status.name(), "post-1", at(t++)).status(status).build());
        }

        assertThat(ids(roots(Set.of(Status.PENDING, Status.SPAM), PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("PENDING", "SPAM");
        assertThat(ids(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10)))).containsExactly("APPROVED");
        assertThat(ids(roots(ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("PENDING", "APPROVED", "SPAM", "DELETED");
    }

    @Test
    @DisplayName("roots of every kind are listed: comments and linkbacks alike")
    void linkbacksAreRootsToo() {
        insert(Comments.root("c", "post-1", at(1)).build(),
                Comments.linkback("p", "post-1", Kind.PINGBACK, "https://a.example/", at(2)).build(),
                Comments.linkback("t", "post-1", Kind.TRACKBACK, "https://b.example/", at(3)).build(),
                Comments.linkback("w", "post-1", Kind.WEBMENTION, "https://c.example/", at(4)).build());

        assertThat(ids(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10)))).containsExactly("c", "p", "t", "w");
    }

    @Test
    @DisplayName("oldest first lists roots by ascending creation time, whatever the insertion order")
    void oldestFirst() {
        List<Comment> roots = insertRoots(7);

        assertThat(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10)).items()).containsExactlyElementsOf(roots);
    }

    @Test
    @DisplayName("newest first lists roots by descending creation time, whatever the insertion order")
    void newestFirst() {
        List<Comment> roots = insertRoots(7);

        assertThat(roots(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .containsExactlyElementsOf(sorted(roots, Order.NEWEST_FIRST));
    }

    @Test
    @DisplayName("a page holds at most limit roots and its next cursor is the last root's position")
    void limitAndNextCursor() {
        insertRoots(5);

        Page page = roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 2));

        assertThat(ids(page)).containsExactly("r10", "r20");
        assertThat(page.nextCursor()).contains(Cursor.after(page.items().get(1)));
        assertThat(ids(roots(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 1)))).containsExactly("r50");
    }

    @Test
    @DisplayName("a page that is not full has no next cursor")
    void partialPageHasNoNextCursor() {
        insertRoots(5);

        Page page = roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 6));

        assertThat(page.items()).hasSize(5);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("a full last page has a next cursor, and the page after it is empty with none")
    void fullLastPageIsFollowedByAnEmptyOne() {
        insertRoots(4);

        Page first = roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 2));
        Page second = roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 2).next(first.nextCursor().orElseThrow()));
        Page third = roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 2).next(second.nextCursor().orElseThrow()));

        assertThat(ids(second)).containsExactly("r30", "r40");
        assertThat(third.items()).isEmpty();
        assertThat(third.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("a thread with no roots, or none of the requested statuses, gives an empty page")
    void emptyThreadGivesAnEmptyPage() {
        assertThat(roots(ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10)).items()).isEmpty();
        insertRoots(3);
        Page page = roots(Set.of(Status.SPAM), PageRequest.first(Order.NEWEST_FIRST, 10));
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("walking every page, in either order, lists each root exactly once in order")
    void keysetWalkListsEveryRootOnce() {
        List<Comment> roots = insertRoots(23);

        for (Order order : Order.values()) {
            for (int limit : new int[] {1, 4, 5, 23, 24}) {
                assertThat(readAll(r -> roots(APPROVED, r), order, limit, 23))
                        .as("%s, limit %d", order, limit)
                        .containsExactlyElementsOf(sorted(roots, order));
            }
        }
    }

    @Test
    @DisplayName("roots created at the same instant are ordered by id in binary order, oldest first")
    void tiesAreBrokenByBinaryIdOrder() {
        List<Comment> tied = insertTiedRoots();

        assertThat(ids(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("early", "-", "0", "A", "_", "a", "late");
        assertThat(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10)).items()).containsAll(tied);
    }

    @Test
    @DisplayName("roots created at the same instant are ordered by id in reverse binary order, newest first")
    void tiesAreReversedNewestFirst() {
        insertTiedRoots();

        assertThat(ids(roots(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 10))))
                .containsExactly("late", "a", "_", "A", "0", "-", "early");
    }

    @Test
    @DisplayName("pages that end inside a run of tied roots continue with the next id, in either order")
    void pagesContinueInsideTies() {
        List<Comment> tied = insertTiedRoots();

        for (Order order : Order.values()) {
            for (int limit = 1; limit <= 4; limit++) {
                assertThat(readAll(r -> roots(APPROVED, r), order, limit, tied.size()))
                        .as("%s, limit %d", order, limit)
                        .containsExactlyElementsOf(sorted(tied, order));
            }
        }
    }

    @Test
    @DisplayName("a cursor read back from its token continues exactly where the page ended")
    void cursorFromTokenContinues() {
        insertRoots(6);
        for (Order order : Order.values()) {
            Page first = roots(APPROVED, PageRequest.first(order, 4));
            String token = first.nextCursor().orElseThrow().token();

            Page next = roots(APPROVED, PageRequest.first(order, 4).next(Cursor.parse(token)));

            assertThat(ids(next)).as("%s", order)
                    .containsExactlyElementsOf(
                            order == Order.OLDEST_FIRST ? List.of("r50", "r60") : List.of("r20", "r10"));
        }
    }

    @Test
    @DisplayName("a cursor at a position no stored root holds continues strictly after that position")
    void cursorBetweenRootsContinues() {
        insertRoots(5);

        Cursor between = new Cursor(at(20), id("zzz"));
        assertThat(ids(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10).next(between))))
                .containsExactly("r30", "r40", "r50");
        assertThat(ids(roots(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 10).next(between))))
                .containsExactly("r20", "r10");
        Cursor beforeTie = new Cursor(at(30), id("-"));
        assertThat(ids(roots(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10).next(beforeTie))))
                .containsExactly("r30", "r40", "r50");
    }

    @Test
    @DisplayName("roots of several statuses come out merged in one order, across pages")
    void statusesAreMergedInOrder() {
        List<Comment> all = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Status status = i % 3 == 0 ? Status.PENDING : i % 3 == 1 ? Status.APPROVED : Status.SPAM;
            Comment root = Comments.root("m" + (100 + i), "post-1", at(i)).status(status).build();
            all.add(root);
            store().insert(root);
        }
        List<Comment> approvedOrPending = all.stream().filter(c -> c.status() != Status.SPAM).toList();

        for (Order order : Order.values()) {
            assertThat(readAll(r -> roots(Set.of(Status.APPROVED, Status.PENDING), r), order, 3, 8))
                    .as("%s", order).containsExactlyElementsOf(sorted(approvedOrPending, order));
        }
    }

    @Test
    @DisplayName("pages neither skip nor repeat roots while older and newer roots are inserted between reads")
    void pagesAreStableUnderInserts() {
        for (Order order : Order.values()) {
            String prefix = order == Order.OLDEST_FIRST ? "o" : "n";
            List<Comment> roots = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                roots.add(Comments.root(prefix + "r" + i, "post-" + prefix, at(i * 10L)).build());
            }
            roots.forEach(store()::insert);
            List<Comment> seen = new ArrayList<>();
            PageRequest request = PageRequest.first(order, 2);
            Page page = store().roots(thread("post-" + prefix), APPROVED, request);
            seen.addAll(page.items());
            Comment last = page.items().get(1);
            boolean ascending = order == Order.OLDEST_FIRST;

            // Behind the cursor: never shown. Ahead of it: shown once, in place. Tied with it: by id.
            Comment behind = Comments.root(prefix + "behind", "post-" + prefix,
                    last.createdAt().plusSeconds(ascending ? -5 : 5)).build();
            Comment ahead = Comments.root(prefix + "ahead", "post-" + prefix,
                    last.createdAt().plusSeconds(ascending ? 15 : -15)).build();
            Comment farAhead = Comments.root(prefix + "far", "post-" + prefix, at(ascending ? 1000 : -1000)).build();
            Comment tiedAhead = Comments.root(ascending ? prefix + "zz" : prefix + "00", "post-" + prefix,
                    last.createdAt()).build();
            Comment tiedBehind = Comments.root(ascending ? prefix + "00" : prefix + "zz", "post-" + prefix,
                    last.createdAt()).build();
            insert(behind, ahead, farAhead, tiedAhead, tiedBehind);

            while (page.nextCursor().isPresent()) {
                request = request.next(page.nextCursor().get());
                page = store().roots(thread("post-" + prefix), APPROVED, request);
                seen.addAll(page.items());
                if (seen.size() == 4) {
                    // A second wave after the second page, newest and oldest again.
                    insert(Comments.root(prefix + "wave2", "post-" + prefix, at(ascending ? 2000 : -2000)).build(),
                            Comments.root(prefix + "old2", "post-" + prefix, at(ascending ? -2000 : 2000)).build());
                }
                assertThat(seen.size()).as("pages end").isLessThan(30);
            }

            List<String> expected = new ArrayList<>(ids(sorted(roots, order).subList(0, 2)));
            List<Comment> rest = new ArrayList<>(sorted(roots, order).subList(2, 6));
            rest.add(ahead);
            rest.add(farAhead);
            rest.add(tiedAhead);
            rest.add(stored(prefix + "wave2"));
            expected.addAll(ids(sorted(rest, order)));
            assertThat(ids(seen)).as("%s", order).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("pages neither skip nor repeat roots while roots are moderated between reads")
    void pagesAreStableUnderModeration() {
        for (Order order : Order.values()) {
            String key = "post-" + order;
            List<Comment> roots = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                Status status = i == 5 ? Status.PENDING : Status.APPROVED;
                roots.add(Comments.root("m" + order.ordinal() + i, key, at(i)).status(status).build());
            }
            roots.forEach(store()::insert);
            List<Comment> approvedInOrder = sorted(roots.stream().filter(c -> c.status() == Status.APPROVED).toList(),
                    order);
            PageRequest request = PageRequest.first(order, 3);
            Page page = store().roots(thread(key), APPROVED, request);
            List<Comment> seen = new ArrayList<>(page.items());

            // A seen root is edited, marked spam and approved again: it must not come back.
            Comment seenRoot = page.items().get(0);
            Comment edited = store().update(stored(seenRoot.id().value()).toBuilder().text("edited").build());
            store().update(store().update(edited.toBuilder().status(Status.SPAM).build())
                    .toBuilder().status(Status.APPROVED).build());
            // An unseen approved root is marked spam: it must disappear.
            Comment unseen = approvedInOrder.get(4);
            store().update(stored(unseen.id().value()).toBuilder().status(Status.SPAM).build());
            // An unseen pending root is approved: it must appear in its place.
            Comment pending = roots.get(4);
            store().update(stored(pending.id().value()).toBuilder().status(Status.APPROVED).build());

            while (page.nextCursor().isPresent()) {
                request = request.next(page.nextCursor().get());
                page = store().roots(thread(key), APPROVED, request);
                seen.addAll(page.items());
                assertThat(seen.size()).as("pages end").isLessThan(30);
            }

            List<String> expected = new ArrayList<>();
            for (Comment root : sorted(roots, order)) {
                if (!root.equals(unseen)) {
                    expected.add(root.id().value());
                }
            }
            assertThat(ids(seen)).as("%s", order).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("pages neither skip nor repeat roots while roots are deleted between reads,"
            + " even the root the cursor points at")
    void pagesAreStableUnderDeletes() {
        for (Order order : Order.values()) {
            String key = "post-" + order;
            List<Comment> roots = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                roots.add(Comments.root("d" + order.ordinal() + i, key, at(i)).build());
            }
            roots.forEach(store()::insert);
            List<Comment> inOrder = sorted(roots, order);
            PageRequest request = PageRequest.first(order, 3);
            Page page = store().roots(thread(key), APPROVED, request);
            List<Comment> seen = new ArrayList<>(page.items());

            store().delete(inOrder.get(2).id());
            store().delete(inOrder.get(4).id());

            while (page.nextCursor().isPresent()) {
                request = request.next(page.nextCursor().get());
                page = store().roots(thread(key), APPROVED, request);
                seen.addAll(page.items());
                assertThat(seen.size()).as("pages end").isLessThan(30);
            }

            List<Comment> expected = new ArrayList<>(inOrder);
            expected.remove(4);
            assertThat(ids(seen)).as("%s", order).containsExactlyElementsOf(ids(expected));
        }
    }

    @Test
    @DisplayName("thread keys are compared exactly: case, surrounding spaces and accents make different threads")
    void threadKeysAreExact() {
        List<String> keys = List.of("post", "Post", "post ", " post", "p\u00f3st", "po\u0301st");
        int t = 0;
        for (String key : keys) {
            store().insert(Comments.root("k" + t, key, at(t)).build());
            t++;
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(ids(store().roots(thread(keys.get(i)), ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10))))
                    .as("thread \"%s\"", keys.get(i)).containsExactly("k" + i);
        }
    }

    /** The ids of {@link #BINARY_ORDER_IDS} at one instant, with one root before and one after. */
    private List<Comment> insertTiedRoots() {
        List<Comment> tied = new ArrayList<>();
        tied.add(Comments.root("early", "post-1", at(99)).build());
        for (String tiedId : List.of("a", "_", "A", "0", "-")) {
            tied.add(Comments.root(tiedId, "post-1", at(100)).build());
        }
        tied.add(Comments.root("late", "post-1", at(100).plusNanos(1_000)).build());
        for (int i = tied.size() - 1; i >= 0; i--) {
            store().insert(tied.get(i));
        }
        return tied;
    }
}
