package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#search}: a moderator's filtered list, in keyset pages across every thread. */
abstract class SearchRules extends StoreRules {

    private static final List<String> NAMES = List.of("Ada", "Bob", "ada lovelace");
    private static final List<String> TEXTS = List.of("Plain words", "50% OFF_today!", "half off today",
            "A_B and 50 percent");

    SearchRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /** 36 comments in 3 threads, roots and replies, statuses, names and texts cycling, some tied times. */
    private List<Comment> insertSpread() {
        List<Comment> all = new ArrayList<>();
        Comment[] roots = new Comment[3];
        for (int i = 0; i < 36; i++) {
            long second = i % 5 == 4 ? i - 1 : i;
            String text = TEXTS.get(i % TEXTS.size());
            Comment.Builder builder = i < 3 ? Comments.root("s" + (char) ('a' + i), "post-" + i, at(second))
                    : Comments.reply("s" + i, roots[i % 3], at(second));
            Comment comment = builder.status(Status.values()[i % Status.values().length])
                    .author(Author.named(NAMES.get(i % NAMES.size())))
                    .text(text).html("<p>" + text + "</p>").build();
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

    private void expectPages(List<Comment> all, CommentSearch search, int expectedCount) {
        List<Comment> expected = all.stream().filter(search::matches).toList();
        assertThat(expected).as("the spread holds matches of %s", search).hasSize(expectedCount);
        for (Order order : Order.values()) {
            for (int limit : new int[] {1, 4, 100}) {
                assertThat(readAll(r -> store().search(search, r), order, limit, expected.size()))
                        .as("%s, %s, limit %d", search, order, limit)
                        .containsExactlyElementsOf(sorted(expected, order));
            }
        }
    }

    @Test
    @DisplayName("a search by statuses alone lists what the queue of those statuses lists, in both orders")
    void statusesAloneAreTheQueue() {
        List<Comment> all = insertSpread();
        Set<Status> statuses = EnumSet.of(Status.APPROVED, Status.SPAM);

        expectPages(all, CommentSearch.of(statuses), 18);
        assertThat(store().search(CommentSearch.of(statuses), PageRequest.first(Order.NEWEST_FIRST, 100)).items())
                .containsExactlyElementsOf(store().queue(statuses, PageRequest.first(Order.NEWEST_FIRST, 100)).items());
    }

    @Test
    @DisplayName("a search in one thread lists its roots and replies of the statuses, and nothing of other threads")
    void threadSearchKeepsToTheThread() {
        List<Comment> all = insertSpread();

        expectPages(all, CommentSearch.of(EnumSet.allOf(Status.class)).inThread(ThreadKey.of("post-1")), 12);
        expectPages(all, CommentSearch.of(Set.of(Status.PENDING)).inThread(ThreadKey.of("post-2")), 3);
        assertThat(store().search(CommentSearch.of(EnumSet.allOf(Status.class)).inThread(ThreadKey.of("post-9")),
                PageRequest.first(Order.NEWEST_FIRST, 10)).items()).isEmpty();
    }

    @Test
    @DisplayName("a search by author matches the whole name ignoring case, never a part of it")
    void authorMatchesWholeNameIgnoringCase() {
        List<Comment> all = insertSpread();

        expectPages(all, CommentSearch.of(EnumSet.allOf(Status.class)).byAuthor("ADA"), 12);
        expectPages(all, CommentSearch.of(EnumSet.allOf(Status.class)).byAuthor("Ada Lovelace"), 12);
        expectPages(all, CommentSearch.of(Set.of(Status.DELETED)).byAuthor("bob"), 3);
        assertThat(store().search(CommentSearch.of(EnumSet.allOf(Status.class)).byAuthor("Lovelace"),
                PageRequest.first(Order.NEWEST_FIRST, 10)).items()).isEmpty();
    }

    @Test
    @DisplayName("a text search matches a part of the text ignoring case, % and _ and ! taken literally")
    void textMatchesPartIgnoringCaseWithLiteralWildcards() {
        List<Comment> all = insertSpread();
        CommentSearch any = CommentSearch.of(EnumSet.allOf(Status.class));

        expectPages(all, any.containing("OFF TODAY"), 9);
        expectPages(all, any.containing("0% off_"), 9);
        expectPages(all, any.containing("%"), 9);
        expectPages(all, any.containing("_"), 18);
        expectPages(all, any.containing("today!"), 9);
        assertThat(store().search(any.containing("50_"), PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .as("_ matches only an underscore").isEmpty();
        assertThat(store().search(any.containing("50%percent"), PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .as("%% matches only a percent sign").isEmpty();
    }

    @Test
    @DisplayName("every part of a search holds at once: statuses, thread, author and text")
    void everyPartHoldsAtOnce() {
        List<Comment> all = insertSpread();

        expectPages(all, CommentSearch.of(EnumSet.of(Status.APPROVED, Status.PENDING, Status.SPAM))
                .inThread(ThreadKey.of("post-0")).byAuthor("ada").containing("plain"), 3);
    }

    @Test
    @DisplayName("search refuses a null search or request")
    void searchRefusesNulls() {
        PageRequest request = PageRequest.first(Order.NEWEST_FIRST, 10);
        CommentSearch search = CommentSearch.of(Set.of(Status.APPROVED));

        assertThatNullPointerException().isThrownBy(() -> store().search(null, request));
        assertThatNullPointerException().isThrownBy(() -> store().search(search, null));
    }
}
