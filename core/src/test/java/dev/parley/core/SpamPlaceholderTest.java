package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.json.CommentJson;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.Status;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A comment marked spam after it was answered: its approved replies stay in the conversation under a
 * placeholder that shows nothing of the spam, and a moderator can find them.
 */
@DisplayName("Replies of a spam comment")
class SpamPlaceholderTest {

    private final Fixture f = new Fixture();

    private ThreadPage page(Viewer viewer) {
        return f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, viewer);
    }

    private String outline(Viewer viewer) {
        return Outline.of(page(viewer));
    }

    /** Counts the nodes shown for themselves (not placeholders), to hold against the approved count. */
    private static long published(List<ThreadNode> nodes) {
        long n = 0;
        for (ThreadNode node : nodes) {
            n += (node.placeholder() ? 0 : 1) + published(node.replies());
        }
        return n;
    }

    @Nested
    @DisplayName("on a thread page")
    class OnThePage {

        @Test
        @DisplayName("an approved reply stays visible under a placeholder when its parent is marked spam")
        void replyStaysUnderAPlaceholderWhenItsParentIsMarkedSpam() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment spam = f.accepted(by("Sam", "buy now https://spam.example/").inReplyTo(root.id()));
            f.accepted(by("Bob", "that looks like spam").inReplyTo(spam.id()));

            f.service.markSpam(spam.id());

            String expected = """
                    Ann: root
                      [deleted]
                        Bob: that looks like spam
                    """;
            assertThat(outline(Viewer.anonymous())).isEqualTo(expected);
            ThreadNode placeholder = page(Viewer.anonymous()).roots().get(0).replies().get(0);
            assertThat(placeholder.placeholder()).isTrue();
            assertThat(placeholder.comment().id()).isEqualTo(spam.id());
            assertThat(placeholder.comment().text()).isEmpty();
            assertThat(placeholder.comment().html()).isEmpty();
            assertThat(placeholder.comment().author().name()).isEqualTo(ThreadNode.DELETED_NAME);
            assertThat(placeholder.comment().author().email()).isNull();
            assertThat(placeholder.comment().moderationReason()).isNull();
            assertThat(placeholder.comment().status()).isEqualTo(Status.DELETED);
        }

        @Test
        @DisplayName("the spam's own author, with an edit token, sees the placeholder too, not the spam")
        void theSpammersTokenShowsThePlaceholderToo() {
            Comment root = f.accepted(by("Ann", "root"));
            PostResult.Accepted spam = f.acceptedResult(by("Sam", "buy now").inReplyTo(root.id()));
            PostResult.Accepted reply = f.acceptedResult(by("Bob", "no thanks").inReplyTo(spam.comment().id()));
            f.service.markSpam(spam.comment().id());

            String expected = """
                    Ann: root
                      [deleted]
                        Bob: no thanks
                    """;
            assertThat(outline(Viewer.withTokens(Set.of(spam.editToken())))).isEqualTo(expected);
            assertThat(outline(Viewer.withTokens(Set.of(reply.editToken())))).isEqualTo(expected);
            assertThat(outline(Viewer.user("someone"))).isEqualTo(expected);
        }

        @Test
        @DisplayName("nested several levels deep, every spam ancestor of a visible reply is a placeholder")
        void nestedSpamAncestorsAllBecomePlaceholders() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment a = f.accepted(by("Sam", "spam one").inReplyTo(root.id()));
            Comment b = f.accepted(by("Bob", "b").inReplyTo(a.id()));
            Comment c = f.accepted(by("Tim", "spam two").inReplyTo(b.id()));
            Comment d = f.accepted(by("Deb", "deleted").inReplyTo(c.id()));
            f.accepted(by("Eve", "leaf").inReplyTo(d.id()));
            Comment dead = f.accepted(by("Uma", "spam three").inReplyTo(b.id()));
            Comment deadEnd = f.accepted(by("Vic", "spam four").inReplyTo(dead.id()));

            f.service.markSpam(a.id());
            f.service.markSpam(c.id());
            f.service.delete(d.id());
            f.service.markSpam(dead.id());
            f.service.markSpam(deadEnd.id());

            assertThat(outline(Viewer.anonymous())).isEqualTo("""
                    Ann: root
                      [deleted]
                        Bob: b
                          [deleted]
                            [deleted]
                              Eve: leaf
                    """);
        }

        @Test
        @DisplayName("a spam root with replies is a placeholder at the top of its subtree")
        void spamRootWithRepliesIsAPlaceholder() {
            Comment spam = f.accepted(by("Sam", "spam root"));
            Comment reply = f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.accepted(by("Cat", "nested").inReplyTo(reply.id()));
            f.accepted(by("Dan", "next root"));

            f.service.markSpam(spam.id());

            assertThat(outline(Viewer.anonymous())).isEqualTo("""
                    [deleted]
                      Bob: reply
                        Cat: nested
                    Dan: next root
                    """);
        }

        @Test
        @DisplayName("a spam linkback root with replies keeps neither its kind nor its source")
        void spamLinkbackPlaceholderHidesTheSource() {
            f.clock.advance(Duration.ofMinutes(1));
            Comment pingback = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD,
                    Kind.PINGBACK, "https://spam.example/page", "Cheap pills", "excerpt", null,
                    ClientContext.none()))).comment();
            f.accepted(by("Bob", "odd link").inReplyTo(pingback.id()));

            f.service.markSpam(pingback.id());

            ThreadNode node = page(Viewer.anonymous()).roots().get(0);
            assertThat(node.placeholder()).isTrue();
            assertThat(node.comment().kind()).isEqualTo(Kind.COMMENT);
            assertThat(node.comment().linkback()).isNull();
            assertThat(Outline.of(page(Viewer.anonymous()))).isEqualTo("[deleted]\n  Bob: odd link\n");
        }

        @Test
        @DisplayName("spam with no visible reply shows nothing: a leaf, or one whose replies are spam or held")
        void spamWithoutVisibleRepliesShowsNothing() {
            Comment leaf = f.accepted(by("Sam", "spam leaf"));
            Comment withSpam = f.accepted(by("Tim", "spam with spam below"));
            Comment spamReply = f.accepted(by("Uma", "more spam").inReplyTo(withSpam.id()));
            Comment withHeld = f.accepted(by("Vic", "spam with a held reply"));
            PostResult.Accepted held = f.acceptedResult(by("Bob", "held").inReplyTo(withHeld.id()));
            f.service.hold(held.comment().id());
            for (Comment c : List.of(leaf, withSpam, spamReply, withHeld)) {
                f.service.markSpam(c.id());
            }

            assertThat(page(Viewer.anonymous()).roots()).isEmpty();
            assertThat(page(Viewer.anonymous()).next()).isNull();
            // The held reply's author sees it, under a placeholder of the spam it answered.
            assertThat(outline(Viewer.withTokens(Set.of(held.editToken())))).isEqualTo("""
                    [deleted]
                      Bob: held (pending)
                    """);
        }

        @Test
        @DisplayName("restoring the spam comment shows it again, with its replies")
        void restoreShowsItAgain() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment spam = f.accepted(by("Sam", "not spam after all").inReplyTo(root.id()));
            f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.service.markSpam(spam.id());

            f.service.restore(spam.id());

            assertThat(outline(Viewer.anonymous())).isEqualTo("""
                    Ann: root
                      Sam: not spam after all
                        Bob: reply
                    """);
        }

        @Test
        @DisplayName("a moderator sees the spam comment itself, marked spam, with its replies")
        void moderatorSeesTheSpamItself() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment spam = f.accepted(by("Sam", "buy now").inReplyTo(root.id()));
            f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            Comment leaf = f.accepted(by("Tim", "spam leaf"));
            f.service.markSpam(spam.id());
            f.service.markSpam(leaf.id());

            assertThat(outline(Viewer.forModerator())).isEqualTo("""
                    Ann: root
                      Sam: buy now (spam)
                        Bob: reply
                    """);
            ThreadNode node = page(Viewer.forModerator()).roots().get(0).replies().get(0);
            assertThat(node.placeholder()).isFalse();
            assertThat(node.comment()).isEqualTo(f.store.find(spam.id()).orElseThrow());
        }

        @Test
        @DisplayName("counts agree with the page: every approved comment is shown, placeholders are not counted")
        void countsAgreeWithWhatIsShown() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment spam = f.accepted(by("Sam", "spam").inReplyTo(root.id()));
            Comment reply = f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.accepted(by("Cat", "nested").inReplyTo(reply.id()));
            Comment spamRoot = f.accepted(by("Tim", "spam root"));
            f.accepted(by("Dan", "under spam root").inReplyTo(spamRoot.id()));
            f.service.markSpam(spam.id());
            f.service.markSpam(spamRoot.id());

            ThreadPage page = page(Viewer.anonymous());

            assertThat(page.counts().approved()).isEqualTo(4L).isEqualTo(published(page.roots()));
            assertThat(page.counts().spam()).isEqualTo(2L);
            assertThat(page.size()).isEqualTo(6);
        }
    }

    @Nested
    @DisplayName("in paging and permalinks")
    class PagingAndPermalinks {

        @Test
        @DisplayName("spam roots without replies do not shorten a page, and reads stay bounded by the limit")
        void spamRootsDoNotShortenThePage() {
            DelegatingStore counting = new DelegatingStore(new InMemoryCommentStore());
            Fixture c = new Fixture(s -> s.floodInterval(Duration.ZERO), b -> b.store(counting));
            List<CommentId> spam = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                spam.add(c.accepted(by("Spammer " + i, "spam " + i)).id());
            }
            Comment kept = c.accepted(by("Sam", "spam kept for its reply"));
            c.accepted(by("Bob", "reply").inReplyTo(kept.id()));
            c.accepted(by("Ann", "one"));
            c.accepted(by("Cat", "two"));
            spam.add(kept.id());
            spam.forEach(c.service::markSpam);
            counting.calls.clear();

            ThreadPage first = c.service.page(THREAD, Order.OLDEST_FIRST, null, 2, Viewer.anonymous());

            assertThat(Outline.of(first)).isEqualTo("[deleted]\n  Bob: reply\nAnn: one\n");
            // Reads of 3, 6 and 12 roots: each read asks for twice as many as the one before.
            assertThat(counting.calls).containsExactlyElementsOf(List.of(
                    "roots", "firstReplies", "roots", "firstReplies", "roots", "firstReplies", "counts"));
            ThreadPage second = c.service.page(THREAD, Order.OLDEST_FIRST, first.next(), 2, Viewer.anonymous());
            assertThat(Outline.of(second)).isEqualTo("Cat: two\n");
            assertThat(second.next()).isNull();
        }

        @Test
        @DisplayName("a flood of spam roots is read past in growing reads, so the page still fills")
        void aFloodOfSpamRootsStillFillsThePage() {
            Fixture c = new Fixture(s -> s.floodInterval(Duration.ZERO));
            List<CommentId> spam = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                spam.add(c.accepted(by("Spammer " + i, "spam " + i)).id());
            }
            c.accepted(by("Ann", "after the flood"));
            spam.forEach(c.service::markSpam);

            ThreadPage first = c.service.page(THREAD, Order.OLDEST_FIRST, null, 2, Viewer.anonymous());

            assertThat(Outline.of(first)).isEqualTo("Ann: after the flood\n");
            assertThat(first.next()).isNull();
        }

        @Test
        @DisplayName("a reply under spam has a permalink; its spam ancestor is blank in the location")
        void replyUnderSpamIsLocatedWithABlankAncestor() {
            f.accepted(by("Ann", "first"));
            Comment spam = f.accepted(by("Sam", "spam root"));
            Comment reply = f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.service.markSpam(spam.id());

            Location location = f.service.locate(reply.id(), Order.OLDEST_FIRST, Viewer.anonymous()).orElseThrow();

            assertThat(location.ancestors()).hasSize(1);
            assertThat(location.root().id()).isEqualTo(spam.id());
            assertThat(location.root().text()).isEmpty();
            assertThat(location.root().author().name()).isEqualTo(ThreadNode.DELETED_NAME);
            ThreadPage page = f.service.page(THREAD, Order.OLDEST_FIRST, location.pageCursor(), 1,
                    Viewer.anonymous());
            assertThat(Outline.of(page)).isEqualTo("[deleted]\n  Bob: reply\n");
        }

        @Test
        @DisplayName("the spam comment itself is located for a moderator only")
        void spamIsLocatedForModeratorsOnly() {
            f.accepted(by("Ann", "first"));
            Comment spam = f.accepted(by("Sam", "spam root"));
            f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.service.markSpam(spam.id());

            assertThat(f.service.locate(spam.id(), Order.OLDEST_FIRST, Viewer.anonymous())).isEmpty();
            Location location = f.service.locate(spam.id(), Order.OLDEST_FIRST, Viewer.forModerator()).orElseThrow();
            assertThat(location.comment().text()).isEqualTo("spam root");
            assertThat(Outline.of(f.service.page(THREAD, Order.OLDEST_FIRST, location.pageCursor(), 1,
                    Viewer.anonymous()))).isEqualTo("[deleted]\n  Bob: reply\n");
        }
    }

    @Nested
    @DisplayName("in the public JSON")
    class Json {

        @Test
        @DisplayName("a spam placeholder carries no author, html, source, status or edit time")
        void placeholderHasNoContent() {
            Comment root = f.accepted(PostRequest.builder(THREAD, "root").author("Ann", "ann@example.org", null));
            f.clock.advance(Duration.ofMinutes(1));
            Comment spam = f.accepted(PostRequest.builder(THREAD, "SPAMTEXT").inReplyTo(root.id())
                    .author("Spammer", "spammer@spam.example", "https://spam.example/")
                    .client(ClientContext.of("198.51.100.9", "SpamBot/1")));
            f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.clock.advance(Duration.ofMinutes(5));
            f.service.markSpam(spam.id());

            CommentJson json = CommentJson.create();
            String text = json.write(json.toPublic(page(Viewer.anonymous())));

            assertThat(text).doesNotContain("SPAMTEXT", "Spammer", "spam.example", "198.51.100.9", "SpamBot",
                    "marked spam", "\"spam\"", "[deleted]");
            assertThat(text).contains("{\"id\":\"c2\",\"kind\":\"comment\",\"created\":\"2026-11-29T10:03:00Z\","
                    + "\"depth\":1,\"placeholder\":true,\"replies\":[{\"id\":\"c3\"");
        }

        @Test
        @DisplayName("a moderator's page marks the spam comment with status spam")
        void moderatorPageMarksSpam() {
            Comment spam = f.accepted(by("Sam", "spam root"));
            f.accepted(by("Bob", "reply").inReplyTo(spam.id()));
            f.service.markSpam(spam.id());

            CommentJson json = CommentJson.create();
            assertThat(json.toPublic(page(Viewer.forModerator())).comments().get(0).status()).isEqualTo("spam");
        }
    }

    @Nested
    @DisplayName("for moderators")
    class ForModerators {

        @Test
        @DisplayName("the spam queue tells how many replies readers still see below each entry")
        void visibleRepliesCountsWhatReadersSee() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment spam = f.accepted(by("Sam", "spam reply").inReplyTo(root.id()));
            Comment b = f.accepted(by("Bob", "b").inReplyTo(spam.id()));
            f.accepted(by("Cat", "c").inReplyTo(b.id()));
            Comment held = f.accepted(by("Dan", "held").inReplyTo(spam.id()));
            f.accepted(by("Eve", "under held").inReplyTo(held.id()));
            Comment spamRoot = f.accepted(by("Tim", "spam root"));
            Comment leaf = f.accepted(by("Uma", "spam leaf"));
            f.accepted(by("Vic", "under a spam root").inReplyTo(spamRoot.id()));
            f.service.hold(held.id());
            for (Comment c : List.of(spam, spamRoot, leaf)) {
                f.service.markSpam(c.id());
            }

            List<Comment> queue = f.service.queue(Set.of(Status.SPAM),
                    dev.parley.storage.PageRequest.first(Order.OLDEST_FIRST, 10)).items();
            Map<CommentId, Integer> counts = f.service.visibleReplies(queue);

            assertThat(counts).containsExactly(
                    Map.entry(spam.id(), 2), Map.entry(spamRoot.id(), 1), Map.entry(leaf.id(), 0));
            assertThat(f.service.visibleReplies(List.of())).isEmpty();
        }
    }
}
