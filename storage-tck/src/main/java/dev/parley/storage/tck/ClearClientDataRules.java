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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules of {@link CommentStore#clearClientData}: the retention job's bounded batch that forgets IP addresses and
 * User-Agents of old comments.
 */
abstract class ClearClientDataRules extends StoreRules {

    ClearClientDataRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    /**
     * 30 comments, one a second from second 0, in 3 threads, every status, roots, replies and a linkback. Comment
     * {@code k<i>} carries an IP only when i % 4 == 1, a User-Agent only when i % 4 == 2, both when i % 4 == 3,
     * neither when i % 4 == 0; every one has a full author and a version of i.
     *
     * @return the comments as stored, by id
     */
    private Map<String, Comment> insertSpread() {
        Map<String, Comment> all = new LinkedHashMap<>();
        Comment[] roots = new Comment[3];
        for (int i = 0; i < 30; i++) {
            Comment.Builder builder;
            if (i < 3) {
                builder = Comments.root("k" + i, "post-" + i, at(i));
            } else if (i == 7) {
                builder = Comments.linkback("k7", "post-1", Kind.PINGBACK, "https://elsewhere.example/7", at(i));
            } else {
                builder = Comments.reply("k" + i, roots[i % 3], at(i));
            }
            String ip = i % 4 == 1 || i % 4 == 3 ? "2001:db8::" + i : null;
            String userAgent = i % 4 == 2 || i % 4 == 3 ? "Mozilla/5.0 (" + i + ")" : null;
            Comment comment = builder.status(Status.values()[i % Status.values().length])
                    .author(new Author("Author " + i, "a" + i + "@example.org", "https://a" + i + ".example/",
                            "user-" + i, ip, userAgent))
                    .moderationReason("reason " + i)
                    .updatedAt(at(100 + i))
                    .attributes(Map.of("k", "v" + i))
                    .version(i)
                    .build();
            if (i < 3) {
                roots[i] = comment;
            }
            all.put(comment.id().value(), comment);
        }
        List<Comment> reversed = new ArrayList<>(all.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(store()::insert);
        return all;
    }

    private static boolean hasClientData(Comment comment) {
        return comment.author().ip() != null || comment.author().userAgent() != null;
    }

    private static Comment cleared(Comment comment) {
        return comment.toBuilder().author(comment.author().withClient(null, null)).version(comment.version() + 1)
                .build();
    }

    private void expectClearedBefore(Map<String, Comment> before, int seconds) {
        for (Comment original : before.values()) {
            Comment expected = original.createdAt().isBefore(at(seconds)) && hasClientData(original)
                    ? cleared(original) : original;
            assertThat(stored(original.id().value())).as(original.id().value()).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("clearClientData clears IP and User-Agent of the comments created strictly before the cut-off,"
            + " adds one to their version and changes nothing else of any comment")
    void clearsOnlyOldClientData() {
        Map<String, Comment> before = insertSpread();

        int cleared = store().clearClientData(at(20), 1_000);

        assertThat(cleared).isEqualTo(15);
        expectClearedBefore(before, 20);
    }

    @Test
    @DisplayName("clearClientData leaves a comment created exactly at the cut-off")
    void leavesTheCutOffItself() {
        Map<String, Comment> before = insertSpread();

        assertThat(store().clearClientData(at(3), 1_000)).isEqualTo(2);
        expectClearedBefore(before, 3);
        assertThat(stored("k3").author().ip()).isEqualTo("2001:db8::3");
    }

    @Test
    @DisplayName("clearClientData clears at most limit comments per call, and repeated calls clear them all and"
            + " then return 0")
    void batchesAreBounded() {
        Map<String, Comment> before = insertSpread();

        List<Integer> batches = new ArrayList<>();
        for (int call = 0; call < 10; call++) {
            int cleared = store().clearClientData(at(1_000), 4);
            batches.add(cleared);
            if (cleared == 0) {
                break;
            }
        }

        assertThat(batches).containsExactly(4, 4, 4, 4, 4, 2, 0);
        expectClearedBefore(before, 1_000);
    }

    @Test
    @DisplayName("clearClientData is idempotent: a second call with the same cut-off changes nothing, not even a"
            + " version")
    void isIdempotent() {
        Map<String, Comment> before = insertSpread();
        store().clearClientData(at(20), 1_000);
        List<Comment> once = store().scan(PageRequest.first(Order.OLDEST_FIRST, 100)).items();

        assertThat(store().clearClientData(at(20), 1_000)).isZero();
        assertThat(store().clearClientData(at(10), 1_000)).isZero();

        assertThat(store().scan(PageRequest.first(Order.OLDEST_FIRST, 100)).items()).isEqualTo(once);
        expectClearedBefore(before, 20);
    }

    @Test
    @DisplayName("clearClientData returns 0 and changes nothing when no comment is old enough or none carries"
            + " client data")
    void nothingToClear() {
        Map<String, Comment> before = insertSpread();

        assertThat(store().clearClientData(at(0), 10)).isZero();
        expectClearedBefore(before, 0);
        for (Comment comment : before.values()) {
            if (hasClientData(comment)) {
                store().update(stored(comment.id().value()).toBuilder()
                        .author(comment.author().withClient(null, null)).build());
            }
        }
        assertThat(store().clearClientData(at(1_000), 10)).isZero();
    }

    @Test
    @DisplayName("clearClientData clears client data that an update added to an old comment, and leaves a comment"
            + " that an update cleared")
    void followsUpdates() {
        insertSpread();
        Comment k4 = stored("k4");
        store().update(k4.toBuilder().author(k4.author().withClient("198.51.100.4", null)).build());
        Comment k5 = stored("k5");
        store().update(k5.toBuilder().author(k5.author().withClient(null, null)).build());

        assertThat(store().clearClientData(at(6), 1_000)).isEqualTo(4);

        assertThat(stored("k4").author().ip()).isNull();
        assertThat(stored("k4").version()).isEqualTo(6);
        assertThat(stored("k5").version()).isEqualTo(6);
    }

    @Test
    @DisplayName("clearClientData moves the change stamp of every thread whose comments it cleared, and only theirs")
    void movesThreadStamps() {
        insertSpread();
        if (!store().supportsThreadState()) {
            assertThat(store().clearClientData(at(2), 10)).isEqualTo(1);
            return;
        }
        long post0 = store().state(thread("post-0")).version();
        long post1 = store().state(thread("post-1")).version();
        long post2 = store().state(thread("post-2")).version();

        assertThat(store().clearClientData(at(2), 10)).isEqualTo(1);

        assertThat(store().state(thread("post-0")).version()).isEqualTo(post0);
        assertThat(store().state(thread("post-1")).version()).isGreaterThan(post1);
        assertThat(store().state(thread("post-2")).version()).isEqualTo(post2);
    }

    @Test
    @DisplayName("clearClientData refuses a null cut-off and a limit below 1 or above MAX_BATCH")
    void refusesMisuse() {
        assertThatNullPointerException().isThrownBy(() -> store().clearClientData(null, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> store().clearClientData(at(0), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> store().clearClientData(at(0), CommentStore.MAX_BATCH + 1));
    }
}
