package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Status;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkbackTest {

    private final List<Comment> heard = new ArrayList<>();
    private final Fixture f = new Fixture(s -> s.holdNewAuthors(true), b -> b.listener(new CommentListener() {
        @Override
        public void onLinkback(Comment comment) {
            heard.add(comment);
        }
    }));

    private static LinkbackRequest pingback(String source) {
        return new LinkbackRequest(THREAD, Kind.PINGBACK, source, "A <b>great</b> post", "They said <script>x</script>",
                null, ClientContext.of("198.51.100.4", "WordPress/6.7"));
    }

    @Test
    void verifiedLinkbackIsStoredAsAnEscapedApprovedRoot() {
        LinkbackResult result = f.service.recordLinkback(pingback("https://other.example/post"));

        Comment c = ((LinkbackResult.Recorded) result).comment();
        assertThat(c.kind()).isEqualTo(Kind.PINGBACK);
        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.moderationReason()).isEqualTo("approved: no rule objected");
        assertThat(c.linkback()).isEqualTo(new Linkback("https://other.example/post", "A <b>great</b> post"));
        assertThat(c.html()).isEqualTo("<p>They said &lt;script&gt;x&lt;/script&gt;</p>");
        assertThat(c.author().name()).isEqualTo("A <b>great</b> post");
        assertThat(c.author().url()).isEqualTo("https://other.example/post");
        assertThat(c.depth()).isZero();
        assertThat(heard).containsExactly(c);
    }

    @Test
    void secondTimeFromTheSameSourceIsAlreadyRegistered() {
        Comment first = ((LinkbackResult.Recorded) f.service.recordLinkback(pingback("https://other.example/post")))
                .comment();

        assertThat(f.service.recordLinkback(pingback("https://other.example/post")))
                .isEqualTo(new LinkbackResult.AlreadyRegistered(first));
        assertThat(heard).hasSize(1);
    }

    @Test
    void raceLostInTheStoreIsAlreadyRegisteredToo() {
        InMemoryCommentStore real = new InMemoryCommentStore();
        DelegatingStore racing = new DelegatingStore(real) {
            private boolean first = true;

            @Override
            public Optional<Comment> findLinkback(dev.parley.storage.ThreadKey thread, String sourceUrl) {
                if (first) {
                    // The other request has not inserted yet when we look.
                    first = false;
                    return Optional.empty();
                }
                return super.findLinkback(thread, sourceUrl);
            }
        };
        CommentService service = CommentService.builder().store(racing).tokenSecret(Fixture.SECRET)
                .renderer(new TestRenderer()).build();
        CommentService other = CommentService.builder().store(real).tokenSecret(Fixture.SECRET)
                .renderer(new TestRenderer()).build();
        Comment winner = ((LinkbackResult.Recorded) other.recordLinkback(pingback("https://x.example/"))).comment();

        assertThat(service.recordLinkback(pingback("https://x.example/")))
                .isEqualTo(new LinkbackResult.AlreadyRegistered(winner));
        assertThat(racing.calls).contains("insert");
    }

    @Test
    void duplicateLinkbackExceptionIsNotSwallowedWhenNothingIsThere() {
        DelegatingStore broken = new DelegatingStore(new InMemoryCommentStore()) {
            @Override
            public void insert(Comment comment) {
                throw new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
            }
        };
        CommentService service = CommentService.builder().store(broken).tokenSecret(Fixture.SECRET)
                .renderer(new TestRenderer()).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.recordLinkback(pingback("https://x.example/")))
                .isInstanceOf(DuplicateLinkbackException.class);
    }

    @Test
    void trackbackAndWebmentionUseTheAuthorGivenOrTheSourceHost() {
        Comment trackback = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD,
                Kind.TRACKBACK, "https://blog.example/t", "", "", "Tess", ClientContext.none()))).comment();
        Comment mention = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD,
                Kind.WEBMENTION, "https://notes.example/n/1", "", "", null, ClientContext.none()))).comment();

        assertThat(trackback.author().name()).isEqualTo("Tess");
        assertThat(trackback.html()).isEmpty();
        assertThat(mention.author().name()).isEqualTo("notes.example");
    }

    @Test
    void linkbacksGoThroughWordListsAndModerateAll() {
        Fixture spammy = new Fixture(s -> s.blockWords(List.of("casino")));
        Fixture strict = new Fixture(s -> s.moderateAll(true));

        Comment spam = ((LinkbackResult.Recorded) spammy.service.recordLinkback(
                new LinkbackRequest(THREAD, Kind.PINGBACK, "https://casino.example/", "Win", "", null,
                        ClientContext.none()))).comment();
        Comment held = ((LinkbackResult.Recorded) strict.service.recordLinkback(pingback("https://a.example/")))
                .comment();

        assertThat(spam.moderationReason()).isEqualTo("spam: matched block word \"casino\" in author url");
        assertThat(held.moderationReason()).isEqualTo("held: every comment is moderated");
    }

    @Test
    void closedThreadRefusesLinkbacks() {
        Fixture closed = new Fixture(s -> s, b -> b.threadPolicy(t -> Closing.closed()));

        assertThat(closed.service.recordLinkback(pingback("https://a.example/")))
                .isEqualTo(new LinkbackResult.Rejected(RejectCode.CLOSED, "Comments are closed."));
    }

    @Test
    void webmentionUpdateReplacesTitleAndExcerptAndKeepsTheId() {
        Comment first = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD,
                Kind.WEBMENTION, "https://notes.example/1", "Draft", "old words", null, ClientContext.none())))
                .comment();
        f.clock.advance(java.time.Duration.ofHours(1));

        Comment updated = ((LinkbackResult.Recorded) f.service.updateLinkback(new LinkbackRequest(THREAD,
                Kind.WEBMENTION, "https://notes.example/1", "Final", "new words", "Nora", ClientContext.none())))
                .comment();

        assertThat(updated.id()).isEqualTo(first.id());
        assertThat(updated.linkback().title()).isEqualTo("Final");
        assertThat(updated.text()).isEqualTo("new words");
        assertThat(updated.author().name()).isEqualTo("Nora");
        assertThat(updated.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(updated.version()).isEqualTo(1);
    }

    @Test
    void webmentionUpdateOfAnUnknownSourceRecordsIt() {
        assertThat(f.service.updateLinkback(pingback("https://new.example/")))
                .isInstanceOf(LinkbackResult.Recorded.class);
    }

    @Test
    void webmentionUpdateNeverPublishesAHeldOne() {
        Comment recorded = ((LinkbackResult.Recorded) f.service.recordLinkback(pingback("https://a.example/")))
                .comment();
        assertThat(recorded.status()).isEqualTo(Status.APPROVED);
        f.service.hold(recorded.id());

        Comment updated = ((LinkbackResult.Recorded) f.service.updateLinkback(pingback("https://a.example/")))
                .comment();

        assertThat(updated.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void goneSourceRemovesTheLinkbackFromTheThread() {
        f.service.recordLinkback(pingback("https://other.example/post"));

        Comment removed = f.service.removeLinkback(THREAD, "https://other.example/post").orElseThrow();

        assertThat(removed.status()).isEqualTo(Status.DELETED);
        assertThat(removed.moderationReason()).isEqualTo("deleted: the source no longer links here");
        assertThat(f.service.page(THREAD, dev.parley.storage.Order.OLDEST_FIRST, null, 10, Viewer.anonymous())
                .roots()).isEmpty();
        assertThat(f.service.removeLinkback(THREAD, "https://unknown.example/")).isEmpty();
    }

    @Test
    void webmentionUpdateNeverRestoresOneAModeratorDeleted() {
        Comment recorded = ((LinkbackResult.Recorded) f.service.recordLinkback(pingback("https://a.example/")))
                .comment();
        f.service.delete(recorded.id());
        String reason = f.store.find(recorded.id()).orElseThrow().moderationReason();

        Comment updated = ((LinkbackResult.Recorded) f.service.updateLinkback(pingback("https://a.example/")))
                .comment();

        assertThat(updated.status()).isEqualTo(Status.DELETED);
        assertThat(updated.moderationReason()).isEqualTo(reason);
    }

    @Test
    void webmentionUpdateRestoresOneRemovedBecauseItsSourceStoppedLinking() {
        f.service.recordLinkback(pingback("https://a.example/"));
        f.service.removeLinkback(THREAD, "https://a.example/");

        Comment updated = ((LinkbackResult.Recorded) f.service.updateLinkback(pingback("https://a.example/")))
                .comment();

        assertThat(updated.status()).isEqualTo(Status.APPROVED);
    }

    @Test
    void controlCharactersFromTheSourceAreCleanedFromTitleExcerptAndAuthor() {
        Comment c = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD, Kind.TRACKBACK,
                "https://t.example/", "Ti\u0001tle", "ex\u0000cer\u0008pt \uD83D", "No\u0007ra", ClientContext.none())))
                .comment();

        assertThat(c.linkback().title()).isEqualTo("Title");
        assertThat(c.text()).isEqualTo("excerpt \uFFFD");
        assertThat(c.html()).isEqualTo("<p>excerpt \uFFFD</p>");
        assertThat(c.author().name()).isEqualTo("Nora");
    }
}
