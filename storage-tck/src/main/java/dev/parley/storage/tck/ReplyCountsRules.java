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
import dev.parley.storage.StatusCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#replyCounts}: the replies under each root, at any depth, by status. */
abstract class ReplyCountsRules extends StoreRules {

    ReplyCountsRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /** Root "a": 2 approved, 1 pending (with 1 approved under it), 1 spam, 1 deleted linkback; root "b": 1. */
    private void insertTrees() {
        Comment a = Comments.root("a", "post-1", at(0)).status(Status.PENDING).build();
        Comment b = Comments.root("b", "post-2", at(1)).build();
        Comment a3 = Comments.reply("a3", a, at(3)).status(Status.PENDING).build();
        insert(a, b, a3,
                Comments.reply("a1", a, at(1)).build(),
                Comments.reply("a2", a, at(2)).build(),
                Comments.reply("a31", a3, at(4)).build(),
                Comments.reply("a4", a, at(5)).status(Status.SPAM).build(),
                Comments.linkback("a5", "post-1", Kind.PINGBACK, "https://a.example/", at(6)).replyTo(a)
                        .status(Status.DELETED).build(),
                Comments.reply("b1", b, at(7)).build(),
                Comments.root("c", "post-1", at(8)).build());
    }

    @Test
    @DisplayName("replyCounts counts every reply at every depth under each root by status, never the root itself")
    void exactCountsByStatus() {
        insertTrees();

        Map<CommentId, StatusCounts> counts = store().replyCounts(List.of(id("a"), id("b")));

        assertThat(counts.get(id("a"))).isEqualTo(new StatusCounts(1, 3, 1, 1));
        assertThat(counts.get(id("b"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
    }

    @Test
    @DisplayName("replyCounts holds every root asked for, in the order asked, a root asked for twice once, and ZERO"
            + " for ids not stored, not roots, or without replies")
    void everyRootInOrderOnce() {
        insertTrees();

        Map<CommentId, StatusCounts> counts = store().replyCounts(
                List.of(id("c"), id("b"), id("nope"), id("a1"), id("b"), id("a")));

        assertThat(counts.keySet()).containsExactly(id("c"), id("b"), id("nope"), id("a1"), id("a"));
        assertThat(counts.get(id("c"))).isEqualTo(StatusCounts.ZERO);
        assertThat(counts.get(id("nope"))).isEqualTo(StatusCounts.ZERO);
        assertThat(counts.get(id("a1"))).isEqualTo(StatusCounts.ZERO);
        assertThat(counts.get(id("b"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(store().replyCounts(List.of())).isEmpty();
    }

    @Test
    @DisplayName("replyCounts follow every insert, status update and delete of a reply")
    void countsFollowWrites() {
        insertTrees();

        store().insert(Comments.reply("a6", stored("a31"), at(9)).build());
        store().update(stored("a1").toBuilder().status(Status.SPAM).build());
        store().update(stored("a2").toBuilder().text("edited").build());
        store().delete(id("a4"));

        assertThat(store().replyCounts(List.of(id("a"))).get(id("a"))).isEqualTo(new StatusCounts(1, 3, 1, 1));
        store().delete(id("a31"));
        assertThat(store().replyCounts(List.of(id("a"))).get(id("a"))).isEqualTo(new StatusCounts(1, 2, 1, 1));
    }

    @Test
    @DisplayName("replyCounts accepts 1,000 root ids, refuses more with IllegalArgumentException, and null with"
            + " NullPointerException")
    void argumentMisuse() {
        insertTrees();
        List<CommentId> rootIds = new ArrayList<>();
        for (int i = 1; i < PageRequest.MAX_LIMIT; i++) {
            rootIds.add(id("unknown-" + i));
        }
        rootIds.add(id("b"));

        Map<CommentId, StatusCounts> counts = store().replyCounts(rootIds);
        assertThat(counts).hasSize(PageRequest.MAX_LIMIT);
        assertThat(counts.get(id("b"))).isEqualTo(new StatusCounts(0, 1, 0, 0));

        rootIds.add(id("one-too-many"));
        assertThatThrownBy(() -> store().replyCounts(rootIds)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().replyCounts(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().replyCounts(Arrays.asList(id("a"), null)))
                .isInstanceOf(NullPointerException.class);
    }
}
