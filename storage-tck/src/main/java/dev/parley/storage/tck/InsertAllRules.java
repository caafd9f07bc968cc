package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#insertAll(List)}: a batch is stored whole, or not at all. */
abstract class InsertAllRules extends StoreRules {

    /** Comments of its own and comments shared with every other racer, per batch of the race. */
    static final int OWN = 10;
    static final int SHARED = 10;

    InsertAllRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("insertAll stores every comment of the batch as given, each then readable by find, pages and"
            + " counts; replies may come before their parents")
    void storesEveryComment() {
        Comment root = Comments.fullyPopulated("r", "post-1", at(0)).status(Status.APPROVED).build();
        Comment reply = Comments.reply("r-1", root, at(1)).status(Status.PENDING).version(2)
                .provenance(Provenance.of("disqus", "873413")).build();
        Comment pingback = Comments.linkback("lb", "post-1", Kind.PINGBACK, "https://a.example/", at(2)).build();
        Comment other = Comments.root("o", "post-2", at(3)).build();
        List<Comment> batch = List.of(reply, other, pingback, root);

        store().insertAll(batch);

        for (Comment comment : batch) {
            assertThat(store().find(comment.id())).as("comment %s", comment.id()).contains(comment);
        }
        assertThat(store().roots(thread("post-1"), ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                .containsExactly(root, pingback);
        assertThat(store().replies(List.of(root.id()), ALL_STATUSES)).containsExactly(reply);
        assertThat(store().counts(thread("post-1"))).isEqualTo(new StatusCounts(1, 2, 0, 0));
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/")).contains(pingback);
        assertThat(store().scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                .containsExactly(root, reply, pingback, other);
    }

    @Test
    @DisplayName("an empty batch stores nothing and does not fail")
    void emptyBatchDoesNothing() {
        store().insert(Comments.root("kept", "post-1", at(0)).build());

        store().insertAll(List.of());

        assertThat(ids(store().scan(PageRequest.first(Order.OLDEST_FIRST, 10)))).containsExactly("kept");
    }

    @Test
    @DisplayName("a batch holding an id already stored throws DuplicateCommentException naming it and stores none"
            + " of the batch; the stored comment is unchanged")
    void batchWithStoredIdStoresNone() {
        Comment first = Comments.root("c2", "post-1", at(0)).build();
        store().insert(first);
        List<Comment> batch = List.of(Comments.root("c1", "post-1", at(1)).build(),
                Comments.linkback("lb", "post-1", Kind.WEBMENTION, "https://a.example/", at(2)).build(),
                Comments.root("c2", "post-2", at(3)).text("another").build(),
                Comments.root("c3", "post-3", at(4)).build());

        assertThatThrownBy(() -> store().insertAll(batch))
                .isInstanceOf(DuplicateCommentException.class)
                .satisfies(e -> assertThat(((DuplicateCommentException) e).id()).isEqualTo(id("c2")));

        assertNoneStored(batch, first);
        assertThat(stored("c2")).isEqualTo(first);
        assertThat(store().counts(thread("post-2"))).isEqualTo(StatusCounts.ZERO);
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/")).isEmpty();
        List<Comment> withoutDuplicate = List.of(batch.get(0), batch.get(1), batch.get(3));
        store().insertAll(withoutDuplicate);
        for (Comment comment : withoutDuplicate) {
            assertThat(store().find(comment.id())).contains(comment);
        }
    }

    @Test
    @DisplayName("a batch repeating an id within itself throws DuplicateCommentException and stores none")
    void batchRepeatingAnIdStoresNone() {
        List<Comment> batch = List.of(Comments.root("a", "post-1", at(0)).build(),
                Comments.root("b", "post-1", at(1)).build(),
                Comments.root("a", "post-2", at(2)).text("the same id again").build());

        assertThatThrownBy(() -> store().insertAll(batch))
                .isInstanceOf(DuplicateCommentException.class)
                .satisfies(e -> assertThat(((DuplicateCommentException) e).id()).isEqualTo(id("a")));

        assertNoneStored(batch, null);
    }

    @Test
    @DisplayName("a batch holding a linkback whose (thread, source URL) is stored already throws"
            + " DuplicateLinkbackException and stores none")
    void batchWithStoredLinkbackStoresNone() {
        Comment first = Comments.linkback("lb1", "post-1", Kind.PINGBACK, "https://a.example/", at(0)).build();
        store().insert(first);
        List<Comment> batch = List.of(Comments.root("c1", "post-1", at(1)).build(),
                Comments.linkback("lb2", "post-1", Kind.TRACKBACK, "https://a.example/", at(2)).build());

        assertThatThrownBy(() -> store().insertAll(batch))
                .isInstanceOf(DuplicateLinkbackException.class)
                .satisfies(e -> {
                    assertThat(((DuplicateLinkbackException) e).thread()).isEqualTo(thread("post-1"));
                    assertThat(((DuplicateLinkbackException) e).sourceUrl()).isEqualTo("https://a.example/");
                });

        assertNoneStored(batch, first);
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/")).contains(first);
    }

    @Test
    @DisplayName("a batch holding two linkbacks from one source URL in one thread throws DuplicateLinkbackException"
            + " and stores none; the same source in two threads is stored")
    void batchRepeatingALinkbackStoresNone() {
        List<Comment> batch = List.of(
                Comments.linkback("lb1", "post-1", Kind.PINGBACK, "https://a.example/", at(0)).build(),
                Comments.linkback("lb2", "post-2", Kind.PINGBACK, "https://a.example/", at(1)).build(),
                Comments.linkback("lb3", "post-1", Kind.WEBMENTION, "https://a.example/", at(2)).build());

        assertThatThrownBy(() -> store().insertAll(batch)).isInstanceOf(DuplicateLinkbackException.class);

        assertNoneStored(batch, null);
        store().insertAll(batch.subList(0, 2));
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/")).contains(batch.get(0));
        assertThat(store().findLinkback(thread("post-2"), "https://a.example/")).contains(batch.get(1));
    }

    @Test
    @DisplayName("a batch of MAX_BATCH comments is stored whole; one more throws IllegalArgumentException and"
            + " stores none")
    void batchSizeIsLimited() {
        List<Comment> tooMany = new ArrayList<>();
        for (int i = 0; i <= CommentStore.MAX_BATCH; i++) {
            tooMany.add(Comments.root("b" + i, i % 2 == 0 ? "post-even" : "post-odd", at(i)).build());
        }

        assertThatThrownBy(() -> store().insertAll(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().counts(List.of(thread("post-even"), thread("post-odd"))).values())
                .containsOnly(StatusCounts.ZERO);

        List<Comment> full = tooMany.subList(0, CommentStore.MAX_BATCH);
        store().insertAll(full);
        assertThat(store().counts(thread("post-even")).approved()).isEqualTo(CommentStore.MAX_BATCH / 2);
        assertThat(store().counts(thread("post-odd")).approved()).isEqualTo(CommentStore.MAX_BATCH / 2);
        List<CommentId> ids = full.stream().map(Comment::id).toList();
        assertThat(store().findAll(ids).values()).containsExactlyElementsOf(full);
        assertThat(store().find(tooMany.get(CommentStore.MAX_BATCH).id())).isEmpty();
    }

    @Test
    @DisplayName("a null batch or a batch holding null throws NullPointerException and stores none")
    void nullsAreRefused() {
        Comment valid = Comments.root("c1", "post-1", at(0)).build();

        assertThatThrownBy(() -> store().insertAll(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().insertAll(Arrays.asList(valid, null)))
                .isInstanceOf(NullPointerException.class);

        assertThat(store().find(valid.id())).isEmpty();
        assertThat(store().counts(thread("post-1"))).isEqualTo(StatusCounts.ZERO);
    }

    @Test
    @DisplayName("of threads inserting batches that share comments at once, exactly one batch is stored, whole,"
            + " each comment once; the others throw DuplicateCommentException and leave nothing")
    void racingOverlappingBatchesAreAllOrNone() {
        for (int round = 0; round < ConcurrencyRules.ROUNDS; round++) {
            List<List<Comment>> batches = new ArrayList<>();
            List<Callable<?>> tasks = new ArrayList<>();
            for (int racer = 0; racer < ConcurrencyRules.RACERS; racer++) {
                List<Comment> batch = racingBatch(round, racer);
                batches.add(batch);
                tasks.add(() -> {
                    store().insertAll(batch);
                    return batch;
                });
            }

            List<Object> outcomes = ConcurrencyRules.runTogether(tasks);

            List<Integer> winners = new ArrayList<>();
            for (int racer = 0; racer < outcomes.size(); racer++) {
                Object outcome = outcomes.get(racer);
                if (outcome instanceof List<?>) {
                    winners.add(racer);
                } else {
                    assertThat(outcome).as("round %d: a refused batch", round)
                            .isInstanceOf(DuplicateCommentException.class);
                }
            }
            assertThat(winners).as("round %d: the batches stored", round).hasSize(1);
            for (int racer = 0; racer < batches.size(); racer++) {
                List<Comment> batch = batches.get(racer);
                if (racer == winners.get(0)) {
                    assertThat(store().findAll(batch.stream().map(Comment::id).toList()).values())
                            .as("round %d: the stored batch", round).containsExactlyElementsOf(batch);
                } else {
                    for (Comment own : batch.subList(0, OWN)) {
                        assertThat(store().find(own.id())).as("round %d: a comment of a refused batch", round)
                                .isEmpty();
                    }
                }
            }
        }
        int expected = ConcurrencyRules.ROUNDS * (OWN + SHARED);
        List<Comment> all = readAll(store()::scan, Order.OLDEST_FIRST, PageRequest.MAX_LIMIT, expected);
        Set<CommentId> distinct = new HashSet<>();
        all.forEach(c -> distinct.add(c.id()));
        assertThat(all).hasSize(expected);
        assertThat(distinct).hasSize(expected);
    }

    /**
     * A racer's batch: its own comments first, then the round's shared ones in the same order for every racer,
     * each holding the racer's number so that a mixed result shows.
     */
    private static List<Comment> racingBatch(int round, int racer) {
        List<Comment> batch = new ArrayList<>();
        for (int i = 0; i < OWN; i++) {
            batch.add(Comments.root("own-" + round + "-" + racer + "-" + i, "race-" + round, at(i))
                    .text("racer " + racer).build());
        }
        for (int i = 0; i < SHARED; i++) {
            batch.add(Comments.root("shared-" + round + "-" + i, "race-" + round, at(i))
                    .text("racer " + racer).provenance(Provenance.of("race", racer + "-" + i)).build());
        }
        return batch;
    }

    /** Checks that no comment of {@code batch} is stored, except {@code kept}, stored before under its id. */
    private void assertNoneStored(List<Comment> batch, @Nullable Comment kept) {
        for (Comment comment : batch) {
            if (kept != null && comment.id().equals(kept.id())) {
                continue;
            }
            assertThat(store().find(comment.id())).as("comment %s of the refused batch", comment.id()).isEmpty();
        }
        List<Comment> all = store().scan(PageRequest.first(Order.OLDEST_FIRST, 100)).items();
        assertThat(all).as("every stored comment").containsExactlyElementsOf(kept == null ? List.of() : List.of(kept));
    }
}
