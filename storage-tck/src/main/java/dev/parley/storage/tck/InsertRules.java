package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules of {@link CommentStore#insert(Comment)} and {@link CommentStore#find(dev.parley.storage.CommentId)}. */
abstract class InsertRules extends StoreRules {

    InsertRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("a root comment with every component set reads back equal to what was written")
    void rootRoundTripsEveryComponent() {
        Comment written = Comments.fullyPopulated("c1", "post-1", at(10)).status(Status.PENDING).build();
        store().insert(written);

        assertThat(store().find(id("c1"))).contains(written);
    }

    @Test
    @DisplayName("every status reads back as written")
    void everyStatusRoundTrips() {
        for (Status status : Status.values()) {
            Comment written = Comments.root("s-" + status, "post-1", at(status.ordinal())).status(status).build();
            store().insert(written);
            assertThat(store().find(written.id())).as("status %s", status).contains(written);
        }
    }

    @Test
    @DisplayName("a reply reads back with its parent id, root id, depth and in-reply-to id")
    void replyRoundTripsTreeFields() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment child = Comments.reply("r-1", root, at(1)).build();
        Comment grandchild = Comments.reply("r-1-1", child, at(2)).build();
        insert(root, child, grandchild);

        Comment read = stored("r-1-1");
        assertThat(read).isEqualTo(grandchild);
        assertThat(read.parentId()).isEqualTo(id("r-1"));
        assertThat(read.rootId()).isEqualTo(id("r"));
        assertThat(read.depth()).isEqualTo(2);
        assertThat(read.inReplyToId()).isEqualTo(id("r-1"));
    }

    @Test
    @DisplayName("a reply attached at the deepest level keeps an in-reply-to id that differs from its parent id")
    void inReplyToDifferingFromParentRoundTrips() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment child = Comments.reply("r-1", root, at(1)).build();
        Comment grandchild = Comments.reply("r-1-1", child, at(2)).build();
        // Answered the grandchild, but the engine's depth limit attached it under the child.
        Comment flattened = Comments.reply("r-1-2", child, at(3)).inReplyToId(grandchild.id()).build();
        insert(root, child, grandchild, flattened);

        Comment read = stored("r-1-2");
        assertThat(read).isEqualTo(flattened);
        assertThat(read.parentId()).isEqualTo(id("r-1"));
        assertThat(read.inReplyToId()).isEqualTo(id("r-1-1"));
    }

    @Test
    @DisplayName("a reply at the maximum depth reads back with that depth")
    void maximumDepthRoundTrips() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment deep = Comments.root("deep", "post-1", at(1))
                .parentId(id("somewhere")).rootId(root.id()).depth(Comment.MAX_DEPTH).build();
        insert(root, deep);

        assertThat(stored("deep")).isEqualTo(deep);
    }

    @Test
    @DisplayName("every linkback kind reads back with its kind, source URL and title")
    void everyLinkbackKindRoundTrips() {
        int i = 0;
        for (Kind kind : new Kind[] {Kind.PINGBACK, Kind.TRACKBACK, Kind.WEBMENTION}) {
            Comment written = Comments.linkback("lb-" + kind, "post-1", kind,
                    "https://blog.example.net/" + kind.name().toLowerCase(java.util.Locale.ROOT), at(i++))
                    .build();
            store().insert(written);
            Comment read = store().find(written.id()).orElseThrow();
            assertThat(read).as("kind %s", kind).isEqualTo(written);
            assertThat(read.kind()).isEqualTo(kind);
            assertThat(read.linkback()).isEqualTo(written.linkback());
        }
    }

    @Test
    @DisplayName("a linkback with an empty title and an empty excerpt reads back empty, not null")
    void emptyLinkbackTitleRoundTrips() {
        Comment written = Comments.linkback("lb", "post-1", Kind.WEBMENTION, "https://a.example/x", at(0))
                .linkback(new Linkback("https://a.example/x", "")).text("").html("").build();
        store().insert(written);

        Comment read = stored("lb");
        assertThat(read).isEqualTo(written);
        assertThat(read.linkback().title()).isEmpty();
        assertThat(read.text()).isEmpty();
        assertThat(read.html()).isEmpty();
    }

    @Test
    @DisplayName("absent optional components read back as null, present ones exactly")
    void optionalComponentsRoundTrip() {
        Comment bare = Comments.root("bare", "post-1", at(0)).author(Author.named("A")).build();
        Comment partial = Comments.root("partial", "post-1", at(1))
                .author(Author.named("B").withUrl("https://b.example/")).build();
        insert(bare, partial);

        Comment readBare = stored("bare");
        assertThat(readBare).isEqualTo(bare);
        assertThat(readBare.author().email()).isNull();
        assertThat(readBare.moderationReason()).isNull();
        assertThat(readBare.parentId()).isNull();
        assertThat(readBare.inReplyToId()).isNull();
        assertThat(readBare.linkback()).isNull();
        assertThat(stored("partial")).isEqualTo(partial);
    }

    @Test
    @DisplayName("attributes read back as exactly the same map: every key character, empty and blank values")
    void attributesRoundTripExactly() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("A-Za-z0-9_.:-", "every key character");
        attributes.put("empty", "");
        attributes.put("blank", "   ");
        attributes.put("json", "{\"id\": 17, \"tags\": [\"a\", \"b\"]}");
        attributes.put("multi.line", "one\ntwo\r\nthree\t");
        attributes.put("Case", "upper");
        attributes.put("case", "lower");
        for (int i = attributes.size(); i < Comment.MAX_ATTRIBUTES; i++) {
            attributes.put("k" + i, "v" + i);
        }
        Comment written = Comments.root("c1", "post-1", at(0)).attributes(attributes).build();
        store().insert(written);

        Map<String, String> read = stored("c1").attributes();
        assertThat(read).containsExactlyInAnyOrderEntriesOf(attributes);
        assertThat(read).hasSize(Comment.MAX_ATTRIBUTES);
    }

    @Test
    @DisplayName("a comment without attributes reads back with an empty map")
    void noAttributesRoundTrip() {
        Comment written = Comments.root("c1", "post-1", at(0)).build();
        store().insert(written);

        assertThat(stored("c1").attributes()).isEmpty();
    }

    @Test
    @DisplayName("text keeps line breaks, tabs and surrounding spaces exactly as submitted")
    void whitespaceInTextRoundTrips() {
        Comment written = Comments.root("c1", "post-1", at(0))
                .text("  leading\r\nwindows\nunix\rold mac\ttab  trailing  ")
                .html("<p>  kept  </p>\n").build();
        store().insert(written);

        assertThat(stored("c1").text()).isEqualTo(written.text());
        assertThat(stored("c1").html()).isEqualTo(written.html());
    }

    @Test
    @DisplayName("insert stores the version as given")
    void insertKeepsTheGivenVersion() {
        Comment written = Comments.root("c1", "post-1", at(0)).version(41).build();
        store().insert(written);

        assertThat(stored("c1").version()).isEqualTo(41);
    }

    @Test
    @DisplayName("find of an id never stored is empty")
    void findOfMissingIdIsEmpty() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());

        assertThat(store().find(id("c2"))).isEmpty();
        assertThat(store().find(id("c"))).isEmpty();
    }

    @Test
    @DisplayName("ids are case-sensitive: \"abc\" and \"ABC\" are two comments")
    void idsAreCaseSensitive() {
        Comment lower = Comments.root("abc", "post-1", at(0)).build();
        Comment upper = Comments.root("ABC", "post-1", at(1)).text("the other one").build();
        insert(lower, upper);

        assertThat(stored("abc")).isEqualTo(lower);
        assertThat(stored("ABC")).isEqualTo(upper);
        assertThat(store().find(id("Abc"))).isEmpty();
    }

    @Test
    @DisplayName("inserting an id already stored throws DuplicateCommentException and changes nothing")
    void duplicateIdIsRefused() {
        Comment first = Comments.root("c1", "post-1", at(0)).build();
        store().insert(first);
        Comment second = Comments.root("c1", "post-2", at(5)).status(Status.PENDING).text("another").build();

        assertThatThrownBy(() -> store().insert(second))
                .isInstanceOf(DuplicateCommentException.class)
                .satisfies(e -> assertThat(((DuplicateCommentException) e).id()).isEqualTo(id("c1")));

        assertThat(stored("c1")).isEqualTo(first);
        assertThat(store().counts(thread("post-2"))).isEqualTo(StatusCounts.ZERO);
        assertThat(store().counts(thread("post-1"))).isEqualTo(new StatusCounts(0, 1, 0, 0));
        assertThat(ids(store().scan(PageRequest.first(Order.OLDEST_FIRST, 10)))).containsExactly("c1");
    }

    @Test
    @DisplayName("a duplicate id is refused even when the new comment is a reply in another thread")
    void duplicateIdOfAReplyIsRefused() {
        Comment root = Comments.root("r", "post-1", at(0)).build();
        Comment reply = Comments.reply("c1", root, at(1)).build();
        insert(root, reply);

        assertThatThrownBy(() -> store().insert(Comments.root("c1", "post-2", at(2)).build()))
                .isInstanceOf(DuplicateCommentException.class);
        assertThat(stored("c1")).isEqualTo(reply);
        assertThat(store().roots(thread("post-2"), ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                .isEmpty();
    }
}
