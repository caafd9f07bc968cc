package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules of {@link CommentStore#firstReplies}: the first page of replies of each root of a page, in one call.
 */
abstract class FirstRepliesRules extends StoreRules {

    FirstRepliesRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /**
     * Root "a" with 5 replies (a1 to a5, the third pending, a4 answering a3), root "b" with 1, root "c" with none,
     * all in post-1; root "d" in post-2 with 2 replies. Inserted newest first.
     */
    private void insertTrees() {
        Comment a = Comments.root("a", "post-1", at(0)).build();
        Comment b = Comments.root("b", "post-1", at(1)).build();
        Comment c = Comments.root("c", "post-1", at(2)).build();
        Comment d = Comments.root("d", "post-2", at(3)).build();
        Comment a3 = Comments.reply("a3", a, at(30)).status(Status.PENDING).build();
        List<Comment> all = new ArrayList<>(List.of(a, b, c, d,
                Comments.reply("a1", a, at(10)).build(),
                Comments.reply("a2", a, at(20)).build(),
                a3,
                Comments.reply("a4", a3, at(40)).build(),
                Comments.reply("a5", a, at(50)).build(),
                Comments.reply("b1", b, at(15)).build(),
                Comments.reply("d1", d, at(5)).build(),
                Comments.reply("d2", d, at(6)).build()));
        all.sort(OLDEST_FIRST.reversed());
        all.forEach(store()::insert);
    }

    @Test
    @DisplayName("each root gets at most limitPerRoot of its oldest replies at any depth, of the statuses asked,"
            + " with a next cursor exactly when its page is full")
    void atMostLimitOldestRepliesPerRoot() {
        insertTrees();

        Map<CommentId, Page> pages = store().firstReplies(List.of(id("a"), id("b"), id("c"), id("d")), APPROVED, 3);

        assertThat(ids(pages.get(id("a")))).containsExactly("a1", "a2", "a4");
        assertThat(pages.get(id("a")).nextCursor()).contains(Cursor.after(stored("a4")));
        assertThat(ids(pages.get(id("b")))).containsExactly("b1");
        assertThat(pages.get(id("b")).nextCursor()).isEmpty();
        assertThat(pages.get(id("c")).items()).isEmpty();
        assertThat(ids(pages.get(id("d")))).containsExactly("d1", "d2");
        assertThat(ids(store().firstReplies(List.of(id("a")), ALL_STATUSES, 1).get(id("a")))).containsExactly("a1");
        assertThat(ids(store().firstReplies(List.of(id("a")), Set.of(Status.PENDING), 5).get(id("a"))))
                .containsExactly("a3");
    }

    @Test
    @DisplayName("a root's first page equals its first replyPage, and its cursor continues there")
    void firstPageMatchesReplyPage() {
        insertTrees();

        Page first = store().firstReplies(List.of(id("a")), ALL_STATUSES, 2).get(id("a"));

        assertThat(first).isEqualTo(store().replyPage(id("a"), ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 2)));
        Page rest = store().replyPage(id("a"), ALL_STATUSES,
                PageRequest.first(Order.OLDEST_FIRST, 10).next(first.nextCursor().orElseThrow()));
        assertThat(ids(rest)).containsExactly("a3", "a4", "a5");
    }

    @Test
    @DisplayName("the map holds every root asked for, in the order asked, a root asked for twice once, and an empty"
            + " page for ids not stored or not roots")
    void everyRootInOrderOnce() {
        insertTrees();

        Map<CommentId, Page> pages = store().firstReplies(
                List.of(id("d"), id("nope"), id("a"), id("a1"), id("d"), id("b")), APPROVED, 2);

        assertThat(pages.keySet()).containsExactly(id("d"), id("nope"), id("a"), id("a1"), id("b"));
        assertThat(pages.get(id("nope")).items()).isEmpty();
        assertThat(pages.get(id("nope")).nextCursor()).isEmpty();
        assertThat(pages.get(id("a1")).items()).isEmpty();
        assertThat(ids(pages.get(id("a")))).containsExactly("a1", "a2");
        assertThat(store().firstReplies(List.of(), APPROVED, 2)).isEmpty();
    }

    @Test
    @DisplayName("firstReplies accepts 1,000 root ids and refuses more with IllegalArgumentException")
    void atMostOneThousandRootIds() {
        insertTrees();
        List<CommentId> rootIds = new ArrayList<>();
        for (int i = 1; i < PageRequest.MAX_LIMIT; i++) {
            rootIds.add(id("unknown-" + i));
        }
        rootIds.add(id("b"));

        Map<CommentId, Page> pages = store().firstReplies(rootIds, APPROVED, 1);
        assertThat(pages).hasSize(PageRequest.MAX_LIMIT);
        assertThat(pages.keySet()).containsExactlyElementsOf(rootIds);
        assertThat(ids(pages.get(id("b")))).containsExactly("b1");

        rootIds.add(id("one-too-many"));
        assertThatThrownBy(() -> store().firstReplies(rootIds, APPROVED, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("firstReplies refuses null arguments with NullPointerException, and an empty status set or a limit"
            + " per root outside 1 to 1,000 with IllegalArgumentException")
    void argumentMisuse() {
        insertTrees();
        List<CommentId> roots = List.of(id("a"));

        assertThatThrownBy(() -> store().firstReplies(null, APPROVED, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().firstReplies(Arrays.asList(id("a"), null), APPROVED, 1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().firstReplies(roots, null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().firstReplies(roots, Set.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().firstReplies(roots, APPROVED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().firstReplies(roots, APPROVED, PageRequest.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ids(store().firstReplies(roots, APPROVED, PageRequest.MAX_LIMIT).get(id("a"))))
                .containsExactly("a1", "a2", "a4", "a5");
    }
}
