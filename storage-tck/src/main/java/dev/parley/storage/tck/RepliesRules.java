package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#replies}: every reply under a set of roots, by root id, oldest first. */
abstract class RepliesRules extends StoreRules {

    RepliesRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    private Comment a;
    private Comment a1;
    private Comment a11;
    private Comment a111;
    private Comment a2;
    private Comment b;
    private Comment b1;
    private Comment c1;

    /** Roots a and b in post-1 with replies to depth 3, and root c in post-2 with one reply. */
    private void insertTrees() {
        a = Comments.root("a", "post-1", at(0)).build();
        a1 = Comments.reply("a1", a, at(10)).build();
        a11 = Comments.reply("a11", a1, at(30)).build();
        a111 = Comments.reply("a111", a11, at(50)).build();
        a2 = Comments.reply("a2", a, at(20)).status(Status.PENDING).build();
        b = Comments.root("b", "post-1", at(5)).build();
        b1 = Comments.reply("b1", b, at(25)).build();
        Comment c = Comments.root("c", "post-2", at(1)).build();
        c1 = Comments.reply("c1", c, at(15)).build();
        insert(a111, a11, a, b1, a2, c1, b, a1, c);
    }

    @Test
    @DisplayName("replies holds every reply at every depth under the roots asked for, and never the roots")
    void repliesAtEveryDepth() {
        insertTrees();

        assertThat(store().replies(List.of(id("a")), ALL_STATUSES)).containsExactly(a1, a2, a11, a111);
    }

    @Test
    @DisplayName("replies of several roots come out merged oldest first, not grouped by root")
    void repliesAreMergedOldestFirst() {
        insertTrees();

        assertThat(store().replies(List.of(id("b"), id("a"), id("c")), ALL_STATUSES))
                .containsExactly(a1, c1, a2, b1, a11, a111);
    }

    @Test
    @DisplayName("replies holds only the statuses asked for, even when a reply's parent has another status")
    void repliesOnlyOfRequestedStatuses() {
        insertTrees();
        Comment underPending = Comments.reply("a21", a2, at(60)).build();
        store().insert(underPending);

        assertThat(store().replies(List.of(id("a")), APPROVED)).containsExactly(a1, a11, a111, underPending);
        assertThat(store().replies(List.of(id("a")), Set.of(Status.PENDING))).containsExactly(a2);
        assertThat(store().replies(List.of(id("a")), Set.of(Status.SPAM, Status.DELETED))).isEmpty();
    }

    @Test
    @DisplayName("replies created at the same instant are ordered by id in binary order")
    void tiedRepliesAreOrderedById() {
        Comment root = Comments.root("root", "post-1", at(0)).build();
        store().insert(root);
        List<Comment> tied = new ArrayList<>();
        for (String tiedId : List.of("a", "_", "A", "0", "-")) {
            tied.add(Comments.reply(tiedId, root, at(7)).build());
        }
        tied.forEach(store()::insert);

        assertThat(ids(store().replies(List.of(root.id()), ALL_STATUSES))).containsExactly("-", "0", "A", "_", "a");
    }

    @Test
    @DisplayName("ids not stored, and ids of replies rather than roots, add nothing")
    void unknownAndNonRootIdsAddNothing() {
        insertTrees();

        assertThat(store().replies(List.of(id("nope"), id("a1"), id("c1")), ALL_STATUSES)).isEmpty();
        assertThat(store().replies(List.of(id("nope"), id("b")), ALL_STATUSES)).containsExactly(b1);
    }

    @Test
    @DisplayName("a root asked for twice has its replies read once")
    void duplicateRootIdsReadOnce() {
        insertTrees();

        assertThat(store().replies(List.of(id("b"), id("b"), id("b")), ALL_STATUSES)).containsExactly(b1);
    }

    @Test
    @DisplayName("replies of no roots, or of roots without replies, is an empty list")
    void noRootsNoReplies() {
        insertTrees();

        assertThat(store().replies(List.of(), ALL_STATUSES)).isEmpty();
        store().insert(Comments.root("lonely", "post-1", at(99)).build());
        assertThat(store().replies(List.of(id("lonely")), ALL_STATUSES)).isEmpty();
    }

    @Test
    @DisplayName("linkbacks that are replies are returned like any other reply")
    void linkbackRepliesAreReplies() {
        Comment root = Comments.root("root", "post-1", at(0)).build();
        Comment linkbackReply = Comments.linkback("lb", "post-1", Kind.WEBMENTION, "https://a.example/", at(1))
                .replyTo(root).build();
        insert(root, linkbackReply);

        assertThat(store().replies(List.of(root.id()), ALL_STATUSES)).containsExactly(linkbackReply);
    }

    @Test
    @DisplayName("the returned list is the caller's: changing it, where it allows changes, changes nothing stored")
    void returnedListIsDetached() {
        insertTrees();
        List<Comment> replies = store().replies(List.of(id("a")), ALL_STATUSES);

        try {
            replies.clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // An unmodifiable list is the other good answer.
        }

        assertThat(store().replies(List.of(id("a")), ALL_STATUSES)).containsExactly(a1, a2, a11, a111);
    }

    @Test
    @DisplayName("replies accepts 1,000 root ids and refuses more with IllegalArgumentException")
    void atMostOneThousandRootIds() {
        insertTrees();
        List<CommentId> rootIds = new ArrayList<>();
        rootIds.add(id("a"));
        for (int i = 1; i < PageRequest.MAX_LIMIT; i++) {
            rootIds.add(id("unknown-" + i));
        }

        assertThat(store().replies(rootIds, APPROVED)).containsExactly(a1, a11, a111);

        rootIds.add(id("one-too-many"));
        assertThatThrownBy(() -> store().replies(rootIds, APPROVED)).isInstanceOf(IllegalArgumentException.class);
    }
}
