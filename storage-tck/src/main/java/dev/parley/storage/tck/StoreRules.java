package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every group of rules shares: the store under test and small helpers to read pages and compare ids.
 * Each {@code @Nested} class of {@link CommentStoreContract} extends one subclass of this.
 */
abstract class StoreRules {

    static final Set<Status> ALL_STATUSES = Collections.unmodifiableSet(EnumSet.allOf(Status.class));
    static final Set<Status> APPROVED = Set.of(Status.APPROVED);

    /** The order every store must use: (created at, id), ids in binary order. */
    static final Comparator<Comment> OLDEST_FIRST =
            Comparator.comparing(Comment::createdAt).thenComparing(Comment::id);

    private final Supplier<CommentStore> stores;

    StoreRules(Supplier<CommentStore> stores) {
        this.stores = Objects.requireNonNull(stores, "stores must not be null");
    }

    /** The fresh store of the running test. */
    final CommentStore store() {
        return stores.get();
    }

    final void insert(Comment... comments) {
        for (Comment comment : comments) {
            store().insert(comment);
        }
    }

    final Comment stored(String id) {
        return store().find(CommentId.of(id)).orElseThrow(() -> new AssertionError("comment " + id + " is not stored"));
    }

    static ThreadKey thread(String key) {
        return ThreadKey.of(key);
    }

    static CommentId id(String value) {
        return CommentId.of(value);
    }

    static List<String> ids(Collection<Comment> comments) {
        List<String> ids = new ArrayList<>(comments.size());
        for (Comment comment : comments) {
            ids.add(comment.id().value());
        }
        return ids;
    }

    static List<String> ids(Page page) {
        return ids(page.items());
    }

    static List<Comment> sorted(Collection<Comment> comments, Order order) {
        List<Comment> sorted = new ArrayList<>(comments);
        sorted.sort(order == Order.OLDEST_FIRST ? OLDEST_FIRST : OLDEST_FIRST.reversed());
        return sorted;
    }

    /**
     * Reads every page of a keyset query. A store that ignores the cursor would serve the first page forever,
     * so the walk fails once it has read more pages than {@code expected} comments can fill.
     */
    static List<Comment> readAll(Function<PageRequest, Page> reader, Order order, int limit, int expected) {
        List<Comment> all = new ArrayList<>();
        PageRequest request = PageRequest.first(order, limit);
        int maxPages = expected / limit + 2;
        for (int pages = 1; ; pages++) {
            Page page = reader.apply(request);
            assertThat(page.items()).as("page %d", pages).hasSizeLessThanOrEqualTo(limit);
            assertThat(page.nextCursor().isPresent())
                    .as("page %d has a next cursor exactly when it is full", pages)
                    .isEqualTo(page.items().size() == limit);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            if (pages == maxPages) {
                fail("read %d pages of %d for %d comments without reaching the end: does the store ignore the"
                        + " cursor?", pages, limit, expected);
            }
            request = request.next(page.nextCursor().get());
        }
    }
}
