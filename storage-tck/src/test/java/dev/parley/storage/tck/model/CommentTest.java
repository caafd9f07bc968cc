package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommentTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final CommentId ROOT = CommentId.of("root");
    private static final CommentId PARENT = CommentId.of("parent");
    private static final CommentId ME = CommentId.of("me");

    private static Comment.Builder root() {
        return Comment.builder().id(ROOT).thread(ThreadKey.of("post-1")).author(Author.named("Ada")).createdAt(T);
    }

    private static Comment.Builder reply() {
        return root().id(ME).parentId(PARENT).rootId(ROOT).depth(2);
    }

    private static Comment rebuilt(Comment c, UnaryOperator<Object[]> change) {
        Object[] v = {c.id(), c.thread(), c.parentId(), c.rootId(), c.depth(), c.inReplyToId(), c.kind(), c.status(),
            c.author(), c.text(), c.html(), c.linkback(), c.moderationReason(), c.createdAt(), c.updatedAt(),
            c.version(), c.attributes(), c.provenance()};
        v = change.apply(v);
        @SuppressWarnings("unchecked")
        Map<String, String> attributes = (Map<String, String>) v[16];
        return new Comment((CommentId) v[0], (ThreadKey) v[1], (CommentId) v[2], (CommentId) v[3], (Integer) v[4],
                (CommentId) v[5], (Kind) v[6], (Status) v[7], (Author) v[8], (String) v[9], (String) v[10],
                (Linkback) v[11], (String) v[12], (Instant) v[13], (Instant) v[14], (Long) v[15], attributes,
                (Provenance) v[17]);
    }

    @Nested
    @DisplayName("builder")
    class Builder {

        @Test
        @DisplayName("defaults to an approved comment, empty text and html, version 0, no attributes, updated when"
                + " created, its own root")
        void defaults() {
            Comment comment = root().build();

            assertThat(comment.status()).isEqualTo(Status.APPROVED);
            assertThat(comment.kind()).isEqualTo(Kind.COMMENT);
            assertThat(comment.text()).isEmpty();
            assertThat(comment.html()).isEmpty();
            assertThat(comment.version()).isZero();
            assertThat(comment.attributes()).isEmpty();
            assertThat(comment.updatedAt()).isEqualTo(T);
            assertThat(comment.rootId()).isEqualTo(ROOT);
            assertThat(comment.isRoot()).isTrue();
        }

        @Test
        @DisplayName("replyTo takes the parent's thread and root and goes one level deeper")
        void replyTo() {
            Comment parent = reply().id(PARENT).parentId(ROOT).depth(1).build();
            Comment child = root().id(ME).thread(ThreadKey.of("elsewhere")).replyTo(parent).build();

            assertThat(child.thread()).isEqualTo(parent.thread());
            assertThat(child.parentId()).isEqualTo(PARENT);
            assertThat(child.rootId()).isEqualTo(ROOT);
            assertThat(child.depth()).isEqualTo(2);
            assertThat(child.inReplyToId()).isEqualTo(PARENT);
            assertThat(child.isRoot()).isFalse();
        }

        @Test
        @DisplayName("toBuilder().build() gives an equal comment")
        void toBuilderRoundTrips() {
            Comment comment = reply().inReplyToId(CommentId.of("other")).kind(Kind.PINGBACK)
                    .linkback(new Linkback("https://a.example/", "t")).status(Status.SPAM).moderationReason("r")
                    .updatedAt(T.plusSeconds(5)).version(9).attributes(Map.of("k", "v")).text("x").html("y").build();

            assertThat(comment.toBuilder().build()).isEqualTo(comment);
        }
    }

    @Nested
    @DisplayName("tree invariants")
    class Tree {

        @Test
        @DisplayName("a root must have depth 0, its own id as root id and no in-reply-to id")
        void rootShape() {
            assertThatThrownBy(() -> root().depth(1).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("depth of a root comment must be 0, was 1");
            assertThatThrownBy(() -> root().rootId(PARENT).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("root id of a root comment must be its own id root, was parent");
            assertThatThrownBy(() -> root().inReplyToId(PARENT).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("in reply to id of a root comment must be null, was parent");
        }

        @Test
        @DisplayName("a reply must have a depth of 1 to 64")
        void replyDepth() {
            assertThat(reply().depth(1).build().depth()).isEqualTo(1);
            assertThat(reply().depth(Comment.MAX_DEPTH).build().depth()).isEqualTo(64);
            assertThatThrownBy(() -> reply().depth(0).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("depth of a reply must be between 1 and 64, was 0");
            assertThatThrownBy(() -> reply().depth(65).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("depth of a reply must be between 1 and 64, was 65");
        }

        @Test
        @DisplayName("a reply must not be its own parent, root or in-reply-to comment")
        void replyIsNotItself() {
            assertThatThrownBy(() -> reply().parentId(ME).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parent id must differ from the comment's own id me");
            assertThatThrownBy(() -> reply().rootId(ME).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("root id of a reply must not be its own id me");
            assertThatThrownBy(() -> reply().inReplyToId(ME).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("in reply to id must differ from the comment's own id me");
        }

        @Test
        @DisplayName("a reply's in-reply-to id defaults to its parent and may differ from it")
        void inReplyToDefaultsToParent() {
            assertThat(reply().build().inReplyToId()).isEqualTo(PARENT);
            assertThat(reply().inReplyToId(CommentId.of("deeper")).build().inReplyToId())
                    .isEqualTo(CommentId.of("deeper"));
        }

        @Test
        @DisplayName("a linkback source is present exactly for linkback kinds")
        void linkbackPresence() {
            Linkback source = new Linkback("https://a.example/", "");
            for (Kind kind : Kind.values()) {
                if (kind.isLinkback()) {
                    assertThat(root().kind(kind).linkback(source).build().linkback()).isEqualTo(source);
                    assertThatThrownBy(() -> root().kind(kind).build()).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("linkback must be present for kind " + kind);
                } else {
                    assertThatThrownBy(() -> root().kind(kind).linkback(source).build())
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("linkback must be null for kind " + kind);
                }
            }
            assertThat(Kind.COMMENT.isLinkback()).isFalse();
        }
    }

    @Nested
    @DisplayName("component checks")
    class Components {

        @Test
        @DisplayName("every required component is rejected null with a NullPointerException naming it")
        void requiredComponents() {
            Comment valid = reply().build();
            String[] names = {"id", "thread", null, "root id", null, null, "kind", "status", "author", "text", "html",
                null, null, "created at", "updated at", null, "attributes"};
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null) {
                    continue;
                }
                int index = i;
                assertThatThrownBy(() -> rebuilt(valid, v -> {
                    v[index] = null;
                    return v;
                })).as(names[i]).isInstanceOf(NullPointerException.class).hasMessage(names[i] + " must not be null");
            }
        }

        @Test
        @DisplayName("text, html and moderation reason are accepted at their limits and rejected one over,"
                + " naming the field")
        void lengths() {
            assertThat(root().text("x".repeat(Comment.MAX_TEXT_LENGTH)).html("y".repeat(Comment.MAX_HTML_LENGTH))
                    .moderationReason("r".repeat(Comment.MAX_REASON_LENGTH)).build()).isNotNull();
            assertThatThrownBy(() -> root().text("x".repeat(Comment.MAX_TEXT_LENGTH + 1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("text must be at most 65535 characters, was 65536");
            assertThatThrownBy(() -> root().html("x".repeat(Comment.MAX_HTML_LENGTH + 1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("html must be at most 524288 characters, was 524289");
            assertThatThrownBy(() -> root().moderationReason("r".repeat(Comment.MAX_REASON_LENGTH + 1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("moderation reason must be at most 1000 characters, was 1001");
            assertThatThrownBy(() -> root().moderationReason(" ").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("moderation reason must not be blank");
        }

        @Test
        @DisplayName("timestamps must lie between EARLIEST and LATEST and are truncated to microseconds")
        void timestamps() {
            assertThat(root().createdAt(Comment.EARLIEST).updatedAt(Comment.LATEST).build().updatedAt())
                    .isEqualTo(Comment.LATEST);
            assertThat(root().createdAt(T.plusNanos(123_456_789)).build().createdAt()).isEqualTo(T.plusNanos(123_456_000));
            assertThatThrownBy(() -> root().createdAt(Comment.EARLIEST.minusNanos(1_000)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("created at must be between");
            assertThatThrownBy(() -> root().updatedAt(Comment.LATEST.plusNanos(1_000)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updated at must be between");
        }

        @Test
        @DisplayName("the update time must not be before the creation time")
        void updatedNotBeforeCreated() {
            assertThatThrownBy(() -> root().updatedAt(T.minusNanos(1_000)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("updated at (2025-12-31T23:59:59.999999Z) must not be before created at"
                            + " (2026-01-01T00:00:00Z)");
            // Equal after truncation to microseconds is fine.
            assertThat(root().updatedAt(T.plusNanos(999)).build().updatedAt()).isEqualTo(T);
        }

        @Test
        @DisplayName("the version must be 0 or more")
        void version() {
            assertThat(root().version(Long.MAX_VALUE).build().version()).isEqualTo(Long.MAX_VALUE);
            assertThatThrownBy(() -> root().version(-1).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("version must be 0 or more, was -1");
        }
    }

    @Nested
    @DisplayName("attributes")
    class Attributes {

        @Test
        @DisplayName("are copied in and unmodifiable out")
        void copied() {
            Map<String, String> source = new HashMap<>(Map.of("k", "v"));
            Comment comment = root().attributes(source).build();
            source.put("later", "x");

            assertThat(comment.attributes()).containsExactly(Map.entry("k", "v"));
            assertThatThrownBy(() -> comment.attributes().put("x", "y"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("hold at most 32 entries")
        void atMostThirtyTwo() {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < Comment.MAX_ATTRIBUTES; i++) {
                attributes.put("k" + i, "v");
            }
            assertThat(root().attributes(attributes).build().attributes()).hasSize(32);
            attributes.put("one-more", "v");
            assertThatThrownBy(() -> root().attributes(attributes).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("attributes must hold at most 32 entries, had 33");
        }

        @Test
        @DisplayName("keys are 1 to 64 characters of [A-Za-z0-9_.:-], never null")
        void keys() {
            assertThat(root().attributes(Map.of("A-z_0.9:x", "v", "k".repeat(64), "v")).build().attributes()).hasSize(2);
            for (String bad : new String[] {"", "a b", "caf\u00e9", "a/b", "a=b"}) {
                assertThatThrownBy(() -> root().attributes(Map.of(bad, "v")).build()).as("\"%s\"", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("attribute key must use only");
            }
            assertThatThrownBy(() -> root().attributes(Map.of("k".repeat(65), "v")).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("attribute key must be at most 64 characters, was 65");
            Map<String, String> nullKey = new HashMap<>();
            nullKey.put(null, "v");
            assertThatThrownBy(() -> root().attributes(nullKey).build()).isInstanceOf(NullPointerException.class)
                    .hasMessage("attribute key must not be null");
        }

        @Test
        @DisplayName("values are any text of up to 4096 characters, empty included, never null, named by their key")
        void values() {
            assertThat(root().attributes(Map.of("e", "", "m", "v".repeat(4096))).build().attributes()).hasSize(2);
            assertThatThrownBy(() -> root().attributes(Map.of("big", "v".repeat(4097))).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("attribute \"big\" must be at most 4096 characters, was 4097");
            Map<String, String> nullValue = new HashMap<>();
            nullValue.put("k", null);
            assertThatThrownBy(() -> root().attributes(nullValue).build()).isInstanceOf(NullPointerException.class)
                    .hasMessage("attribute \"k\" must not have a null value");
        }
    }

    @Nested
    @DisplayName("fixed fields")
    class FixedFields {

        @Test
        @DisplayName("an update may change status, content, author, reason, update time and attributes")
        void mutableComponentsPass() {
            Comment stored = reply().build();
            Comment changed = stored.toBuilder().status(Status.SPAM).text("t").html("h").author(Author.named("Bo"))
                    .moderationReason("spam: x").updatedAt(T.plusSeconds(5)).attributes(Map.of("k", "v")).build();

            stored.requireSameFixedFields(changed);
        }

        @Test
        @DisplayName("changing components fixed at insert is refused, naming each one")
        void fixedComponentsAreNamed() {
            Comment stored = reply().build();
            Comment changed = stored.toBuilder().thread(ThreadKey.of("post-2")).depth(3).createdAt(T.minusSeconds(1))
                    .build();

            assertThatThrownBy(() -> stored.requireSameFixedFields(changed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("update of comment me must not change fields fixed at insert: thread, depth, created at");
        }

        @Test
        @DisplayName("a linkback's source URL is fixed, its title is not")
        void linkbackSource() {
            Comment stored = root().kind(Kind.PINGBACK).linkback(new Linkback("https://a.example/", "A")).build();

            stored.requireSameFixedFields(stored.toBuilder().linkback(new Linkback("https://a.example/", "B")).build());
            assertThatThrownBy(() -> stored.requireSameFixedFields(
                    stored.toBuilder().linkback(new Linkback("https://b.example/", "A")).build()))
                    .hasMessageEndingWith("fields fixed at insert: linkback source url");
        }
    }
}
