package dev.parley.pingback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A received linkback keeps what its h-entry says, fetched from a real loopback server")
class ReplyContentTest {

    private static final String TARGET = "https://blog.example/posts/hello/";

    private final SourceServer server = SourceServer.start();
    private final LinkbackReceiver receiver = LinkbackReceiver.builder()
            .fetcher(server.fetcher())
            .targetCheck(target -> TargetCheck.Verdict.open())
            .build();

    @AfterEach
    void stop() {
        server.close();
    }

    /** An IndieWeb reply as most sites mark it up: the reply context in an h-cite beside the e-content. */
    private static String indieReply(String words) {
        return """
                <!doctype html><html><head><title>Jane's notes</title></head><body>
                <article class="h-entry">
                  <a class="u-url" href="/2024/06/01/reply">permalink</a>
                  <a class="p-author h-card" href="https://jane.example/"><img class="u-photo"
                     src="https://jane.example/me.jpg" alt="">Jane</a>
                  <time class="dt-published" datetime="2024-06-01T10:15:00+05:30">1 June</time>
                  <div class="u-in-reply-to h-cite">In reply to
                    <a class="u-url" href="https://blog.example/posts/hello/">Hello, by Mara</a></div>
                  <div class="e-content">%s</div>
                </article></body></html>
                """.formatted(words);
    }

    private VerifiedLinkback accepted(String path) {
        LinkbackResult result = receiver.receive(Protocol.WEBMENTION, server.url(path), TARGET);
        assertThat(result).isInstanceOf(LinkbackResult.Accepted.class);
        return ((LinkbackResult.Accepted) result).linkback();
    }

    @Nested
    @DisplayName("content")
    class Content {

        @Test
        @DisplayName("a reply whose link sits in a u-in-reply-to h-cite outside e-content keeps the reply's words")
        void replyWithLinkOutsideContentKeepsTheReplyText() {
            server.html("/reply", indieReply("<p>I disagree &amp; here is <b>why</b>:</p><p>threads are hard.</p>"));

            VerifiedLinkback linkback = accepted("/reply");

            assertThat(linkback.content()).isEqualTo("I disagree & here is why: threads are hard.");
            assertThat(linkback.text()).isEqualTo(linkback.content());
            assertThat(linkback.excerpt()).isEqualTo("In reply to Hello, by Mara");
            assertThat(linkback.postType()).isEqualTo(PostType.REPLY);
        }

        @Test
        @DisplayName("re-verifying after the source changed gives the new words")
        void resentSourceGivesTheNewContent() {
            server.html("/reply", indieReply("<p>First draft.</p>"));
            assertThat(accepted("/reply").content()).isEqualTo("First draft.");

            server.html("/reply", indieReply("<p>Second thoughts, <i>edited</i>.</p>"));
            Reverification again = receiver.reverify(server.url("/reply"), TARGET);

            assertThat(again).isInstanceOf(Reverification.StillLinks.class);
            VerifiedLinkback fresh = ((Reverification.StillLinks) again).linkback();
            assertThat(fresh.content()).isEqualTo("Second thoughts, edited.");
            assertThat(fresh.text()).isEqualTo("Second thoughts, edited.");
        }

        @Test
        @DisplayName("a page without microformats keeps the excerpt around the link as its text")
        void pageWithoutMicroformatsKeepsTheExcerptRule() {
            server.html("/plain", "<html><head><title>Old blog</title></head><body><nav>Home</nav>"
                    + "<p>Before the link. See <a href=\"" + TARGET + "\">this post</a> for more.</p>"
                    + "<p>Another paragraph entirely.</p></body></html>");

            VerifiedLinkback linkback = accepted("/plain");

            assertThat(linkback.content()).isEmpty();
            assertThat(linkback.excerpt()).isEqualTo("Before the link. See this post for more.");
            assertThat(linkback.text()).isEqualTo("Before the link. See this post for more.");
            assertThat(linkback.url()).isNull();
            assertThat(linkback.published()).isNull();
            assertThat(linkback.postType()).isEqualTo(PostType.MENTION);
        }

        @Test
        @DisplayName("without e-content the entry's p-summary is its content, and without that its p-name")
        void summaryThenNameAreTheFallbacks() {
            server.html("/summary", "<div class=\"h-entry\"><p class=\"p-summary\">Short &lt;take&gt;.</p>"
                    + "<a class=\"u-like-of\" href=\"" + TARGET + "\">liked</a></div>");
            server.html("/name", "<div class=\"h-entry\"><span class=\"p-name\">Jane liked a post</span>"
                    + "<a class=\"u-like-of\" href=\"" + TARGET + "\">it</a></div>");

            assertThat(accepted("/summary").content()).isEqualTo("Short \u2039take\u203a.");
            assertThat(accepted("/name").content()).isEqualTo("Jane liked a post");
        }

        @Test
        @DisplayName("a reply context marked as a nested u-in-reply-to h-entry does not stand for the reply")
        void nestedCitedEntryIsNotTheReply() {
            server.html("/nested", "<article class=\"h-entry\"><div class=\"u-in-reply-to h-entry\">"
                    + "<a class=\"u-url\" href=\"" + TARGET + "\">Hello</a><div class=\"e-content\">Mara's words"
                    + "</div></div><div class=\"e-content\">Jane's answer.</div></article>");

            VerifiedLinkback linkback = accepted("/nested");

            assertThat(linkback.content()).isEqualTo("Jane's answer.");
        }

        @Test
        @DisplayName("a link outside the page's own top-level h-entry still takes that entry's content")
        void linkOutsideTheTopLevelEntry() {
            server.html("/aside", "<article class=\"h-entry\"><div class=\"e-content\">My own post.</div>"
                    + "</article><aside><a href=\"" + TARGET + "\">blogroll</a></aside>");

            assertThat(accepted("/aside").content()).isEqualTo("My own post.");
        }

        @Test
        @DisplayName("a feed page's entries do not stand for a link outside them")
        void feedEntriesDoNotSpeakForALinkOutsideThem() {
            server.html("/feed", "<div class=\"h-feed\"><article class=\"h-entry\"><div class=\"e-content\">"
                    + "Someone else's post.</div></article></div><p>See <a href=\"" + TARGET + "\">this</a>.</p>");

            VerifiedLinkback linkback = accepted("/feed");

            assertThat(linkback.content()).isEmpty();
            assertThat(linkback.text()).isEqualTo("See this.");
        }

        @Test
        @DisplayName("content is bounded plain text: scripts dropped, no angle brackets")
        void contentIsBoundedPlainText() {
            server.html("/long", indieReply("<script>alert('<b>')</script>&lt;script&gt; "
                    + "word ".repeat(3000)));

            VerifiedLinkback linkback = accepted("/long");

            assertThat(linkback.content()).hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_CONTENT_LENGTH)
                    .startsWith("\u2039script\u203a word").endsWith("\u2026").doesNotContain("<", ">", "alert");
        }
    }

    @Nested
    @DisplayName("h-entry details")
    class Details {

        @Test
        @DisplayName("the entry's u-url, its published time with the page's offset, and the author's url and photo")
        void permalinkPublishedAndAuthor() {
            server.html("/reply", indieReply("<p>Hi.</p>"));

            VerifiedLinkback linkback = accepted("/reply");

            assertThat(linkback.url()).isEqualTo(server.url("/2024/06/01/reply"));
            assertThat(linkback.published()).isEqualTo(OffsetDateTime.parse("2024-06-01T10:15:00+05:30"));
            assertThat(linkback.published().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
            assertThat(linkback.author()).isEqualTo(
                    new LinkbackAuthor("Jane", "https://jane.example/", "https://jane.example/me.jpg"));
        }

        @Test
        @DisplayName("like, repost and bookmark are told apart by the property that names the target")
        void postTypes() {
            server.html("/like", entry("u-like-of"));
            server.html("/repost", entry("u-repost-of"));
            server.html("/bookmark", entry("u-bookmark-of"));
            server.html("/mention", "<div class=\"h-entry\"><p class=\"e-content\">See <a href=\"" + TARGET
                    + "\">this</a>.</p></div>");

            assertThat(accepted("/like").postType()).isEqualTo(PostType.LIKE);
            assertThat(accepted("/repost").postType()).isEqualTo(PostType.REPOST);
            assertThat(accepted("/bookmark").postType()).isEqualTo(PostType.BOOKMARK);
            assertThat(accepted("/mention").postType()).isEqualTo(PostType.MENTION);
        }

        @Test
        @DisplayName("an author url or photo that is not http(s) is dropped")
        void nonHttpAuthorUrlsAreDropped() {
            server.html("/js", "<div class=\"h-entry\"><div class=\"p-author h-card\"><a class=\"p-name u-url\""
                    + " href=\"javascript:alert(1)\">Eve</a><img class=\"u-photo\" src=\"data:image/png;base64,AA\">"
                    + "</div><a class=\"u-like-of\" href=\"" + TARGET + "\">liked</a>"
                    + "<a class=\"u-url\" href=\"javascript:x\">here</a></div>");

            VerifiedLinkback linkback = accepted("/js");

            assertThat(linkback.author()).isEqualTo(new LinkbackAuthor("Eve", null, null));
            assertThat(linkback.url()).isNull();
        }

        private String entry(String property) {
            return "<div class=\"h-entry\"><a class=\"" + property + "\" href=\"" + TARGET + "\">it</a>"
                    + "<time class=\"dt-published\">2024-01-02 03:04:05-0800</time></div>";
        }
    }
}
