package dev.parley.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tree assembly from store rows, including the orders and statuses the service never produces itself. */
class PageAssemblerTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Comment root(String id, int second, Status status) {
        return Comment.builder().id(CommentId.of(id)).thread(ThreadKey.of("t")).author(Author.named(id))
                .text(id).status(status).createdAt(T.plusSeconds(second)).build();
    }

    private static Comment reply(String id, Comment parent, int second, Status status) {
        return Comment.builder().id(CommentId.of(id)).replyTo(parent).author(Author.named(id)).text(id)
                .status(status).createdAt(T.plusSeconds(second)).build();
    }

    private static String outline(List<Comment> roots, List<Comment> replies) {
        List<ThreadNode> nodes = PageAssembler.assemble(roots, replies, PageAssembler.Visibility.PUBLIC);
        return Outline.of(new ThreadPage(ThreadKey.of("t"), Order.OLDEST_FIRST, nodes, null, StatusCounts.ZERO));
    }

    @Test
    void replyListedBeforeItsParentOnATimestampTieIsStillNestedInOrder() {
        Comment r = root("r", 0, Status.APPROVED);
        Comment parent = reply("p9", r, 5, Status.APPROVED);
        Comment tie = reply("a1", parent, 5, Status.APPROVED); // same instant, smaller id: listed first
        Comment later = reply("z2", parent, 6, Status.APPROVED);

        assertThat(outline(List.of(r), List.of(tie, parent, later))).isEqualTo("""
                r: r
                  p9: p9
                    a1: a1
                    z2: z2
                """);
    }

    @Test
    void chainOfDeletedCommentsAboveAVisibleReplyBecomesPlaceholders() {
        Comment r = root("r", 0, Status.DELETED);
        Comment d = reply("d", r, 1, Status.DELETED);
        Comment leaf = reply("leaf", d, 2, Status.APPROVED);
        Comment deadEnd = reply("dead", r, 3, Status.DELETED);

        assertThat(outline(List.of(r), List.of(d, leaf, deadEnd))).isEqualTo("""
                [deleted]
                  [deleted]
                    leaf: leaf
                """);
    }

    @Test
    void deletedRootsWithoutVisibleRepliesAreDropped() {
        Comment gone = root("gone", 0, Status.DELETED);
        Comment alsoGone = reply("child", gone, 1, Status.DELETED);
        Comment kept = root("kept", 2, Status.APPROVED);

        assertThat(outline(List.of(gone, kept), List.of(alsoGone))).isEqualTo("kept: kept\n");
    }

    @Test
    void repliesOfAHiddenParentAreHiddenWithIt() {
        Comment r = root("r", 0, Status.APPROVED);
        Comment held = reply("held", r, 1, Status.PENDING);
        Comment under = reply("under", held, 2, Status.APPROVED);

        assertThat(outline(List.of(r), List.of(held, under))).isEqualTo("r: r\n");
    }

    @Test
    void spamAboveAVisibleReplyIsAPlaceholderAndSpamLeavesAreDropped() {
        Comment r = root("r", 0, Status.SPAM);
        Comment spam = reply("spam", r, 1, Status.SPAM);
        Comment under = reply("under", spam, 2, Status.APPROVED);
        Comment spamLeaf = reply("leaf", r, 3, Status.SPAM);
        Comment lone = root("lone", 4, Status.SPAM);

        assertThat(outline(List.of(r, lone), List.of(spam, under, spamLeaf))).isEqualTo("""
                [deleted]
                  [deleted]
                    under: under
                """);
    }
}
