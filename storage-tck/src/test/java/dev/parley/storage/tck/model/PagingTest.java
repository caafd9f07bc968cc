package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Page}, {@link PageRequest} and {@link StatusCounts}. */
class PagingTest {

    private static Comment comment(String id, long second) {
        return Comment.builder().id(CommentId.of(id)).thread(ThreadKey.of("t")).author(Author.named("A"))
                .createdAt(Instant.EPOCH.plusSeconds(second)).build();
    }

    @Test
    @DisplayName("Page.of sets the next cursor to the last item exactly when the page is full")
    void nextCursorWhenFull() {
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, 2);
        List<Comment> two = List.of(comment("a", 1), comment("b", 2));

        assertThat(Page.of(two, request).nextCursor()).contains(new Cursor(Instant.EPOCH.plusSeconds(2), CommentId.of("b")));
        assertThat(Page.of(two.subList(0, 1), request).nextCursor()).isEmpty();
        assertThat(Page.of(List.of(), request).nextCursor()).isEmpty();
        assertThat(Page.of(List.of(), request).items()).isEmpty();
    }

    @Test
    @DisplayName("Page.of refuses more items than the limit")
    void moreThanLimit() {
        assertThatThrownBy(() -> Page.of(List.of(comment("a", 1), comment("b", 2)), PageRequest.first(Order.OLDEST_FIRST, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("page holds 2 items, more than the limit 1");
    }

    @Test
    @DisplayName("a page copies its items and refuses null ones")
    void pageCopiesItems() {
        List<Comment> items = new ArrayList<>(List.of(comment("a", 1)));
        Page page = new Page(items, null);
        items.add(comment("b", 2));

        assertThat(page.items()).hasSize(1);
        assertThatThrownBy(() -> page.items().add(comment("c", 3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Page(null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("items must not be null");
        List<Comment> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new Page(withNull, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("a page request needs an order and a limit of 1 to 1000; next keeps both")
    void pageRequest() {
        PageRequest first = PageRequest.first(Order.NEWEST_FIRST, PageRequest.MAX_LIMIT);
        Cursor cursor = new Cursor(Instant.EPOCH, CommentId.of("a"));

        assertThat(first.after()).isNull();
        assertThat(first.next(cursor)).isEqualTo(new PageRequest(Order.NEWEST_FIRST, cursor, 1000));
        assertThatThrownBy(() -> PageRequest.first(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("order must not be null");
        assertThatThrownBy(() -> PageRequest.first(Order.OLDEST_FIRST, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> PageRequest.first(Order.OLDEST_FIRST, 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 1000, was 1001");
        assertThatThrownBy(() -> first.next(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cursor must not be null");
    }

    @Test
    @DisplayName("status counts give each status, the total, a full map, and refuse negatives")
    void statusCounts() {
        StatusCounts counts = new StatusCounts(1, 2, 3, 4);

        assertThat(counts.get(Status.PENDING)).isEqualTo(1);
        assertThat(counts.get(Status.APPROVED)).isEqualTo(2);
        assertThat(counts.get(Status.SPAM)).isEqualTo(3);
        assertThat(counts.get(Status.DELETED)).isEqualTo(4);
        assertThat(counts.total()).isEqualTo(10);
        assertThat(counts.asMap()).containsExactly(java.util.Map.entry(Status.PENDING, 1L),
                java.util.Map.entry(Status.APPROVED, 2L), java.util.Map.entry(Status.SPAM, 3L),
                java.util.Map.entry(Status.DELETED, 4L));
        assertThat(StatusCounts.ZERO.total()).isZero();
        assertThat(StatusCounts.ZERO.asMap()).hasSize(4).containsValue(0L);
        assertThatThrownBy(() -> new StatusCounts(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("counts must not be negative");
    }

    @Test
    @DisplayName("status counts build from a partial map and step with plus")
    void statusCountsOfAndPlus() {
        StatusCounts counts = StatusCounts.of(java.util.Map.of(Status.SPAM, 5L));

        assertThat(counts).isEqualTo(new StatusCounts(0, 0, 5, 0));
        assertThat(counts.plus(Status.PENDING, 2).plus(Status.SPAM, -5)).isEqualTo(new StatusCounts(2, 0, 0, 0));
        assertThatThrownBy(() -> counts.plus(Status.APPROVED, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counts.get(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("status must not be null");
        assertThatThrownBy(() -> StatusCounts.of(null)).isInstanceOf(NullPointerException.class);
    }
}
