package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Comments fixtures")
class CommentsTest {

    @Test
    @DisplayName("instants are offsets from 2026-01-01T00:00:00Z, in seconds or microseconds")
    void instants() {
        assertThat(Comments.at(0)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(Comments.at(-1)).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
        assertThat(Comments.atMicros(1_000_001)).isEqualTo(Instant.parse("2026-01-01T00:00:01.000001Z"));
    }

    @Test
    @DisplayName("root builds an approved root comment at the given time, open to further changes")
    void root() {
        Comment root = Comments.root("c1", "post-1", Comments.at(3)).status(Status.PENDING).build();

        assertThat(root.isRoot()).isTrue();
        assertThat(root.id()).isEqualTo(CommentId.of("c1"));
        assertThat(root.thread()).isEqualTo(ThreadKey.of("post-1"));
        assertThat(root.createdAt()).isEqualTo(Comments.at(3)).isEqualTo(root.updatedAt());
        assertThat(root.status()).isEqualTo(Status.PENDING);
        assertThat(root.text()).isEqualTo("Comment c1");
        assertThat(root.version()).isZero();
    }

    @Test
    @DisplayName("reply hangs under its parent: same thread and root, one level deeper")
    void reply() {
        Comment root = Comments.root("r", "post-1", Comments.at(0)).build();
        Comment child = Comments.reply("r-1", root, Comments.at(1)).build();
        Comment grandchild = Comments.reply("r-1-1", child, Comments.at(2)).build();

        assertThat(grandchild.thread()).isEqualTo(root.thread());
        assertThat(grandchild.rootId()).isEqualTo(root.id());
        assertThat(grandchild.parentId()).isEqualTo(child.id());
        assertThat(grandchild.depth()).isEqualTo(2);
    }

    @Test
    @DisplayName("linkback builds a linkback root of a linkback kind and refuses COMMENT")
    void linkback() {
        Comment linkback = Comments.linkback("l1", "post-1", Kind.WEBMENTION, "https://a.example/", Comments.at(0))
                .build();

        assertThat(linkback.kind()).isEqualTo(Kind.WEBMENTION);
        assertThat(linkback.linkback().sourceUrl()).isEqualTo("https://a.example/");
        assertThatThrownBy(() -> Comments.linkback("l2", "post-1", Kind.COMMENT, "https://a.example/", Comments.at(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("kind must be a linkback kind, was COMMENT");
    }

    @Test
    @DisplayName("fullyPopulated sets every optional component")
    void fullyPopulated() {
        Comment full = Comments.fullyPopulated("c1", "post-1", Comments.at(0)).build();

        assertThat(full.author().email()).isNotNull();
        assertThat(full.author().url()).isNotNull();
        assertThat(full.author().userId()).isNotNull();
        assertThat(full.author().ip()).isNotNull();
        assertThat(full.author().userAgent()).isNotNull();
        assertThat(full.moderationReason()).isNotNull();
        assertThat(full.attributes()).isNotEmpty();
        assertThat(full.updatedAt()).isAfter(full.createdAt());
        assertThat(full.version()).isPositive();
        assertThat(full.provenance()).isNotNull();
        assertThat(full.provenance().threadId()).isNotNull();
        assertThat(full.provenance().parentId()).isNotNull();
        assertThat(full.provenance().status()).isNotNull();
        assertThat(full.provenance().type()).isNotNull();
        assertThat(full.provenance().date()).isNotNull();
        assertThat(full.provenance().fields()).isNotEmpty();
        assertThat(full.provenance().metadata()).isNotEmpty();
    }
}
