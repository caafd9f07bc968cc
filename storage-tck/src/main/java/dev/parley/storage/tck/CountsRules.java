package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#counts(ThreadKey)} and {@link CommentStore#counts(java.util.Collection)}. */
abstract class CountsRules extends StoreRules {

    CountsRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /** post-1: 2 pending, 3 approved, 1 spam, 1 deleted (roots, replies, a linkback); post-2: 1 approved. */
    private void insertMixedThreads() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        insert(root,
                Comments.reply("r-1", root, at(1)).status(Status.PENDING).build(),
                Comments.reply("r-2", root, at(2)).status(Status.SPAM).build(),
                Comments.root("s", "post-1", at(3)).status(Status.DELETED).build(),
                Comments.root("t", "post-1", at(4)).status(Status.PENDING).build(),
                Comments.linkback("lb", "post-1", Kind.PINGBACK, "https://a.example/", at(5)).build(),
                Comments.reply("r-3", root, at(6)).build(),
                Comments.root("other", "post-2", at(7)).build());
    }

    @Test
    @DisplayName("counts of a thread count roots, replies and linkbacks by status")
    void countsByStatus() {
        insertMixedThreads();

        assertThat(store().counts(thread("post-1"))).isEqualTo(new StatusCounts(2, 3, 1, 1));
        assertThat(store().counts(thread("post-2"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
    }

    @Test
    @DisplayName("counts of a thread never stored are ZERO")
    void unknownThreadCountsZero() {
        assertThat(store().counts(thread("nothing-here"))).isEqualTo(StatusCounts.ZERO);
        insertMixedThreads();
        assertThat(store().counts(thread("POST-1"))).isEqualTo(StatusCounts.ZERO);
        assertThat(store().counts(thread("post-"))).isEqualTo(StatusCounts.ZERO);
    }

    @Test
    @DisplayName("counts follow every insert, status update and delete")
    void countsFollowEveryWrite() {
        ThreadKey post = thread("post-1");
        store().insert(Comments.root("a", "post-1", at(0)).status(Status.PENDING).build());
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(1, 0, 0, 0));

        store().insert(Comments.root("b", "post-1", at(1)).status(Status.PENDING).build());
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(2, 0, 0, 0));

        store().update(stored("a").toBuilder().status(Status.APPROVED).build());
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(1, 1, 0, 0));

        store().update(stored("b").toBuilder().status(Status.SPAM).build());
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(0, 1, 1, 0));

        store().update(stored("a").toBuilder().text("edited, status unchanged").build());
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(0, 1, 1, 0));

        store().update(stored("a").toBuilder().status(Status.DELETED).build());
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(0, 0, 1, 1));

        store().delete(id("b"));
        assertThat(store().counts(post)).isEqualTo(new StatusCounts(0, 0, 0, 1));

        store().delete(id("a"));
        assertThat(store().counts(post)).isEqualTo(StatusCounts.ZERO);
    }

    @Test
    @DisplayName("counts of many threads hold every thread asked for, in the order asked, unknown ones ZERO")
    void countsOfManyThreads() {
        insertMixedThreads();

        Map<ThreadKey, StatusCounts> counts =
                store().counts(List.of(thread("unknown"), thread("post-2"), thread("post-1")));

        assertThat(counts.keySet()).containsExactly(thread("unknown"), thread("post-2"), thread("post-1"));
        assertThat(counts.get(thread("unknown"))).isEqualTo(StatusCounts.ZERO);
        assertThat(counts.get(thread("post-2"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(counts.get(thread("post-1"))).isEqualTo(new StatusCounts(2, 3, 1, 1));
    }

    @Test
    @DisplayName("counts of many threads list a thread asked for twice once")
    void countsOfDuplicateThreadsOnce() {
        insertMixedThreads();

        Map<ThreadKey, StatusCounts> counts =
                store().counts(List.of(thread("post-1"), thread("post-2"), thread("post-1")));

        assertThat(counts.keySet()).containsExactly(thread("post-1"), thread("post-2"));
        assertThat(counts.get(thread("post-1"))).isEqualTo(new StatusCounts(2, 3, 1, 1));
    }

    @Test
    @DisplayName("counts of no threads is an empty map")
    void countsOfNoThreads() {
        insertMixedThreads();

        assertThat(store().counts(List.<ThreadKey>of())).isEmpty();
    }

    @Test
    @DisplayName("counts of many threads accepts 1,000 threads and refuses more with IllegalArgumentException")
    void countsOfAtMostOneThousandThreads() {
        insertMixedThreads();
        List<ThreadKey> threads = new ArrayList<>();
        for (int i = 0; i < PageRequest.MAX_LIMIT - 1; i++) {
            threads.add(thread("t-" + i));
        }
        threads.add(thread("post-1"));

        Map<ThreadKey, StatusCounts> counts = store().counts(threads);
        assertThat(counts).hasSize(PageRequest.MAX_LIMIT);
        assertThat(counts.keySet()).containsExactlyElementsOf(threads);
        assertThat(counts.get(thread("post-1"))).isEqualTo(new StatusCounts(2, 3, 1, 1));

        threads.add(thread("one-too-many"));
        assertThatThrownBy(() -> store().counts(threads)).isInstanceOf(IllegalArgumentException.class);
    }
}
