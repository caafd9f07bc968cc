package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * Rules of {@link CommentStore#replyPage}: keyset pages of the replies under one root, at every depth, stable
 * while the subtree changes between reads.
 */
abstract class ReplyPageRules extends StoreRules {

    ReplyPageRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    private Comment root;

    private Page page(Set<Status> statuses, PageRequest request) {
        return store().replyPage(root.id(), statuses, request);
    }

    /**
     * Root "a" in post-1 with replies "a1" to "a{count}" at 10, 20, ... seconds, each answering the one before
     * (so depths grow), inserted out of order; root "b" beside it with replies of its own.
     */
    private List<Comment> insertSubtree(int count) {
        root = Comments.root("a", "post-1", at(0)).build();
        Comment other = Comments.root("b", "post-1", at(1)).build();
        insert(root, other);
        List<Comment> replies = new ArrayList<>();
        Comment parent = root;
        for (int i = 1; i <= count; i++) {
            Comment reply = Comments.reply("a" + i, parent, at(i * 10L)).build();
            replies.add(reply);
            parent = reply;
        }
        for (int i = count - 1; i >= 0; i -= 2) {
            store().insert(replies.get(i));
        }
        for (int i = count - 2; i >= 0; i -= 2) {
            store().insert(replies.get(i));
        }
        insert(Comments.reply("b1", other, at(15)).build(), Comments.reply("b2", other, at(25)).build());
        return replies;
    }

    @Test
    @DisplayName("a reply page holds the root's replies at every depth, oldest first, and never the root or"
            + " another root's replies")
    void oldestFirstAtEveryDepth() {
        List<Comment> replies = insertSubtree(5);

        Page page = page(ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10));

        assertThat(page.items()).containsExactlyElementsOf(replies);
        assertThat(page.items()).extracting(Comment::depth).containsExactly(1, 2, 3, 4, 5);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("newest first lists the replies by descending creation time")
    void newestFirst() {
        List<Comment> replies = insertSubtree(5);

        assertThat(page(ALL_STATUSES, PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .containsExactlyElementsOf(sorted(replies, Order.NEWEST_FIRST));
    }

    @Test
    @DisplayName("a reply page holds only the statuses asked for, even when a reply's parent has another status")
    void onlyRequestedStatuses() {
        root = Comments.root("a", "post-1", at(0)).build();
        Comment pending = Comments.reply("p", root, at(1)).status(Status.PENDING).build();
        Comment underPending = Comments.reply("u", pending, at(2)).build();
        Comment spam = Comments.reply("s", root, at(3)).status(Status.SPAM).build();
        Comment deleted = Comments.reply("d", root, at(4)).status(Status.DELETED).build();
        insert(root, pending, underPending, spam, deleted);

        assertThat(ids(page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10)))).containsExactly("u");
        assertThat(ids(page(Set.of(Status.PENDING, Status.SPAM), PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("p", "s");
        assertThat(ids(page(ALL_STATUSES, PageRequest.first(Order.NEWEST_FIRST, 10))))
                .containsExactly("d", "s", "u", "p");
    }

    @Test
    @DisplayName("linkbacks that are replies are in the page like any other reply")
    void linkbackRepliesAreInThePage() {
        root = Comments.root("a", "post-1", at(0)).build();
        Comment linkback = Comments.linkback("lb", "post-1", Kind.WEBMENTION, "https://a.example/", at(1))
                .replyTo(root).build();
        insert(root, linkback);

        assertThat(page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10)).items()).containsExactly(linkback);
    }

    @Test
    @DisplayName("an id not stored, an id of a reply, and a root without replies give an empty page without a"
            + " next cursor")
    void unknownRootGivesAnEmptyPage() {
        insertSubtree(3);
        store().insert(Comments.root("lonely", "post-1", at(99)).build());

        for (String id : List.of("nope", "a1", "lonely", "A")) {
            Page page = store().replyPage(id(id), ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 1));
            assertThat(page.items()).as(id).isEmpty();
            assertThat(page.nextCursor()).as(id).isEmpty();
        }
    }

    @Test
    @DisplayName("a page holds at most limit replies and its next cursor, set exactly when it is full, is the last"
            + " reply's position")
    void limitAndNextCursor() {
        insertSubtree(5);

        Page full = page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 2));
        Page partial = page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 6));
        Page exact = page(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 5));

        assertThat(ids(full)).containsExactly("a1", "a2");
        assertThat(full.nextCursor()).contains(Cursor.after(full.items().get(1)));
        assertThat(partial.items()).hasSize(5);
        assertThat(partial.nextCursor()).isEmpty();
        assertThat(exact.nextCursor()).contains(Cursor.after(stored("a1")));
        Page after = page(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 5).next(exact.nextCursor().get()));
        assertThat(after.items()).isEmpty();
        assertThat(after.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("walking every page, in either order and any page size, lists each reply exactly once in order")
    void keysetWalkListsEveryReplyOnce() {
        List<Comment> replies = insertSubtree(17);

        for (Order order : Order.values()) {
            for (int limit : new int[] {1, 3, 4, 17, 18}) {
                assertThat(readAll(r -> page(APPROVED, r), order, limit, 17)).as("%s, limit %d", order, limit)
                        .containsExactlyElementsOf(sorted(replies, order));
            }
        }
    }

    @Test
    @DisplayName("replies created at the same instant are ordered by id in binary order, and pages ending inside"
            + " the tie continue with the next id")
    void tiesAreBrokenByBinaryIdOrder() {
        root = Comments.root("root", "post-1", at(0)).build();
        store().insert(root);
        List<Comment> tied = new ArrayList<>();
        for (String tiedId : RootsRules.BINARY_ORDER_IDS) {
            tied.add(Comments.reply(tiedId, root, at(7)).build());
        }
        tied.add(Comments.reply("early", root, at(6)).build());
        tied.add(Comments.reply("late", root, at(8)).build());
        tied.forEach(store()::insert);

        assertThat(ids(page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("early", "-", "0", "A", "_", "a", "late");
        for (Order order : Order.values()) {
            for (int limit = 1; limit <= 3; limit++) {
                assertThat(readAll(r -> page(APPROVED, r), order, limit, tied.size())).as("%s, limit %d", order, limit)
                        .containsExactlyElementsOf(sorted(tied, order));
            }
        }
    }

    @Test
    @DisplayName("a cursor read back from its token, or at a position no reply holds, continues strictly after it")
    void cursorsFromTokensAndBetweenReplies() {
        insertSubtree(6);

        Page first = page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 4));
        Cursor parsed = Cursor.parse(first.nextCursor().orElseThrow().token());
        assertThat(ids(page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 4).next(parsed))))
                .containsExactly("a5", "a6");
        Cursor between = new Cursor(at(20), id("zzz"));
        assertThat(ids(page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, 10).next(between))))
                .containsExactly("a3", "a4", "a5", "a6");
        assertThat(ids(page(APPROVED, PageRequest.first(Order.NEWEST_FIRST, 10).next(between))))
                .containsExactly("a2", "a1");
    }

    @Test
    @DisplayName("pages neither skip nor repeat replies while replies are inserted, moderated and deleted between"
            + " reads, in either order")
    void pagesAreStableWhileTheSubtreeChanges() {
        for (Order order : Order.values()) {
            boolean ascending = order == Order.OLDEST_FIRST;
            String p = ascending ? "o" : "n";
            root = Comments.root(p, "post-" + p, at(0)).build();
            store().insert(root);
            // The pending reply lies beyond the first page in either order.
            int pendingIndex = ascending ? 6 : 3;
            List<Comment> replies = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                replies.add(Comments.reply(p + i, root, at(i * 10L))
                        .status(i == pendingIndex ? Status.PENDING : Status.APPROVED).build());
            }
            replies.forEach(store()::insert);
            PageRequest request = PageRequest.first(order, 3);
            Page page = page(APPROVED, request);
            List<Comment> seen = new ArrayList<>(page.items());
            Comment last = page.items().get(2);
            List<Comment> unseen = sorted(replies, order).subList(3, 8);

            // Behind the cursor: never shown. Ahead of it and tied with it by a later id: shown once, in place.
            Comment behind = Comments.reply(p + "behind", seen.get(0), last.createdAt().plusSeconds(ascending ? -5 : 5))
                    .build();
            Comment ahead = Comments.reply(p + "ahead", last, last.createdAt().plusSeconds(ascending ? 5 : -5)).build();
            Comment tiedAhead = Comments.reply(ascending ? p + "zz" : p + "00", root, last.createdAt()).build();
            insert(behind, ahead, tiedAhead);
            // A seen reply is marked spam and approved again: it must not come back. An unseen approved one is
            // marked spam: it must disappear. The pending one is approved: it must appear in its place. The reply
            // under the cursor is deleted: the walk goes on after its position.
            Comment seenReply = stored(seen.get(1).id().value());
            store().update(store().update(seenReply.toBuilder().status(Status.SPAM).build())
                    .toBuilder().status(Status.APPROVED).build());
            Comment hidden = unseen.get(ascending ? 0 : 3);
            store().update(stored(hidden.id().value()).toBuilder().status(Status.SPAM).build());
            store().update(stored(p + pendingIndex).toBuilder().status(Status.APPROVED).build());
            store().delete(last.id());

            while (page.nextCursor().isPresent()) {
                request = request.next(page.nextCursor().get());
                page = page(APPROVED, request);
                seen.addAll(page.items());
                assertThat(seen.size()).as("pages end").isLessThan(30);
            }

            List<Comment> expectedRest = new ArrayList<>(unseen);
            expectedRest.remove(hidden);
            expectedRest.add(ahead);
            expectedRest.add(tiedAhead);
            List<String> expected = new ArrayList<>(ids(sorted(replies, order).subList(0, 3)));
            assertThat(ids(seen.subList(0, 3))).as("the first page, %s", order).isEqualTo(expected);
            expected.addAll(ids(sorted(expectedRest, order)));
            assertThat(ids(seen)).as("%s", order).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("a page of 1,000 replies is served")
    void largestPage() {
        insertSubtree(3);

        Page page = page(APPROVED, PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT));

        assertThat(ids(page)).containsExactly("a1", "a2", "a3");
    }

    @Test
    @DisplayName("replyPage with a null root id, status set or request throws NullPointerException, and with an"
            + " empty status set IllegalArgumentException")
    void argumentMisuse() {
        insertSubtree(2);
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, 10);

        assertThatThrownBy(() -> store().replyPage(null, APPROVED, request)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().replyPage(root.id(), null, request)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().replyPage(root.id(), APPROVED, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().replyPage(root.id(), Set.of(), request))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(Order.OLDEST_FIRST, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ids(page(APPROVED, request))).containsExactly("a1", "a2");
    }
}
