package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Misuse of the SPI: null arguments throw {@link NullPointerException}, empty status sets
 * {@link IllegalArgumentException}, and nothing is stored or changed.
 */
abstract class ArgumentRules extends StoreRules {

    private static final PageRequest FIRST = PageRequest.first(Order.OLDEST_FIRST, 10);
    private static final ThreadKey POST = ThreadKey.of("post-1");

    ArgumentRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    private void assertNpe(ThrowingCallable... calls) {
        store().insert(Comments.root("kept", "post-1", at(0)).build());
        for (int i = 0; i < calls.length; i++) {
            assertThatThrownBy(calls[i]).as("call %d", i).isInstanceOf(NullPointerException.class);
        }
        assertThat(store().counts(POST)).isEqualTo(new StatusCounts(0, 1, 0, 0));
    }

    private void assertIae(ThrowingCallable... calls) {
        store().insert(Comments.root("kept", "post-1", at(0)).build());
        for (int i = 0; i < calls.length; i++) {
            assertThatThrownBy(calls[i]).as("call %d", i).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store().counts(POST)).isEqualTo(new StatusCounts(0, 1, 0, 0));
    }

    @Test
    @DisplayName("insert, find, update and delete of null throw NullPointerException")
    void nullCommentOrId() {
        assertNpe(() -> store().insert(null), () -> store().find(null), () -> store().update(null),
                () -> store().delete(null));
    }

    @Test
    @DisplayName("findAll of null, or of ids holding null, throws NullPointerException")
    void findAllOfNull() {
        assertNpe(() -> store().findAll(null),
                () -> store().findAll(Arrays.asList(CommentId.of("kept"), null)));
    }

    @Test
    @DisplayName("roots with a null thread, status set or request throws NullPointerException")
    void rootsWithNulls() {
        assertNpe(() -> store().roots(null, APPROVED, FIRST), () -> store().roots(POST, null, FIRST),
                () -> store().roots(POST, APPROVED, null));
    }

    @Test
    @DisplayName("roots, replies and queue with an empty status set throw IllegalArgumentException")
    void emptyStatusSets() {
        assertIae(() -> store().roots(POST, Set.of(), FIRST),
                () -> store().replies(List.of(CommentId.of("kept")), Set.<Status>of()),
                () -> store().queue(Set.of(), FIRST));
    }

    @Test
    @DisplayName("replies with null root ids, null in the root ids, or a null status set throws NullPointerException")
    void repliesWithNulls() {
        assertNpe(() -> store().replies(null, APPROVED),
                () -> store().replies(Arrays.asList(CommentId.of("kept"), null), APPROVED),
                () -> store().replies(List.of(CommentId.of("kept")), null));
    }

    @Test
    @DisplayName("counts of a null thread, a null collection or a collection holding null throw NullPointerException")
    void countsWithNulls() {
        assertNpe(() -> store().counts((ThreadKey) null), () -> store().counts((Collection<ThreadKey>) null),
                () -> store().counts(Arrays.asList(POST, null)));
    }

    @Test
    @DisplayName("queue and scan with null arguments throw NullPointerException")
    void queueAndScanWithNulls() {
        assertNpe(() -> store().queue(null, FIRST), () -> store().queue(APPROVED, null), () -> store().scan(null));
    }

    @Test
    @DisplayName("findLinkback with a null thread or source URL throws NullPointerException")
    void findLinkbackWithNulls() {
        assertNpe(() -> store().findLinkback(null, "https://a.example/"), () -> store().findLinkback(POST, null));
    }
}
