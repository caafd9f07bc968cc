package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#findAll(java.util.Collection)}, whose default a store may override. */
abstract class FindAllRules extends StoreRules {

    FindAllRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    private void insertThree() {
        Comment root = Comments.root("a", "post-1", at(0)).build();
        insert(root, Comments.reply("b", root, at(1)).build(), Comments.root("c", "post-2", at(2)).build());
    }

    @Test
    @DisplayName("findAll returns the comments keyed by id in the iteration order of the ids asked for")
    void findAllKeepsTheOrderOfTheIds() {
        insertThree();

        Map<CommentId, Comment> found = store().findAll(List.of(id("c"), id("a"), id("b")));

        assertThat(found.keySet()).containsExactly(id("c"), id("a"), id("b"));
        found.forEach((key, comment) -> assertThat(comment).isEqualTo(stored(key.value())));
    }

    @Test
    @DisplayName("findAll leaves out ids that are not stored")
    void findAllLeavesOutMissingIds() {
        insertThree();

        Map<CommentId, Comment> found = store().findAll(List.of(id("x"), id("b"), id("y")));

        assertThat(found.keySet()).containsExactly(id("b"));
    }

    @Test
    @DisplayName("findAll reads an id asked for twice once")
    void findAllReadsDuplicatesOnce() {
        insertThree();

        Map<CommentId, Comment> found = store().findAll(List.of(id("b"), id("a"), id("b")));

        assertThat(found.keySet()).containsExactly(id("b"), id("a"));
    }

    @Test
    @DisplayName("the returned map is the caller's: changing it, where it allows changes, changes nothing stored")
    void returnedMapIsDetached() {
        insertThree();
        Map<CommentId, Comment> found = store().findAll(List.of(id("a"), id("b")));

        try {
            found.remove(id("a"));
            found.put(id("x"), stored("c"));
        } catch (UnsupportedOperationException unmodifiable) {
            // An unmodifiable map is the other good answer.
        }

        assertThat(store().findAll(List.of(id("a"), id("b"), id("x"))).keySet()).containsExactly(id("a"), id("b"));
    }

    @Test
    @DisplayName("findAll of no ids, or on an empty store, is an empty map")
    void findAllOfNothingIsEmpty() {
        assertThat(store().findAll(List.of(id("a")))).isEmpty();
        insertThree();
        assertThat(store().findAll(List.of())).isEmpty();
    }
}
