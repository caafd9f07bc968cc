package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#findLinkback} and of the uniqueness of (thread, source URL) on insert. */
abstract class LinkbackRules extends StoreRules {

    private static final String SOURCE = "https://blog.example.net/2026/01/a-post";

    LinkbackRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("findLinkback finds the linkback of a thread by its exact source URL")
    void findLinkbackByExactSource() {
        Comment linkback = Comments.linkback("lb", "post-1", Kind.PINGBACK, SOURCE, at(0)).build();
        insert(linkback, Comments.linkback("other", "post-1", Kind.PINGBACK, SOURCE + "-2", at(1)).build());

        assertThat(store().findLinkback(thread("post-1"), SOURCE)).contains(linkback);
    }

    @Test
    @DisplayName("findLinkback finds a linkback whatever its status")
    void findLinkbackWhateverTheStatus() {
        int i = 0;
        for (Status status : Status.values()) {
            Comment linkback = Comments.linkback("lb" + i, "post-1", Kind.WEBMENTION, SOURCE + "?" + status, at(i++))
                    .status(status).build();
            store().insert(linkback);
            assertThat(store().findLinkback(thread("post-1"), SOURCE + "?" + status))
                    .as("%s", status).contains(linkback);
        }
    }

    @Test
    @DisplayName("findLinkback is empty for another thread and for a URL differing in case or a trailing slash")
    void findLinkbackIsExact() {
        store().insert(Comments.linkback("lb", "post-1", Kind.TRACKBACK, "https://a.example/Post", at(0)).build());

        assertThat(store().findLinkback(thread("post-2"), "https://a.example/Post")).isEmpty();
        assertThat(store().findLinkback(thread("Post-1"), "https://a.example/Post")).isEmpty();
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/post")).isEmpty();
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/Post/")).isEmpty();
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/Post ")).isEmpty();
        assertThat(store().findLinkback(thread("post-1"), "http://a.example/Post")).isEmpty();
    }

    @Test
    @DisplayName("findLinkback does not find ordinary comments, nor anything in an empty store")
    void findLinkbackIgnoresComments() {
        assertThat(store().findLinkback(thread("post-1"), SOURCE)).isEmpty();
        store().insert(Comments.root("c", "post-1", at(0)).text(SOURCE).author(
                dev.parley.storage.Author.named("Someone").withUrl(SOURCE)).build());

        assertThat(store().findLinkback(thread("post-1"), SOURCE)).isEmpty();
    }

    @Test
    @DisplayName("a second linkback from the same source to the same thread throws DuplicateLinkbackException"
            + " and changes nothing, whatever its kind or status")
    void duplicateLinkbackIsRefused() {
        Comment first = Comments.linkback("lb1", "post-1", Kind.PINGBACK, SOURCE, at(0)).build();
        store().insert(first);

        for (Kind kind : List.of(Kind.PINGBACK, Kind.TRACKBACK, Kind.WEBMENTION)) {
            Comment duplicate = Comments.linkback("lb-" + kind, "post-1", kind, SOURCE, at(5))
                    .status(Status.PENDING).build();
            assertThatThrownBy(() -> store().insert(duplicate))
                    .as("%s", kind)
                    .isInstanceOf(DuplicateLinkbackException.class)
                    .satisfies(e -> {
                        DuplicateLinkbackException refused = (DuplicateLinkbackException) e;
                        assertThat(refused.thread()).isEqualTo(thread("post-1"));
                        assertThat(refused.sourceUrl()).isEqualTo(SOURCE);
                    });
            assertThat(store().find(duplicate.id())).isEmpty();
        }
        assertThat(store().findLinkback(thread("post-1"), SOURCE)).contains(first);
        assertThat(store().counts(thread("post-1"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(ids(store().scan(PageRequest.first(Order.OLDEST_FIRST, 10)))).containsExactly("lb1");
        // The refused insert reserved nothing: its id is still free.
        Comment reuse = Comments.root("lb-" + Kind.PINGBACK, "post-1", at(9)).build();
        store().insert(reuse);
        assertThat(stored("lb-" + Kind.PINGBACK)).isEqualTo(reuse);
    }

    @Test
    @DisplayName("a linkback that is a reply still counts for the uniqueness of (thread, source URL)")
    void replyLinkbacksAreUniqueToo() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment reply = Comments.linkback("lb1", "post-1", Kind.WEBMENTION, SOURCE, at(1)).replyTo(root).build();
        insert(root, reply);

        assertThat(store().findLinkback(thread("post-1"), SOURCE)).contains(reply);
        Comment duplicate = Comments.linkback("lb2", "post-1", Kind.PINGBACK, SOURCE, at(2)).build();
        assertThatThrownBy(() -> store().insert(duplicate))
                .isInstanceOf(DuplicateLinkbackException.class);
    }

    @Test
    @DisplayName("the same source may link to different threads, and sources differing only in case or a trailing"
            + " slash are different linkbacks")
    void differentThreadsOrSourcesAreDifferentLinkbacks() {
        Comment one = Comments.linkback("lb1", "post-1", Kind.PINGBACK, "https://a.example/Post", at(0)).build();
        Comment two = Comments.linkback("lb2", "post-2", Kind.PINGBACK, "https://a.example/Post", at(1)).build();
        Comment lower = Comments.linkback("lb3", "post-1", Kind.PINGBACK, "https://a.example/post", at(2)).build();
        Comment slash = Comments.linkback("lb4", "post-1", Kind.PINGBACK, "https://a.example/Post/", at(3)).build();
        insert(one, two, lower, slash);

        assertThat(store().findLinkback(thread("post-1"), "https://a.example/Post")).contains(one);
        assertThat(store().findLinkback(thread("post-2"), "https://a.example/Post")).contains(two);
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/post")).contains(lower);
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/Post/")).contains(slash);
    }

    @Test
    @DisplayName("findLinkback returns the linkback's latest state after an update")
    void findLinkbackSeesUpdates() {
        store().insert(Comments.linkback("lb", "post-1", Kind.PINGBACK, SOURCE, at(0)).status(Status.PENDING).build());
        Comment approved = store().update(stored("lb").toBuilder().status(Status.APPROVED).build());

        assertThat(store().findLinkback(thread("post-1"), SOURCE)).contains(approved);
    }
}
