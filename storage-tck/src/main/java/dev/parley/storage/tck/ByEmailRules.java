package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#byEmail}: every comment of one address, in keyset pages across every thread. */
abstract class ByEmailRules extends StoreRules {

    /** The spellings of one address the spread uses; all normalize to {@code ann@example.org}. */
    private static final List<String> ANN = List.of("ann@example.org", "Ann@Example.ORG", "  ANN@example.org ");

    ByEmailRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /**
     * 40 comments in 4 threads: roots, replies and a linkback, every status, some tied times. Every third is by
     * Ann under one of her spellings; the others are by Bob, by an address that only contains Ann's, or by nobody
     * with an address. Inserted newest first, so insertion order is no help.
     *
     * @return Ann's comments
     */
    private List<Comment> insertSpread() {
        List<Comment> all = new ArrayList<>();
        List<Comment> ann = new ArrayList<>();
        Comment[] roots = new Comment[4];
        for (int i = 0; i < 40; i++) {
            long second = i % 6 == 5 ? i - 1 : i;
            Comment.Builder builder;
            if (i < 4) {
                builder = Comments.root("e" + i, "post-" + i, at(second));
            } else if (i == 9) {
                builder = Comments.linkback("e9", "post-1", Kind.WEBMENTION, "https://elsewhere.example/9",
                        at(second));
            } else {
                builder = Comments.reply("e" + i, roots[i % 4], at(second));
            }
            String email = switch (i % 3) {
                case 0 -> ANN.get((i / 3) % ANN.size());
                case 1 -> i % 2 == 0 ? "bob@example.org" : "joann@example.org.uk";
                default -> null;
            };
            Comment comment = builder.status(Status.values()[i % Status.values().length])
                    .author(new Author(i % 3 == 0 ? "Ann" : "Other", email, null, null, "192.0.2." + i, "UA " + i))
                    .build();
            if (i < 4) {
                roots[i] = comment;
            }
            all.add(comment);
            if (i % 3 == 0) {
                ann.add(comment);
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            store().insert(all.get(i));
        }
        return ann;
    }

    @Test
    @DisplayName("byEmail lists every comment of the address, whatever its thread, status and kind, in both orders"
            + " and any page size")
    void listsEveryCommentOfTheAddress() {
        List<Comment> ann = insertSpread();
        assertThat(ann).hasSize(14);

        for (Order order : Order.values()) {
            for (int limit : new int[] {1, 3, 14, 100}) {
                assertThat(readAll(r -> store().byEmail("ann@example.org", r), order, limit, ann.size()))
                        .as("%s, limit %d", order, limit)
                        .containsExactlyElementsOf(sorted(ann, order));
            }
        }
    }

    @Test
    @DisplayName("byEmail matches the address ignoring case and surrounding spaces, in the argument too")
    void matchesTheNormalizedAddress() {
        List<Comment> ann = insertSpread();

        for (String spelling : List.of("ANN@EXAMPLE.ORG", " ann@example.org\t", "Ann@example.org")) {
            assertThat(store().byEmail(spelling, PageRequest.first(Order.OLDEST_FIRST, 100)).items())
                    .as(spelling).containsExactlyElementsOf(sorted(ann, Order.OLDEST_FIRST));
        }
    }

    @Test
    @DisplayName("byEmail never lists a comment of another address, nor one without an address")
    void listsNoOtherAddress() {
        insertSpread();

        assertThat(store().byEmail("bob@example.org", PageRequest.first(Order.OLDEST_FIRST, 100)).items())
                .extracting(c -> c.author().email()).containsOnly("bob@example.org").hasSize(6);
        assertThat(store().byEmail("example.org", PageRequest.first(Order.OLDEST_FIRST, 100)).items()).isEmpty();
        assertThat(store().byEmail("nobody@example.org", PageRequest.first(Order.OLDEST_FIRST, 100)).items())
                .isEmpty();
    }

    @Test
    @DisplayName("byEmail pages neither skip nor repeat a comment while other comments are inserted and updated"
            + " between reads")
    void pagesAreStableUnderWrites() {
        List<Comment> ann = insertSpread();
        List<Comment> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, 4);
        for (int pages = 0; pages < 10; pages++) {
            var page = store().byEmail("ann@example.org", request);
            seen.addAll(page.items());
            store().insert(Comments.root("late" + pages, "post-9", at(-100 - pages))
                    .author(Author.named("Late").withEmail("ann@example.org")).build());
            Comment other = stored("e" + (1 + 3 * pages));
            store().update(other.toBuilder().status(Status.SPAM).build());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = request.next(page.nextCursor().get());
        }

        assertThat(ids(seen)).containsExactlyElementsOf(ids(sorted(ann, Order.OLDEST_FIRST)));
    }

    @Test
    @DisplayName("byEmail follows a changed address: a comment whose address is changed or removed is listed under"
            + " its new one only")
    void followsAChangedAddress() {
        insertSpread();
        store().update(stored("e0").toBuilder().author(stored("e0").author().withEmail("ann@new.example")).build());
        store().update(stored("e3").toBuilder().author(stored("e3").author().withEmail(null)).build());

        assertThat(ids(store().byEmail("ann@example.org", PageRequest.first(Order.OLDEST_FIRST, 100))))
                .hasSize(12).doesNotContain("e0", "e3");
        assertThat(ids(store().byEmail("ANN@new.example", PageRequest.first(Order.OLDEST_FIRST, 100))))
                .containsExactly("e0");
    }

    @Test
    @DisplayName("byEmail forgets a purged comment")
    void forgetsAPurgedComment() {
        insertSpread();
        store().delete(stored("e6").id());

        assertThat(ids(store().byEmail("ann@example.org", PageRequest.first(Order.OLDEST_FIRST, 100))))
                .hasSize(13).doesNotContain("e6");
    }

    @Test
    @DisplayName("byEmail refuses a blank address with IllegalArgumentException and a null one or null request with"
            + " NullPointerException")
    void refusesBlankAndNull() {
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, 10);

        assertThatIllegalArgumentException().isThrownBy(() -> store().byEmail("", request));
        assertThatIllegalArgumentException().isThrownBy(() -> store().byEmail(" \t", request));
        assertThatNullPointerException().isThrownBy(() -> store().byEmail(null, request));
        assertThatNullPointerException().isThrownBy(() -> store().byEmail("ann@example.org", null));
    }
}
