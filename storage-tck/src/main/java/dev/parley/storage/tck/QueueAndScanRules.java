package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
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

/** Rules of {@link CommentStore#queue} and {@link CommentStore#scan}: keyset pages across every thread. */
abstract class QueueAndScanRules extends StoreRules {

    QueueAndScanRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /** 30 comments in 3 threads, roots and replies, statuses cycling, several kinds, some tied times. */
    private List<Comment> insertSpread() {
        List<Comment> all = new ArrayList<>();
        Comment[] roots = new Comment[3];
        for (int i = 0; i < 30; i++) {
            String thread = "post-" + (i % 3);
            Status status = Status.values()[i % Status.values().length];
            // Every fifth comment shares its instant with the one before it.
            long second = i % 5 == 4 ? i - 1 : i;
            Comment.Builder builder;
            if (i < 3) {
                builder = Comments.root("q" + (char) ('a' + i), thread, at(second));
            } else if (i % 7 == 0) {
                builder = Comments.linkback("q" + i, thread, Kind.TRACKBACK, "https://s.example/" + i, at(second));
            } else {
                builder = Comments.reply("q" + i, roots[i % 3], at(second));
            }
            Comment comment = builder.status(status).build();
            if (i < 3) {
                roots[i] = comment;
            }
            all.add(comment);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            store().insert(all.get(i));
        }
        return all;
    }

    @Test
    @DisplayName("the queue lists comments of every thread, roots and replies, of the statuses asked for, in order")
    void queueListsEveryThread() {
        List<Comment> all = insertSpread();
        List<Comment> pending = all.stream().filter(c -> c.status() == Status.PENDING).toList();

        for (Order order : Order.values()) {
            assertThat(store().queue(Set.of(Status.PENDING), PageRequest.first(order, 100)).items())
                    .as("%s", order).containsExactlyElementsOf(sorted(pending, order));
        }
    }

    @Test
    @DisplayName("the queue of several statuses merges them in one order, across pages of any size")
    void queueOfSeveralStatusesAcrossPages() {
        List<Comment> all = insertSpread();
        Set<Status> statuses = Set.of(Status.PENDING, Status.SPAM, Status.DELETED);
        List<Comment> expected = all.stream().filter(c -> statuses.contains(c.status())).toList();

        for (Order order : Order.values()) {
            for (int limit : new int[] {1, 2, 7, expected.size()}) {
                assertThat(readAll(r -> store().queue(statuses, r), order, limit, expected.size()))
                        .as("%s, limit %d", order, limit).containsExactlyElementsOf(sorted(expected, order));
            }
        }
    }

    @Test
    @DisplayName("the queue orders comments created at the same instant by id in binary order")
    void queueTiesByBinaryId() {
        int thread = 0;
        for (String tiedId : List.of("a", "_", "A", "0", "-")) {
            store().insert(Comments.root(tiedId, "post-" + thread++, at(3)).status(Status.PENDING).build());
        }

        assertThat(ids(store().queue(Set.of(Status.PENDING), PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("-", "0", "A", "_", "a");
        assertThat(ids(store().queue(Set.of(Status.PENDING), PageRequest.first(Order.NEWEST_FIRST, 10))))
                .containsExactly("a", "_", "A", "0", "-");
    }

    @Test
    @DisplayName("queue pages neither skip nor repeat while comments are inserted and moderated between reads")
    void queuePagesAreStable() {
        for (Order order : Order.values()) {
            boolean ascending = order == Order.OLDEST_FIRST;
            String p = ascending ? "o" : "n";
            List<Comment> pending = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                pending.add(Comments.root(p + i, "post-" + p + (i % 2), at(i * 10L)).status(Status.PENDING).build());
            }
            pending.forEach(store()::insert);
            List<Comment> inOrder = sorted(pending, order);
            PageRequest request = PageRequest.first(order, 3);
            Page page = store().queue(Set.of(Status.PENDING), request);
            List<Comment> seen = new ArrayList<>(page.items());
            Comment last = page.items().get(2);

            // A moderator approves the first seen and the fifth unseen; new comments arrive on both sides.
            store().update(stored(inOrder.get(0).id().value()).toBuilder().status(Status.APPROVED).build());
            store().update(stored(inOrder.get(5).id().value()).toBuilder().status(Status.APPROVED).build());
            Comment behind = Comments.root(p + "behind", "post-x", last.createdAt().plusSeconds(ascending ? -1 : 1))
                    .status(Status.PENDING).build();
            Comment ahead = Comments.root(p + "ahead", "post-y", last.createdAt().plusSeconds(ascending ? 1 : -1))
                    .status(Status.PENDING).build();
            insert(behind, ahead);

            while (page.nextCursor().isPresent()) {
                request = request.next(page.nextCursor().get());
                page = store().queue(Set.of(Status.PENDING), request);
                seen.addAll(page.items());
                assertThat(seen.size()).as("pages end").isLessThan(40);
            }

            List<Comment> expected = new ArrayList<>(inOrder.subList(0, 3));
            List<Comment> rest = new ArrayList<>(inOrder.subList(3, 10));
            rest.remove(inOrder.get(5));
            rest.add(ahead);
            expected.addAll(sorted(rest, order));
            assertThat(ids(seen)).as("%s", order).containsExactlyElementsOf(ids(expected));
            for (Comment comment : store().queue(Set.of(Status.PENDING), PageRequest.first(order, 100)).items()) {
                store().update(comment.toBuilder().status(Status.SPAM).build());
            }
        }
    }

    @Test
    @DisplayName("scan lists every comment of every thread, status and kind, in either order")
    void scanListsEverything() {
        List<Comment> all = insertSpread();

        for (Order order : Order.values()) {
            assertThat(store().scan(PageRequest.first(order, 100)).items())
                    .as("%s", order).containsExactlyElementsOf(sorted(all, order));
        }
    }

    @Test
    @DisplayName("scan pages of any size list each comment exactly once")
    void scanPagesListEachOnce() {
        List<Comment> all = insertSpread();

        for (Order order : Order.values()) {
            for (int limit : new int[] {1, 3, 4, 29, 30, 31}) {
                assertThat(readAll(store()::scan, order, limit, all.size()))
                        .as("%s, limit %d", order, limit).containsExactlyElementsOf(sorted(all, order));
            }
        }
    }

    @Test
    @DisplayName("scan pages neither skip nor repeat while comments are inserted, updated and deleted between reads")
    void scanPagesAreStable() {
        List<Comment> all = insertSpread();
        List<Comment> inOrder = sorted(all, Order.OLDEST_FIRST);
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, 8);
        Page page = store().scan(request);
        List<Comment> seen = new ArrayList<>(page.items());
        Comment last = page.items().get(7);

        store().update(stored(inOrder.get(1).id().value()).toBuilder().status(Status.SPAM).text("seen").build());
        store().update(stored(inOrder.get(12).id().value()).toBuilder().text("not yet seen").build());
        store().delete(inOrder.get(7).id());
        store().delete(inOrder.get(20).id());
        Comment behind = Comments.root("zz-behind", "post-9", last.createdAt().minusNanos(1_000)).build();
        Comment tiedAhead = Comments.root("zz-tied", "post-9", last.createdAt()).build();
        Comment ahead = Comments.root("zz-ahead", "post-9", at(10_000)).build();
        insert(behind, tiedAhead, ahead);

        while (page.nextCursor().isPresent()) {
            request = request.next(page.nextCursor().get());
            page = store().scan(request);
            seen.addAll(page.items());
            assertThat(seen.size()).as("pages end").isLessThan(100);
        }

        List<Comment> rest = new ArrayList<>(inOrder.subList(8, inOrder.size()));
        rest.remove(inOrder.get(20));
        rest.add(tiedAhead);
        rest.add(ahead);
        List<String> expected = new ArrayList<>(ids(inOrder.subList(0, 8)));
        expected.addAll(ids(sorted(rest, Order.OLDEST_FIRST)));
        assertThat(ids(seen)).containsExactlyElementsOf(expected);
        assertThat(seen).contains(stored(inOrder.get(12).id().value()));
    }

    @Test
    @DisplayName("scan and queue of an empty store are empty pages without a next cursor")
    void emptyStoreScansEmpty() {
        Page scan = store().scan(PageRequest.first(Order.NEWEST_FIRST, 10));
        Page queue = store().queue(ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10));

        assertThat(scan.items()).isEmpty();
        assertThat(scan.nextCursor()).isEmpty();
        assertThat(queue.items()).isEmpty();
        assertThat(queue.nextCursor()).isEmpty();
    }
}
