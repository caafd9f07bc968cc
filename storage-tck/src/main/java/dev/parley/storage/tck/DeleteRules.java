package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.StatusCounts;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#delete(dev.parley.storage.CommentId)}: an idempotent hard delete. */
abstract class DeleteRules extends StoreRules {

    DeleteRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("delete returns true when it removed the comment, then false: it is idempotent")
    void deleteIsIdempotent() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());

        assertThat(store().delete(id("c1"))).isTrue();
        assertThat(store().delete(id("c1"))).isFalse();
        assertThat(store().find(id("c1"))).isEmpty();
    }

    @Test
    @DisplayName("delete of an id never stored returns false and changes nothing")
    void deleteOfMissingIdReturnsFalse() {
        Comment kept = Comments.root("c1", "post-1", at(0)).build();
        store().insert(kept);

        assertThat(store().delete(id("c2"))).isFalse();
        assertThat(stored("c1")).isEqualTo(kept);
    }

    @Test
    @DisplayName("a deleted comment is gone from find, roots, replies, queue, scan and counts")
    void deletedCommentIsGoneEverywhere() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment reply = Comments.reply("r-1", root, at(1)).build();
        Comment other = Comments.root("s", "post-1", at(2)).build();
        insert(root, reply, other);

        store().delete(id("r-1"));
        store().delete(id("s"));

        PageRequest first = PageRequest.first(Order.OLDEST_FIRST, 10);
        assertThat(store().find(id("s"))).isEmpty();
        assertThat(ids(store().roots(thread("post-1"), ALL_STATUSES, first))).containsExactly("r");
        assertThat(store().replies(List.of(id("r")), ALL_STATUSES)).isEmpty();
        assertThat(ids(store().queue(ALL_STATUSES, first))).containsExactly("r");
        assertThat(ids(store().scan(first))).containsExactly("r");
        assertThat(store().counts(thread("post-1"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
    }

    @Test
    @DisplayName("deleting a thread's last comment leaves counts of ZERO and an empty roots page")
    void deletingTheLastCommentEmptiesTheThread() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());

        store().delete(id("c1"));

        assertThat(store().counts(thread("post-1"))).isEqualTo(StatusCounts.ZERO);
        assertThat(store().roots(thread("post-1"), ALL_STATUSES, PageRequest.first(Order.NEWEST_FIRST, 5)).items())
                .isEmpty();
    }

    @Test
    @DisplayName("deleting a root leaves its replies stored and still found by the root's id")
    void deletingARootLeavesItsReplies() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment child = Comments.reply("r-1", root, at(1)).build();
        Comment grandchild = Comments.reply("r-1-1", child, at(2)).build();
        insert(root, child, grandchild);

        assertThat(store().delete(id("r"))).isTrue();

        assertThat(stored("r-1")).isEqualTo(child);
        assertThat(stored("r-1-1")).isEqualTo(grandchild);
        assertThat(store().replies(List.of(id("r")), ALL_STATUSES)).containsExactly(child, grandchild);
        assertThat(store().counts(thread("post-1"))).isEqualTo(new StatusCounts(0, 2, 0, 0));
    }

    @Test
    @DisplayName("deleting a linkback frees its (thread, source URL) for a new linkback")
    void deletingALinkbackFreesTheSource() {
        store().insert(Comments.linkback("lb1", "post-1", Kind.PINGBACK, "https://a.example/p", at(0)).build());
        store().delete(id("lb1"));

        Comment again = Comments.linkback("lb2", "post-1", Kind.WEBMENTION, "https://a.example/p", at(5)).build();
        store().insert(again);

        assertThat(store().findLinkback(thread("post-1"), "https://a.example/p")).contains(again);
    }

    @Test
    @DisplayName("a deleted id may be inserted again as a new comment")
    void deletedIdCanBeReused() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());
        store().delete(id("c1"));
        Comment again = Comments.root("c1", "post-2", at(9)).text("new").build();

        store().insert(again);

        assertThat(stored("c1")).isEqualTo(again);
        assertThat(store().counts(thread("post-1"))).isEqualTo(StatusCounts.ZERO);
    }
}
