package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentNotFoundException;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.VersionConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#update(Comment)}: compare-and-set on the version, fixed fields unchanged. */
abstract class UpdateRules extends StoreRules {

    UpdateRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("update returns the comment with version + 1 and stores exactly that")
    void updateIncrementsTheVersion() {
        store().insert(Comments.root("c1", "post-1", at(0)).version(3).build());
        Comment changed = stored("c1").toBuilder().status(Status.SPAM).build();

        Comment written = store().update(changed);

        assertThat(written).isEqualTo(changed.toBuilder().version(4).build());
        assertThat(stored("c1")).isEqualTo(written);
    }

    @Test
    @DisplayName("successive updates each add one to the version")
    void successiveUpdatesCount() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());

        for (int i = 1; i <= 5; i++) {
            Comment written = store().update(stored("c1").toBuilder().text("edit " + i).updatedAt(at(i)).build());
            assertThat(written.version()).isEqualTo(i);
        }
        assertThat(stored("c1").text()).isEqualTo("edit 5");
        assertThat(stored("c1").version()).isEqualTo(5);
    }

    @Test
    @DisplayName("every component not fixed at insert may change: status, author, text, html, reason, update time,"
            + " attributes, linkback title")
    void everyMutableComponentMayChange() {
        Comment original = Comments.linkback("lb", "post-1", Kind.PINGBACK, "https://a.example/p", at(0))
                .status(Status.PENDING).moderationReason("held: linkback").attributes(Map.of("a", "1")).build();
        store().insert(original);

        Comment changed = original.toBuilder()
                .status(Status.APPROVED)
                .author(new Author("Someone Else", "e@example.org", "https://e.example/", "u9", "192.0.2.1", "UA"))
                .text("new text")
                .html("<p>new html</p>")
                .moderationReason(null)
                .updatedAt(at(3600))
                .attributes(Map.of("b", "2", "c", ""))
                .linkback(new Linkback("https://a.example/p", "A better title"))
                .build();
        Comment written = store().update(changed);

        assertThat(written).isEqualTo(changed.toBuilder().version(1).build());
        assertThat(stored("lb")).isEqualTo(written);
        assertThat(stored("lb").attributes()).containsOnlyKeys("b", "c");
        assertThat(stored("lb").moderationReason()).isNull();
    }

    @Test
    @DisplayName("an update replacing the attributes with an empty map removes them all")
    void attributesCanBeCleared() {
        store().insert(Comments.root("c1", "post-1", at(0)).attributes(Map.of("x", "1", "y", "2")).build());

        store().update(stored("c1").toBuilder().attributes(Map.of()).build());

        assertThat(stored("c1").attributes()).isEmpty();
    }

    @Test
    @DisplayName("an update based on an older version throws VersionConflictException and changes nothing")
    void staleVersionIsRefused() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());
        Comment readByFirst = stored("c1");
        Comment readBySecond = stored("c1");
        Comment firstWrite = store().update(readByFirst.toBuilder().text("first").build());

        assertThatThrownBy(() -> store().update(readBySecond.toBuilder().text("second").status(Status.SPAM).build()))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> {
                    VersionConflictException conflict = (VersionConflictException) e;
                    assertThat(conflict.id()).isEqualTo(id("c1"));
                    assertThat(conflict.expectedVersion()).isEqualTo(0);
                });

        assertThat(stored("c1")).isEqualTo(firstWrite);
        assertThat(store().counts(thread("post-1")).spam()).isZero();
    }

    @Test
    @DisplayName("an update based on a version newer than the stored one throws VersionConflictException")
    void futureVersionIsRefused() {
        store().insert(Comments.root("c1", "post-1", at(0)).version(2).build());
        Comment stored = stored("c1");

        assertThatThrownBy(() -> store().update(stored.toBuilder().version(3).text("ahead").build()))
                .isInstanceOf(VersionConflictException.class);
        assertThat(stored("c1")).isEqualTo(stored);
    }

    @Test
    @DisplayName("an update of an id never stored throws CommentNotFoundException and stores nothing")
    void updateOfMissingCommentIsRefused() {
        Comment neverStored = Comments.root("ghost", "post-1", at(0)).build();

        assertThatThrownBy(() -> store().update(neverStored))
                .isInstanceOf(CommentNotFoundException.class)
                .satisfies(e -> assertThat(((CommentNotFoundException) e).id()).isEqualTo(id("ghost")));
        assertThat(store().find(id("ghost"))).isEmpty();
        assertThat(store().counts(thread("post-1")).total()).isZero();
    }

    @Test
    @DisplayName("an update of a deleted comment throws CommentNotFoundException and does not bring it back")
    void updateOfDeletedCommentIsRefused() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());
        Comment read = stored("c1");
        store().delete(read.id());

        assertThatThrownBy(() -> store().update(read.toBuilder().text("too late").build()))
                .isInstanceOf(CommentNotFoundException.class);
        assertThat(store().find(id("c1"))).isEmpty();
    }

    @Test
    @DisplayName("an update that changes the thread throws IllegalArgumentException and changes nothing")
    void threadIsFixed() {
        assertFixed(c -> c.toBuilder().thread(ThreadKey.of("post-2")).build());
        assertThat(store().counts(thread("post-2")).total()).isZero();
    }

    @Test
    @DisplayName("an update that changes parent id, root id, depth or in-reply-to id throws"
            + " IllegalArgumentException and changes nothing")
    void treeFieldsAreFixed() {
        assertFixed(c -> c.toBuilder().parentId(id("r-2")).build());
        assertFixed(c -> c.toBuilder().rootId(id("other-root")).build());
        assertFixed(c -> c.toBuilder().depth(2).build());
        assertFixed(c -> c.toBuilder().inReplyToId(id("r-2")).build());
        assertFixed(c -> c.toBuilder().asRoot().build());
    }

    @Test
    @DisplayName("an update that changes the kind throws IllegalArgumentException and changes nothing")
    void kindIsFixed() {
        assertFixed(c -> c.toBuilder().kind(Kind.WEBMENTION).linkback(new Linkback("https://x.example/", "")).build());
    }

    @Test
    @DisplayName("an update that changes a linkback's source URL throws IllegalArgumentException and changes nothing")
    void linkbackSourceIsFixed() {
        store().insert(Comments.linkback("lb", "post-1", Kind.TRACKBACK, "https://a.example/p", at(0)).build());
        Comment stored = stored("lb");

        assertThatThrownBy(() -> store().update(
                stored.toBuilder().linkback(new Linkback("https://a.example/q", "moved")).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stored("lb")).isEqualTo(stored);
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/q")).isEmpty();
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/p")).contains(stored);
    }

    @Test
    @DisplayName("an update that changes the creation time throws IllegalArgumentException and changes nothing")
    void creationTimeIsFixed() {
        assertFixed(c -> c.toBuilder().createdAt(at(4)).updatedAt(at(9)).build());
        assertFixed(c -> c.toBuilder().createdAt(c.createdAt().plusNanos(1_000)).updatedAt(at(9)).build());
    }

    @Test
    @DisplayName("a status change moves the comment between the pages that select by status")
    void statusChangeMovesTheComment() {
        store().insert(Comments.root("c1", "post-1", at(0)).status(Status.PENDING).build());

        store().update(stored("c1").toBuilder().status(Status.APPROVED).build());

        PageRequest first = PageRequest.first(Order.OLDEST_FIRST, 10);
        assertThat(ids(store().roots(thread("post-1"), Set.of(Status.APPROVED), first))).containsExactly("c1");
        assertThat(store().roots(thread("post-1"), Set.of(Status.PENDING), first).items()).isEmpty();
        assertThat(ids(store().queue(Set.of(Status.APPROVED), first))).containsExactly("c1");
        assertThat(store().queue(Set.of(Status.PENDING), first).items()).isEmpty();
    }

    /**
     * Stores a reply of depth 1 under root "r" (so every fixed field has a value), applies {@code change},
     * and checks the update is refused with nothing changed.
     */
    private void assertFixed(UnaryOperator<Comment> change) {
        if (store().find(id("c1")).isEmpty()) {
            Comment root = Comments.root("r", "post-1", at(0)).build();
            Comment root2 = Comments.root("r-2", "post-1", at(1)).build();
            insert(root, root2, Comments.reply("c1", root, at(2))
                    .attributes(new LinkedHashMap<>(Map.of("k", "v"))).build());
        }
        Comment before = stored("c1");
        Comment changed = change.apply(before.toBuilder().text("changed text").status(Status.SPAM).build());

        assertThatThrownBy(() -> store().update(changed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stored("c1")).isEqualTo(before);
    }
}
