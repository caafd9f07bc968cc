package dev.parley.migrate.disqus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DisqusPostsTest {

    private static Provenance.Builder provenance(String id, String threadId) {
        return Provenance.builder("disqus", id).threadId(threadId);
    }

    @Test
    void readerNamesItsSystemAndSourceWideIds() {
        DisqusReader reader = new DisqusReader();

        assertThat(reader.system()).isEqualTo("disqus");
        assertThat(reader.idScope()).isEqualTo(IdScope.SOURCE);
    }

    @Test
    void newStyleExportWithoutEmailOrIpReadsEveryPostWithItsRawFlagsAndAuthorFields() {
        Recording read = Recording.read("new-style.xml");

        assertThat(read.order()).containsExactly("thread 7651269186", "comment 4470271580", "comment 4470299817",
                "comment 4470312044", "comment 4470400001");
        assertThat(read.threads()).containsExactly(new SourceThread("7651269186",
                "https://blog.example.org/2019/05/hello/", null, "Hello again"));
        assertThat(read.comments()).containsExactly(
                SourceComment.builder("4470271580", "7651269186")
                        .author("Grace", null, null)
                        .content("<p>First!</p>", ContentFormat.HTML)
                        .createdAt(Instant.parse("2019-05-14T10:01:02Z"))
                        .provenance(provenance("4470271580", "7651269186")
                                .status("isDeleted=false,isSpam=false").date("2019-05-14T10:01:02Z")
                                .field("author.isAnonymous", "false").field("author.username", "grace_h").build())
                        .build(),
                SourceComment.builder("4470299817", "7651269186")
                        .parentId("4470271580")
                        .author("Ada", null, null)
                        .content("<p>Welcome, <b>Grace</b>.</p>", ContentFormat.HTML)
                        .createdAt(Instant.parse("2019-05-14T11:30:00Z"))
                        .provenance(provenance("4470299817", "7651269186").parentId("4470271580")
                                .status("isDeleted=false,isSpam=false").date("2019-05-14T11:30:00Z")
                                .field("author.isAnonymous", "false").field("author.username", "ada").build())
                        .build(),
                SourceComment.builder("4470312044", "7651269186")
                        .author("Guest", null, null)
                        .content("<p>Just passing by.</p>", ContentFormat.HTML)
                        .createdAt(Instant.parse("2019-05-15T08:00:00Z"))
                        .provenance(provenance("4470312044", "7651269186")
                                .status("isDeleted=false,isSpam=false").date("2019-05-15T08:00:00Z")
                                .field("author.isAnonymous", "true").build())
                        .build(),
                SourceComment.builder("4470400001", "7651269186")
                        .parentId("4470299817")
                        .status(Status.DELETED)
                        .author("Grace", null, null)
                        .content("", ContentFormat.HTML)
                        .createdAt(Instant.parse("2019-05-16T12:00:00Z"))
                        .provenance(provenance("4470400001", "7651269186").parentId("4470299817")
                                .status("isDeleted=true,isSpam=false").date("2019-05-16T12:00:00Z")
                                .field("author.isAnonymous", "false").field("author.username", "grace_h").build())
                        .build());
    }

    @Test
    void oldStyleExportKeepsEmailIpUsernameOriginalIdForumAndUnknownElements() {
        Recording read = Recording.read("old-style.xml");

        assertThat(read.threads()).containsExactly(new SourceThread("203118513", "https://blog.example.org/?p=528",
                "528 https://blog.example.org/?p=528", "Notes on threads"));
        assertThat(read.comments()).containsExactly(
                SourceComment.builder("155830402", "203118513")
                        .author("Tom & Jerry", "tom@example.com", null)
                        .client("198.51.100.23", null)
                        .content("Old comments were <i>plain</i>.", ContentFormat.HTML)
                        .createdAt(Instant.parse("2011-03-08T07:15:00Z"))
                        .provenance(provenance("155830402", "203118513")
                                .status("isDeleted=false,isSpam=false").date("2011-03-08T07:15:00Z")
                                .field("id", "wp_id=1234")
                                .field("author.isAnonymous", "false").field("author.username", "tomjerry").build())
                        .build(),
                SourceComment.builder("155830977", "203118513")
                        .parentId("155830402")
                        .author("Anonymous Reader", null, null)
                        .client("2001:db8::17", null)
                        .content("Agreed.", ContentFormat.HTML)
                        .createdAt(Instant.parse("2011-03-08T09:00:00Z"))
                        .provenance(provenance("155830977", "203118513").parentId("155830402")
                                .status("isDeleted=false,isSpam=false").date("2011-03-08T09:00:00Z")
                                .field("id", "1547482342371790848")
                                .field("forum", "oldblog")
                                .field("author.isAnonymous", "true")
                                .field("author.avatar", "https://a.example.net/1.png")
                                .field("points", "3").build())
                        .build());
        assertThat(read.comments()).allSatisfy(comment -> {
            assertThat(comment.kind()).isEqualTo(Kind.COMMENT);
            assertThat(comment.provenance().type()).isNull();
            assertThat(comment.warnings()).isEmpty();
        });
    }

    @Test
    void postsBeforeTheirThreadAndRepliesBeforeParentsKeepFileOrderAndRawParents() {
        Recording read = Recording.read("order.xml");

        assertThat(read.order()).containsExactly("comment 30", "comment 31", "thread 20", "comment 32",
                "comment 33", "comment 34", "comment 35", "comment 36");
        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::threadId, SourceComment::parentId,
                        SourceComment::status)
                .containsExactly(
                        tuple("30", "20", "31", Status.APPROVED),
                        tuple("31", "20", null, Status.APPROVED),
                        tuple("32", "20", null, Status.DELETED),
                        tuple("33", "20", null, Status.SPAM),
                        tuple("34", "20", "32", Status.APPROVED),
                        tuple("35", "20", "33", Status.APPROVED),
                        tuple("36", "999", "404", Status.APPROVED));
        assertThat(read.comments()).extracting(c -> c.provenance().parentId())
                .containsExactly("31", null, null, null, "32", "33", "404");
        assertThat(read.comment("33").provenance().status()).isEqualTo("isDeleted=false,isSpam=true");
        assertThat(read.comment("30").authorName()).isEqualTo("Child");
    }

    @Test
    void postOnThreadMissingFromTheFileJustNamesItsIdWithoutWarning() {
        SourceComment orphan = Recording.read("order.xml").comment("36");

        assertThat(orphan.threadId()).isEqualTo("999");
        assertThat(orphan.provenance().threadId()).isEqualTo("999");
        assertThat(orphan.warnings()).isEmpty();
    }

    @Test
    void missingDsqIdFallsBackToIdTextThenToPositionWithMissingIdWarnings() {
        Recording read = Recording.read("missing-ids.xml");

        assertThat(read.comments()).extracting(SourceComment::id)
                .containsExactly("6361230419093946112", "70", "post-3", "post-4", "71", "72");
        assertThat(read.comment("70").parentId()).isEqualTo("6361230419093946112");
        assertThat(read.comment("6361230419093946112").provenance().fields())
                .containsExactly(new Provenance.Field("id", "6361230419093946112"));
        assertThat(read.comment("post-3").provenance().fields()).isEmpty();
        assertThat(read.comment("post-3").provenance().sourceId()).isEqualTo("post-3");
        assertThat(read.comments()).flatExtracting(SourceComment::warnings).containsExactly(
                new ImportWarning(ImportWarning.Code.MISSING_ID, "7", "6361230419093946112",
                        "the post has no dsq:id: its <id> is used"),
                new ImportWarning(ImportWarning.Code.MISSING_ID, "7", "post-3",
                        "the post has neither a dsq:id nor an <id>: imported as \"post-3\", from its position"
                                + " among the file's posts"),
                new ImportWarning(ImportWarning.Code.MISSING_ID, "7", "post-4",
                        "the post has neither a dsq:id nor an <id>: imported as \"post-4\", from its position"
                                + " among the file's posts"),
                new ImportWarning(ImportWarning.Code.THREAD_MISSING, "unknown", "71",
                        "the post names no <thread>: imported under thread \"unknown\""),
                new ImportWarning(ImportWarning.Code.THREAD_MISSING, "unknown", "72",
                        "the post's <thread> has no dsq:id: imported under thread \"unknown\""));
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void postWithoutThreadGoesToThreadUnknownAndBlankParentIsNoParent() {
        SourceComment lost = Recording.read("missing-ids.xml").comment("72");

        assertThat(lost.threadId()).isEqualTo("unknown");
        assertThat(lost.parentId()).isNull();
        assertThat(lost.provenance().threadId()).isEqualTo("unknown");
        assertThat(lost.provenance().parentId()).isNull();
    }

    @Test
    void spamWinsOverDeletedAndAnyOtherFlagValueIsPendingWithTheRawFlagsKept() {
        Recording read = Recording.read("flags.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::status,
                        c -> c.provenance().status())
                .containsExactly(
                        tuple("81", Status.PENDING, "isDeleted=false,isSpam=123"),
                        tuple("82", Status.SPAM, "isDeleted=true,isSpam=true"),
                        tuple("83", Status.APPROVED, null),
                        tuple("84", Status.APPROVED, "isSpam=false"),
                        tuple("85", Status.DELETED, "isDeleted= TRUE\n    "),
                        tuple("86", Status.APPROVED, "isDeleted=false,isSpam="),
                        tuple("87", Status.PENDING, "isDeleted=maybe,isSpam=1"),
                        tuple("88", Status.PENDING, "isDeleted=yes,isSpam=true"));
        assertThat(read.comments()).flatExtracting(SourceComment::warnings).containsExactly(
                new ImportWarning(ImportWarning.Code.UNKNOWN_STATUS, "8", "81",
                        "isSpam \"123\" is neither true nor false: imported as pending"),
                new ImportWarning(ImportWarning.Code.UNKNOWN_STATUS, "8", "87",
                        "isSpam \"1\" and isDeleted \"maybe\" are neither true nor false: imported as pending"),
                new ImportWarning(ImportWarning.Code.UNKNOWN_STATUS, "8", "88",
                        "isDeleted \"yes\" is neither true nor false: imported as pending"));
    }

    @Test
    void datesWithZOffsetNoZoneOrFractionsAreUtcAndAnythingElseFallsBackToTheEpoch() {
        Recording read = Recording.read("dates.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::createdAt)
                .containsExactly(
                        tuple("91", Instant.parse("2011-03-07T20:46:25Z")),
                        tuple("92", Instant.parse("2011-03-07T20:46:25Z")),
                        tuple("93", Instant.parse("2011-03-07T20:46:25Z")),
                        tuple("94", Instant.parse("2011-03-07T20:46:25.123456Z")),
                        tuple("95", Instant.parse("2011-03-07T20:46:25.500Z")),
                        tuple("96", Instant.parse("2011-03-07T20:46:25.987Z")),
                        tuple("97", Instant.parse("2011-03-07T20:46:25Z")),
                        tuple("98", Instant.EPOCH),
                        tuple("99", Instant.EPOCH),
                        tuple("100", Instant.EPOCH),
                        tuple("101", Instant.EPOCH));
        assertThat(read.comments()).extracting(c -> c.provenance().date()).containsExactly(
                "2011-03-07T20:46:25Z", "2011-03-07T20:46:25", "2011-03-07T22:46:25+02:00",
                "2011-03-07T20:46:25.123456Z", "2011-03-07T15:46:25.5-05:00", "2011-03-07T20:46:25.987",
                "\n      2011-03-07T20:46:25Z\n    ", "yesterday", "0000-00-00T00:00:00Z", null, "");
        assertThat(read.comments()).flatExtracting(SourceComment::warnings).containsExactly(
                new ImportWarning(ImportWarning.Code.DATE_FALLBACK, "9", "98",
                        "<createdAt> \"yesterday\" is not an ISO-8601 date-time: 1970-01-01T00:00:00Z is used"),
                new ImportWarning(ImportWarning.Code.DATE_FALLBACK, "9", "99",
                        "<createdAt> \"0000-00-00T00:00:00Z\" is not an ISO-8601 date-time:"
                                + " 1970-01-01T00:00:00Z is used"),
                new ImportWarning(ImportWarning.Code.DATE_FALLBACK, "9", "100",
                        "the post has no <createdAt>: 1970-01-01T00:00:00Z is used"),
                new ImportWarning(ImportWarning.Code.DATE_FALLBACK, "9", "101",
                        "<createdAt> \"\" is not an ISO-8601 date-time: 1970-01-01T00:00:00Z is used"));
    }

    @Test
    void messageLosesOnlyItsSurroundingWhitespaceAndCdataSplitsAndEntitiesReadOnce() {
        Recording read = Recording.read("content.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::content)
                .containsExactly(
                        tuple("111",
                                "<p>Line one\n\n   indented line two</p>\n<pre>  kept  </pre>"),
                        tuple("112", "<p>Escaped &amp; not CDATA</p>"),
                        tuple("113", "<code>a[b[0]]>c</code>"),
                        tuple("114",
                                "<p>\uD83D\uDE00 grin, \uD835\uDCB3 script, &#128512; stays text</p> \uD83D\uDE00"),
                        tuple("115", ""),
                        tuple("116", ""));
        assertThat(read.comments()).extracting(SourceComment::format).containsOnly(ContentFormat.HTML);
        assertThat(read.comments()).flatExtracting(SourceComment::warnings).isEmpty();
    }

    @Test
    void astralCharactersAreKeptInTitlesNamesAndFields() {
        Recording read = Recording.read("content.xml");

        assertThat(read.threads()).containsExactly(new SourceThread("11", "https://example.org/unicode/", null,
                "Emoji \uD83D\uDE00 and \uD835\uDCB3"));
        SourceComment astral = read.comment("114");
        assertThat(astral.authorName()).isEqualTo("Astral \uD83E\uDD84");
        assertThat(astral.provenance().fields())
                .containsExactly(new Provenance.Field("author.username", "uni\uD83E\uDD84corn"));
        assertThat(read.comment("115").authorName()).isEmpty();
        assertThat(read.comment("116").authorName()).isEmpty();
        assertThat(read.comment("116").authorEmail()).isNull();
    }
}
