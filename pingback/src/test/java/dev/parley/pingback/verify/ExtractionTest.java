package dev.parley.pingback.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.LinkbackAuthor;
import dev.parley.pingback.PostType;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("LinkVerifier extracts title, excerpt, author and post type as plain text")
class ExtractionTest {

    private static final String PAGE = "https://source.example/2024/06/reply";
    private static final String TARGET = "https://target.example/posts/hello/";
    private static final String LINK = "<a href=\"" + TARGET + "\">your post</a>";

    private final LinkVerifier verifier = LinkVerifier.builder().build();

    private SourceReport report(String html) {
        return verifier.verifyHtml(html, PAGE, TARGET);
    }

    @Nested
    @DisplayName("microformats2")
    class Microformats {

        private static final String REPLY = """
                <html><head><title>Site | A reply</title></head><body>
                <nav><a href="/">Home</a></nav>
                <article class="h-entry">
                  <h1 class="p-name">Re: Hello</h1>
                  <a class="p-author h-card" href="/about">
                    <img class="u-photo" src="/me.jpg" alt="">Jane <b>Doe</b></a>
                  <time class="dt-published" datetime="2024-06-01T10:15:00+02:00">June 1</time>
                  <p>In reply to <a class="u-in-reply-to" href="https://target.example/posts/hello/">Hello</a></p>
                  <div class="e-content"><p>I agree with most of it.</p></div>
                </article>
                </body></html>
                """;

        @Test
        void replyWithAuthorHCardGivesNameUrlPhotoAndReplyType() {
            SourceReport report = report(REPLY);

            assertThat(report.linksToTarget()).isTrue();
            assertThat(report.postType()).isEqualTo(PostType.REPLY);
            assertThat(report.author()).isEqualTo(new LinkbackAuthor("Jane Doe", "https://source.example/about",
                    "https://source.example/me.jpg"));
            assertThat(report.title()).isEqualTo("Re: Hello");
            assertThat(report.published()).isEqualTo(OffsetDateTime.parse("2024-06-01T10:15:00+02:00"));
        }

        @Test
        void replyPropertyOnAnHCiteAroundTheLink() {
            SourceReport report = report("""
                    <div class="h-entry"><div class="u-in-reply-to h-cite">
                      <a class="u-url" href="https://target.example/posts/hello/">Hello</a></div>
                    <p class="e-content">Yes.</p></div>""");
            assertThat(report.postType()).isEqualTo(PostType.REPLY);
        }

        @Test
        void likeOf() {
            assertThat(report("<div class=\"h-entry\"><a class=\"u-like-of\" href=\"" + TARGET + "\">liked</a></div>")
                    .postType()).isEqualTo(PostType.LIKE);
        }

        @Test
        void repostOf() {
            assertThat(report("<div class=\"h-entry\"><a class=\"u-repost-of\" href=\"" + TARGET + "\">r</a></div>")
                    .postType()).isEqualTo(PostType.REPOST);
        }

        @Test
        void bookmarkOf() {
            assertThat(report("<div class=\"h-entry\"><a class=\"u-bookmark-of\" href=\"" + TARGET + "\">b</a></div>")
                    .postType()).isEqualTo(PostType.BOOKMARK);
        }

        @Test
        void replyWinsOverLikeAfterPostTypeDiscoveryOrder() {
            assertThat(report("<div class=\"h-entry\"><a class=\"u-like-of\" href=\"" + TARGET + "\">l</a>"
                    + "<a class=\"u-in-reply-to\" href=\"" + TARGET + "\">r</a></div>").postType())
                    .isEqualTo(PostType.REPLY);
        }

        @Test
        void responsePropertyNamingAnotherUrlIsAMention() {
            assertThat(report("<div class=\"h-entry\"><a class=\"u-in-reply-to\" href=\"https://other.example/\">o</a>"
                    + "<p class=\"e-content\">" + LINK + "</p></div>").postType()).isEqualTo(PostType.MENTION);
        }

        @Test
        void responsePropertyOutsideAnyHEntryIsAMention() {
            assertThat(report("<a class=\"u-in-reply-to\" href=\"" + TARGET + "\">r</a>").postType())
                    .isEqualTo(PostType.MENTION);
        }

        @Test
        void plainLinkIsAMentionWithoutAuthor() {
            SourceReport report = report("<p>" + LINK + "</p>");
            assertThat(report.postType()).isEqualTo(PostType.MENTION);
            assertThat(report.author()).isNull();
            assertThat(report.published()).isNull();
        }

        @Test
        void plainTextAuthorPropertyGivesTheNameAndTheLinkGivesTheUrl() {
            SourceReport report = report("<div class=\"h-entry\"><a class=\"p-author\" href=\"https://jo.example\">"
                    + "Jo</a><p class=\"e-content\">" + LINK + "</p></div>");
            assertThat(report.author()).isEqualTo(new LinkbackAuthor("Jo", "https://jo.example/", null));
        }

        @Test
        void authorFallsBackToThePageLevelHCard() {
            SourceReport report = report("<header class=\"h-card\"><a class=\"u-url p-name\" href=\"/\">Site Owner"
                    + "</a></header><div class=\"h-entry\"><p class=\"e-content\">" + LINK + "</p></div>");
            assertThat(report.author()).isEqualTo(new LinkbackAuthor("Site Owner", "https://source.example/", null));
        }

        @Test
        void authorOfANestedCommentEntryIsNotTheAuthorOfThePost() {
            SourceReport report = report("<article class=\"h-entry\"><span class=\"p-author h-card\">Post Author"
                    + "</span><div class=\"e-content\"><p>About " + LINK + "</p></div>" + """
                      <div class="p-comment h-entry"><span class="p-author h-card">Commenter</span>
                        <p class="p-name e-content">nice</p></div>
                    </article>""");
            assertThat(report.author()).isNotNull();
            assertThat(report.author().name()).isEqualTo("Post Author");
        }

        @Test
        void authorUrlAndPhotoMustBeHttp() {
            SourceReport report = report("<div class=\"h-entry\"><div class=\"p-author h-card\">"
                    + "<a class=\"u-url p-name\" href=\"javascript:alert(1)\">Eve</a>"
                    + "<img class=\"u-photo\" src=\"data:image/png;base64,AAAA\"></div>"
                    + "<p class=\"e-content\">" + LINK + "</p></div>");
            assertThat(report.author()).isEqualTo(new LinkbackAuthor("Eve", null, null));
        }

        @Test
        void authorNameIsBoundedPlainText() {
            SourceReport report = report("<div class=\"h-entry\"><div class=\"p-author h-card\"><span class=\"p-name\">"
                    + "&lt;b&gt;" + "x".repeat(500) + "</span></div><p class=\"e-content\">" + LINK + "</p></div>");
            assertThat(report.author().name()).hasSizeLessThanOrEqualTo(LinkbackAuthor.MAX_NAME_LENGTH)
                    .doesNotContain("<", ">").startsWith("\u2039b\u203a");
        }

        @Test
        void publishedWithoutOffsetIsUnknown() {
            assertThat(report("<div class=\"h-entry\"><time class=\"dt-published\" datetime=\"2024-06-01T10:15\">"
                    + "</time><p class=\"e-content\">" + LINK + "</p></div>").published()).isNull();
        }

        @Test
        void publishedWithSpaceAndCompactOffset() {
            assertThat(report("<div class=\"h-entry\"><time class=\"dt-published\">2024-06-01 10:15:00+0000"
                    + "</time><p class=\"e-content\">" + LINK + "</p></div>").published())
                    .isEqualTo(OffsetDateTime.parse("2024-06-01T10:15:00Z"));
        }
    }

    @Nested
    @DisplayName("title")
    class Title {

        @Test
        void entryNameWhenTheEntryContainsTheLink() {
            assertThat(report("<title>Doc</title><div class=\"h-entry\"><h1 class=\"p-name\">Entry Name</h1>"
                    + "<div class=\"e-content\">" + LINK + "</div></div>").title()).isEqualTo("Entry Name");
        }

        @Test
        void documentTitleWhenTheEntryNameIsOnlyItsContent() {
            assertThat(report("<title>Doc</title><div class=\"h-entry\"><p class=\"p-name e-content\">Short note "
                    + LINK + "</p></div>").title()).isEqualTo("Doc");
            assertThat(report("<title>Doc</title><div class=\"h-entry\"><span class=\"p-name\">Short note about"
                    + "\u2026</span><p class=\"e-content\">Short note about " + LINK + "</p></div>").title())
                    .isEqualTo("Doc");
        }

        @Test
        void documentTitleWhenTheEntryDoesNotContainTheLink() {
            assertThat(report("<title>Doc</title><div class=\"h-entry\"><h1 class=\"p-name\">Other</h1></div>"
                    + "<p>" + LINK + "</p>").title()).isEqualTo("Doc");
        }

        @Test
        void documentTitleNotAnSvgTitle() {
            assertThat(report("<html><head></head><body><svg><title>icon</title></svg><p>" + LINK + "</p>"
                    + "<title>Late</title></body></html>").title()).isEqualTo("Late");
        }

        @Test
        void hostWhenThereIsNoTitle() {
            assertThat(report("<p>" + LINK + "</p>").title()).isEqualTo("source.example");
            assertThat(report("<title>  \n </title><p>" + LINK + "</p>").title()).isEqualTo("source.example");
        }

        @Test
        void hostileTitleIsPlainText() {
            SourceReport report = report("<title><script>alert(1)</script> &amp; &lt;b&gt;bold&lt;/b&gt;"
                    + " &#0;\u202eevil</title><p>" + LINK + "</p>");
            assertThat(report.title())
                    .isEqualTo("\u2039script\u203aalert(1)\u2039/script\u203a & \u2039b\u203abold\u2039/b\u203a"
                            + " \uFFFDevil");
        }

        @Test
        void hugeTitleIsCutAtAWordWithAnEllipsis() {
            SourceReport report = report("<title>" + "word ".repeat(1000) + "</title><p>" + LINK + "</p>");
            assertThat(report.title()).hasSizeLessThanOrEqualTo(200).endsWith("word\u2026");
        }

        @Test
        void whitespaceIsCollapsed() {
            assertThat(report("<title>\n  A \t\r\n  title\u00a0 here  </title>" + LINK).title())
                    .isEqualTo("A title here");
        }
    }

    @Nested
    @DisplayName("excerpt")
    class Excerpt {

        @Test
        void wholeShortParagraphWithoutCutMarks() {
            assertThat(report("<p>Nice, <em>read</em> " + LINK + " and think.</p><p>Other paragraph.</p>")
                    .excerpt()).isEqualTo("Nice, read your post and think.");
        }

        @Test
        void windowOnBothSidesOfTheLinkWithCutMarks() {
            String before = "before ".repeat(100);
            String after = "after ".repeat(100);
            String excerpt = report("<p>" + before + LINK + " " + after + "</p>").excerpt();

            assertThat(excerpt).startsWith("[\u2026] before").endsWith("after [\u2026]").contains("your post");
            assertThat(excerpt).hasSizeLessThanOrEqualTo(300);
            int link = excerpt.indexOf("your post");
            assertThat(link).isBetween(100, 140);
            assertThat(excerpt.length() - link - "your post".length()).isBetween(100, 140);
        }

        @Test
        void cutsFallOnWordBoundaries() {
            String excerpt = report("<p>" + "abcdefghij ".repeat(40) + LINK + " " + "klmnopqrst ".repeat(40)
                    + "</p>").excerpt();
            assertThat(excerpt.substring(4, excerpt.length() - 4).split(" "))
                    .allMatch(w -> w.length() == 10 || w.equals("your") || w.equals("post"));
        }

        @Test
        void onlyTheEnclosingBlockCounts() {
            assertThat(report("<p>Previous paragraph.</p><blockquote>Quoted " + LINK + "</blockquote><p>Next.</p>")
                    .excerpt()).isEqualTo("Quoted your post");
        }

        @Test
        void scriptsStylesAndCommentsInTheBlockAreLeftOut() {
            assertThat(report("<p>A <script>var x = '<b>';</script><style>p{}</style><!-- hidden -->" + LINK
                    + " &lt;z&gt;</p>").excerpt()).isEqualTo("A your post \u2039z\u203a");
        }

        @Test
        void linkInTheHeadHasNoExcerpt() {
            assertThat(report("<html><head><link rel=x href=\"" + TARGET + "\"><title>T</title></head></html>")
                    .excerpt()).isEmpty();
        }

        @Test
        void linkInsideTheEntryContentIsPreferredForTheExcerpt() {
            SourceReport report = report("<nav><p>Menu " + LINK + "</p></nav><div class=\"h-entry\">"
                    + "<p>In reply to " + LINK + "</p><div class=\"e-content\"><p>Body text " + LINK + "</p></div></div>");
            assertThat(report.excerpt()).isEqualTo("Body text your post");
        }

        @Test
        void hugeBlockBeforeTheLinkStaysBounded() {
            String excerpt = report("<div>" + "lorem ipsum ".repeat(50_000) + LINK + " end</div>").excerpt();
            assertThat(excerpt).startsWith("[\u2026] ").endsWith("your post end").hasSizeLessThanOrEqualTo(300);
        }

        @Test
        void veryLongLinkTextIsCut() {
            String excerpt = report("<p>x <a href=\"" + TARGET + "\">" + "long ".repeat(200) + "</a> y</p>")
                    .excerpt();
            assertThat(excerpt).hasSizeLessThanOrEqualTo(300).endsWith("[\u2026]");
        }

        @Test
        void noExcerptWithoutALink() {
            assertThat(report("<p>nothing here</p>").excerpt()).isEmpty();
        }
    }
}
