package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.StatusCounts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a thread built the way a real blog post collects comments, on the in-memory store with the
 * default rules (new authors held, block words as spam), read back in both orders with its exact shape.
 */
@DisplayName("A blog post's thread")
class BlogPostEndToEndTest {

    private final Fixture f = new Fixture(s -> s.holdNewAuthors(true).blockWords(List.of("cheap watches")));
    private EditToken heldToken;

    private Comment approved(PostRequest.Builder request) {
        Comment c = f.accepted(request);
        return f.service.approve(c.id()).orElseThrow();
    }

    private Comment byPostAuthor(String text, CommentId inReplyTo) {
        return f.accepted(PostRequest.builder(THREAD, text).user("editor", "Post Author").trusted(true)
                .inReplyTo(inReplyTo));
    }

    @BeforeEach
    void buildTheThread() {
        Comment ann = approved(by("Ann", "Great introduction."));
        Comment bob = approved(by("Bob", "Agreed, especially the part on keyset paging.").inReplyTo(ann.id()));
        Comment thanks = byPostAuthor("Thanks Bob!", bob.id());
        // Bob has an approved comment now, so the known-author rule lets his follow-up straight through.
        f.accepted(by("Bob", "Any plans for a follow-up?").inReplyTo(thanks.id()));
        byPostAuthor("Thank you Ann.", ann.id());

        Comment cat = approved(by("Cat", "I have a question about moderation."));
        approved(by("Dan", "Same question here.").inReplyTo(cat.id()));
        byPostAuthor("Answered in the FAQ.", cat.id());
        f.service.delete(cat.id());

        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.service.recordLinkback(new LinkbackRequest(THREAD, Kind.PINGBACK, "https://friend.example/links",
                "Links of the week", "A fine post on comment threads.", null, ClientContext.none()));
        approved(by("Hal", "How does this compare to Isso?"));
        f.accepted(by("Eve", "Buy cheap watches here"));
        heldToken = f.acceptedResult(by("Fay", "First time here, hello!")).editToken();
        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.service.recordLinkback(new LinkbackRequest(THREAD, Kind.TRACKBACK, "https://planet.example/roundup",
                "Planet roundup", "Also worth reading.", "Planet Parley", ClientContext.none()));
        approved(by("Gus", "Bookmarked."));
    }

    @Test
    @DisplayName("reads back oldest first with nested replies, a placeholder and both linkbacks")
    void oldestFirst() {
        ThreadPage page = f.service.page(THREAD, Order.OLDEST_FIRST, null, 50, Viewer.anonymous());

        assertThat(Outline.of(page)).isEqualTo("""
                Ann: Great introduction.
                  Bob: Agreed, especially the part on keyset paging.
                    Post Author: Thanks Bob!
                      Bob: Any plans for a follow-up?
                  Post Author: Thank you Ann.
                [deleted]
                  Dan: Same question here.
                  Post Author: Answered in the FAQ.
                pingback Links of the week: A fine post on comment threads.
                Hal: How does this compare to Isso?
                trackback Planet Parley: Also worth reading.
                Gus: Bookmarked.
                """);
        assertThat(page.counts()).isEqualTo(new StatusCounts(1, 11, 1, 1));
        assertThat(page.next()).isNull();
    }

    @Test
    @DisplayName("reads back newest first: roots reversed, replies still oldest first")
    void newestFirst() {
        ThreadPage page = f.service.page(THREAD, Order.NEWEST_FIRST, null, 50, Viewer.anonymous());

        assertThat(Outline.of(page)).isEqualTo("""
                Gus: Bookmarked.
                trackback Planet Parley: Also worth reading.
                Hal: How does this compare to Isso?
                pingback Links of the week: A fine post on comment threads.
                [deleted]
                  Dan: Same question here.
                  Post Author: Answered in the FAQ.
                Ann: Great introduction.
                  Bob: Agreed, especially the part on keyset paging.
                    Post Author: Thanks Bob!
                      Bob: Any plans for a follow-up?
                  Post Author: Thank you Ann.
                """);
    }

    @Test
    @DisplayName("shows the held comment to its author, in place, and never the spam")
    void heldCommentForItsAuthor() {
        ThreadPage page = f.service.page(THREAD, Order.NEWEST_FIRST, null, 3, Viewer.withTokens(Set.of(heldToken)));

        assertThat(Outline.of(page)).isEqualTo("""
                Gus: Bookmarked.
                trackback Planet Parley: Also worth reading.
                Fay: First time here, hello! (pending)
                """);
        ThreadPage rest = f.service.page(THREAD, Order.NEWEST_FIRST, page.next(), 3, Viewer.withTokens(Set.of(heldToken)));
        assertThat(Outline.of(rest)).startsWith("Hal: How does this compare to Isso?\n");
    }
}
