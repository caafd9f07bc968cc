package dev.parley.migrate.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.ImportWarning.Code;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Provenance.Field;
import dev.parley.storage.Status;
import java.time.Instant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How one {@code <wp:comment>} maps to a {@link SourceComment}, raw values kept as the README says. */
class WxrReaderCommentTest {

    @TempDir
    Path dir;

    @Test
    void isTheWordPressSystemWithThreadScopedIds() {
        WxrReader reader = WxrReader.create();

        assertThat(reader.system()).isEqualTo("wordpress");
        assertThat(reader.idScope()).isEqualTo(IdScope.THREAD);
    }

    @Test
    void wxr10FileWithBareFieldsReadsEveryField() {
        Recorder read = Recorder.read("wxr-1.0-bare-fields.xml");

        SourceComment first = SourceComment.builder("1", "1")
                .parentId(null).status(Status.APPROVED).kind(Kind.COMMENT)
                .author("Mr WordPress", null, "http://wordpress.org/")
                .client(null, null)
                .content("Hi, this is a comment.<br />To delete a comment, just log in and view the post&#039;s"
                        + " comments.", ContentFormat.HTML)
                .createdAt(Instant.parse("2010-08-10T05:58:07Z"))
                .provenance(Provenance.builder("wordpress", "1").threadId("1").status("1").type("")
                        .date("2010-08-10 07:58:07")
                        .field("comment_author", "Mr WordPress")
                        .field("comment_date_gmt", "2010-08-10 05:58:07")
                        .field("comment_user_id", "0").build())
                .build();
        SourceComment reply = SourceComment.builder("2", "1")
                .parentId("1").status(Status.PENDING).kind(Kind.COMMENT)
                .author("Ann", "ann@example.org", null)
                .client("192.0.2.7", null)
                .content("Thanks!", ContentFormat.HTML)
                .createdAt(Instant.parse("2010-08-11T07:00:00Z"))
                .provenance(Provenance.builder("wordpress", "2").threadId("1").parentId("1").status("0").type("")
                        .date("2010-08-11 09:00:00")
                        .field("comment_author", "Ann")
                        .field("comment_date_gmt", "2010-08-11 07:00:00")
                        .field("comment_user_id", "3").build())
                .build();
        assertThat(read.records).containsExactly(first, reply,
                new SourceThread("1", "http://old.example/?p=1", "hello-world", "Hello world!"));
    }

    @Test
    void wordPressComLayoutTrimsWhitespaceAroundValuesButKeepsWhatCdataHolds() {
        Recorder read = Recorder.read("wordpress-com-https-1.2-layout.xml");

        SourceComment cdata = SourceComment.builder("881", "1148")
                .status(Status.APPROVED).kind(Kind.COMMENT)
                .author("John Γιανναράς", null, "http://example.org/")
                .client("2001:db8::1", null)
                .content("  Indented first line.\nSecond line, then a blank one.\n\n", ContentFormat.HTML)
                .createdAt(Instant.parse("2012-09-03T17:49:03Z"))
                .provenance(Provenance.builder("wordpress", "881").threadId("1148").status("1").type("comment")
                        .date("2012-09-03 10:49:03")
                        .field("comment_author", "John Γιανναράς")
                        .field("comment_date_gmt", "2012-09-03 17:49:03")
                        .field("comment_user_id", "0").build())
                .build();
        SourceComment bare = SourceComment.builder("882", "1148")
                .parentId("881").status(Status.APPROVED).kind(Kind.COMMENT)
                .author("Bare   author", "bare@example.org", null)
                .content("Bare content, laid out on its own line.", ContentFormat.HTML)
                .createdAt(Instant.parse("2012-09-03T18:00:00Z"))
                .provenance(Provenance.builder("wordpress", "882").threadId("1148").parentId("881").status("1")
                        .type("").date("2012-09-03 11:00:00")
                        .field("comment_author", "Bare   author")
                        .field("comment_date_gmt", "2012-09-03 18:00:00").build())
                .build();
        assertThat(read.records).containsExactly(cdata, bare, new SourceThread("1148",
                "https://wpthemetestdata.example/2012/01/03/template-comments/", "template-comments",
                "Template: Comments"));
    }

    @Test
    void splitCdataSectionsJoinAndEscapedContentIsDecodedAsXmlOnly() {
        Recorder read = Recorder.read("split-cdata.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::content).containsExactly(
                tuple("1", "Content with nested <![CDATA[ tags ]]> :)"),
                tuple("2", "line oneline twoline three"),
                tuple("3", "<p>Escaped &amp; not CDATA: ends in ]] ></p>"));
        assertThat(read.comments()).allSatisfy(c -> assertThat(c.warnings()).isEmpty());
    }

    @Test
    void authorNamesAndTitlesAreHtmlDecodedExactlyOnceAndContentNever() {
        Recorder read = Recorder.read("escaped-authors-and-linkbacks.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::authorName,
                c -> c.provenance().field("comment_author"), SourceComment::kind, c -> c.provenance().type(),
                SourceComment::authorUrl, SourceComment::authorEmail)
                .containsExactly(
                        tuple("921", "Ping 1 « What’s a tellyworth?", "Ping 1 &laquo; What&#8217;s a tellyworth?",
                                Kind.PINGBACK, "pingback", "http://tellyworth.example/2007/11/21/ping-1/", null),
                        tuple("922", "Tom & Jerry", "Tom &amp; Jerry", Kind.COMMENT, "comment", null, null),
                        tuple("923", "Tom & Jerry", "Tom &amp; Jerry", Kind.COMMENT, "comment", null, null),
                        tuple("924", "Tom &amp; Jerry", "Tom &amp;amp; Jerry", Kind.COMMENT, "comment", null, null),
                        tuple("925", "Ping 3 « What’s a tellyworth?", "Ping 3 &laquo; What&#8217;s a tellyworth?",
                                Kind.TRACKBACK, "trackback", "http://tellyworth.example/2007/11/21/ping-3/", null));
        assertThat(read.comment("921").content()).isEqualTo("[&#8230;] Pingback test &amp; more. [&#8230;]");
        assertThat(read.comment("922").content()).isEqualTo("Cats &amp; mice");
        assertThat(read.comment("923").content()).isEmpty();
        assertThat(read.threads()).containsExactly(new SourceThread("146",
                "https://blog.example/2007/11/tellyworth/", null, "What’s a tellyworth & why?"));
        assertThat(read.comments()).allSatisfy(c -> assertThat(c.warnings()).isEmpty());
    }

    @Test
    void unusableGmtDatesFallBackToTheLocalDateThenThePostsDateThenTheEpochWithAWarning() {
        Recorder read = Recorder.read("date-fallbacks.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::createdAt,
                c -> c.provenance().date(), c -> c.provenance().field("comment_date_gmt"))
                .containsExactly(
                        tuple("1", Instant.parse("2021-06-01T12:30:00Z"), "2021-06-01 14:30:00",
                                "2021-06-01 12:30:00"),
                        tuple("2", Instant.parse("2021-06-02T14:30:00Z"), "2021-06-02 14:30:00",
                                "0000-00-00 00:00:00"),
                        tuple("3", Instant.parse("2021-06-03T14:30:00Z"), "2021-06-03 14:30:00", null),
                        tuple("4", Instant.parse("2021-06-04T14:30:00Z"), "2021-06-04 14:30:00", "June 4th"),
                        tuple("5", Instant.parse("2021-03-04T05:06:07Z"), "0000-00-00 00:00:00",
                                "0000-00-00 00:00:00"),
                        tuple("6", Instant.EPOCH, "", null));
        assertThat(read.comment("1").warnings()).isEmpty();
        assertThat(read.comments().subList(1, 6)).flatExtracting(SourceComment::warnings).containsExactly(
                new ImportWarning(Code.DATE_FALLBACK, "20", "2", "wp:comment_date_gmt is 0000-00-00 00:00:00:"
                        + " used wp:comment_date 2021-06-02 14:30:00, read as UTC"),
                new ImportWarning(Code.DATE_FALLBACK, "20", "3", "wp:comment_date_gmt is missing:"
                        + " used wp:comment_date 2021-06-03 14:30:00, read as UTC"),
                new ImportWarning(Code.DATE_FALLBACK, "20", "4", "wp:comment_date_gmt \"June 4th\" is not a"
                        + " yyyy-MM-dd HH:mm:ss date: used wp:comment_date 2021-06-04 14:30:00, read as UTC"),
                new ImportWarning(Code.DATE_FALLBACK, "20", "5", "wp:comment_date_gmt is 0000-00-00 00:00:00,"
                        + " wp:comment_date is 0000-00-00 00:00:00: used the post's wp:post_date_gmt"
                        + " 2021-03-04 05:06:07"),
                new ImportWarning(Code.DATE_FALLBACK, "21", "6", "wp:comment_date_gmt is missing,"
                        + " wp:comment_date is empty, the post's wp:post_date_gmt is 0000-00-00 00:00:00:"
                        + " used 1970-01-01T00:00:00Z"));
    }

    @Test
    void everyCommentApprovedValueMapsToAStatusAndUnknownOnesArePendingWithAWarning() {
        Recorder read = Recorder.read("every-status.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::status,
                c -> c.provenance().status())
                .containsExactly(
                        tuple("1", Status.APPROVED, "1"),
                        tuple("2", Status.APPROVED, "approve"),
                        tuple("3", Status.APPROVED, "approved"),
                        tuple("4", Status.PENDING, "0"),
                        tuple("5", Status.PENDING, "hold"),
                        tuple("6", Status.SPAM, "spam"),
                        tuple("7", Status.DELETED, "trash"),
                        tuple("8", Status.DELETED, "post-trashed"),
                        tuple("9", Status.APPROVED, "APPROVED"),
                        tuple("10", Status.PENDING, "unapproved"),
                        tuple("11", Status.PENDING, ""),
                        tuple("12", Status.PENDING, null));
        assertThat(read.comments()).flatExtracting(SourceComment::warnings).containsExactly(
                new ImportWarning(Code.UNKNOWN_STATUS, "30", "10",
                        "wp:comment_approved \"unapproved\" is not a known status: imported as pending"),
                new ImportWarning(Code.UNKNOWN_STATUS, "30", "11",
                        "wp:comment_approved \"\" is not a known status: imported as pending"),
                new ImportWarning(Code.UNKNOWN_STATUS, "30", "12", "no wp:comment_approved: imported as pending"));
    }

    @Test
    void everyCommentTypeMapsToAKindAndPluginTypesAreCommentsWithAWarning() {
        Recorder read = Recorder.read("every-type.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::kind, c -> c.provenance().type())
                .containsExactly(
                        tuple("1", Kind.COMMENT, ""),
                        tuple("2", Kind.COMMENT, "comment"),
                        tuple("3", Kind.PINGBACK, "pingback"),
                        tuple("4", Kind.TRACKBACK, "trackback"),
                        tuple("5", Kind.WEBMENTION, "webmention"),
                        tuple("6", Kind.COMMENT, "order_note"),
                        tuple("7", Kind.COMMENT, "note"),
                        tuple("8", Kind.COMMENT, null),
                        tuple("9", Kind.PINGBACK, "Pingback"));
        assertThat(read.comments()).flatExtracting(SourceComment::warnings).containsExactly(
                new ImportWarning(Code.UNKNOWN_TYPE, "40", "6",
                        "wp:comment_type \"order_note\" is not a Parley kind: imported as a comment"),
                new ImportWarning(Code.UNKNOWN_TYPE, "40", "7",
                        "wp:comment_type \"note\" is not a Parley kind: imported as a comment"));
    }

    @Test
    void commentmetaIsKeptInOrderWithRepeatedKeysAndOtherChildrenAreFields() {
        Recorder read = Recorder.read("commentmeta.xml");

        SourceComment comment = read.comment("7");
        assertThat(comment.provenance().fields()).containsExactly(
                new Field("comment_author", "Meta Person"),
                new Field("comment_date_gmt", "2020-05-04 10:00:00"),
                new Field("comment_user_id", "0"),
                new Field("comment_agent", "Mozilla/5.0 (X11; Linux x86_64)"),
                new Field("comment_karma", "0"));
        assertThat(comment.provenance().metadata()).containsExactly(
                new Field("akismet_result", "false"),
                new Field("akismet_history",
                        "a:3:{s:4:\"time\";d:1588586400.123;s:5:\"event\";s:9:\"check-ham\";s:4:\"user\";s:0:\"\";}"),
                new Field("akismet_history", "a:2:{s:4:\"time\";d:1588586500.5;s:5:\"event\";s:6:\"status\";}"),
                new Field("note", " spaces kept; ünïcödé \\o/ ¯\\_(ツ)_/¯ "),
                new Field("empty", ""));
        assertThat(comment.authorUserAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(comment.provenance().date()).isEqualTo("2020-05-04 12:00:00");
        assertThat(comment.warnings()).containsExactly(new ImportWarning(Code.METADATA_TRUNCATED, "50", "7",
                "1 wp:commentmeta without a wp:meta_key left out"));
    }

    @Test
    void parentIdsArePassedRawWhateverTheOrderAndWhetherTheParentExists() {
        Recorder read = Recorder.read("reply-order.xml");

        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::threadId, SourceComment::parentId,
                c -> c.provenance().parentId())
                .containsExactly(
                        tuple("12", "60", "11", "11"),
                        tuple("11", "60", null, null),
                        tuple("13", "60", "99", "99"),
                        tuple("14", "60", "11", "11"),
                        tuple("15", "60", null, null),
                        tuple("16", "61", "11", "11"));
        assertThat(read.comments()).allSatisfy(c -> assertThat(c.warnings()).isEmpty());
        assertThat(read.threads()).extracting(SourceThread::id).containsExactly("60", "61");
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void metadataPastAProvenancesBoundsIsLeftOutWithAWarning() throws IOException {
        StringBuilder meta = new StringBuilder();
        for (int i = 1; i <= Provenance.MAX_ENTRIES; i++) {
            meta.append("<wp:commentmeta><wp:meta_key>k").append(i).append("</wp:meta_key>")
                    .append("<wp:meta_value>v</wp:meta_value></wp:commentmeta>\n");
        }
        Path file = Files.writeString(dir.resolve("many-meta.xml"),
                "<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item>"
                + "<wp:post_id>9</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id>"
                + "<wp:comment_author>A</wp:comment_author>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>"
                + "<wp:comment_approved>1</wp:comment_approved>\n" + meta
                + "</wp:comment></item></channel></rss>");

        SourceComment comment = Recorder.read(file).comment("1");

        // Two fields (comment_author, comment_date_gmt) come first, so the last two entries do not fit.
        assertThat(comment.provenance().fields()).hasSize(2);
        assertThat(comment.provenance().metadata()).hasSize(Provenance.MAX_ENTRIES - 2);
        assertThat(comment.provenance().metadata().get(Provenance.MAX_ENTRIES - 3))
                .isEqualTo(new Field("k998", "v"));
        assertThat(comment.warnings()).containsExactly(new ImportWarning(Code.METADATA_TRUNCATED, "9", "1",
                "2 raw fields and commentmeta entries do not fit a provenance and are left out: k999, k1000"));
    }

    @Test
    void aCommentWhoseIdNoProvenanceCanHoldIsSkippedWithAWarningAndTheNextIsRead() throws IOException {
        String longId = "9".repeat(Provenance.MAX_ID_LENGTH + 1);
        Path file = Files.writeString(dir.resolve("long-id.xml"),
                "<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item><wp:post_id>9</wp:post_id>"
                + "<wp:comment><wp:comment_id>" + longId + "</wp:comment_id>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt></wp:comment>"
                + "<wp:comment><wp:comment_id>2</wp:comment_id>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:01</wp:comment_date_gmt></wp:comment>"
                + "</item></channel></rss>");

        Recorder read = Recorder.read(file);

        assertThat(read.commentIds()).containsExactly("2");
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Code.RECORD_SKIPPED);
            assertThat(w.threadId()).isEqualTo("9");
            assertThat(w.commentId()).isEqualTo(longId);
            assertThat(w.message()).startsWith("a comment of item 1 cannot be kept: source id must be at most 1024");
        });
    }

    @Test
    void aRepeatedChildCountsTheFirstTimeAndLaterOnesStayInTheProvenanceFields() throws IOException {
        Path file = Files.writeString(dir.resolve("repeated.xml"),
                "<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item><wp:post_id>7</wp:post_id>"
                + "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_id>99</wp:comment_id>"
                + "<wp:comment_content>first</wp:comment_content><wp:comment_content>second</wp:comment_content>"
                + "<wp:comment_parent>0</wp:comment_parent><wp:comment_parent>5</wp:comment_parent>"
                + "<wp:comment_approved>1</wp:comment_approved><wp:comment_approved>spam</wp:comment_approved>"
                + "<wp:comment_type>pingback</wp:comment_type><wp:comment_type>note</wp:comment_type>"
                + "<wp:comment_date>2020-01-01 01:00:00</wp:comment_date>"
                + "<wp:comment_date>2021-01-01 01:00:00</wp:comment_date>"
                + "<wp:comment_author_email>a@example.org</wp:comment_author_email>"
                + "<wp:comment_author_email>b@example.org</wp:comment_author_email>"
                + "<wp:comment_author_url>http://a.example/</wp:comment_author_url>"
                + "<wp:comment_author_url>http://b.example/</wp:comment_author_url>"
                + "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
                + "<wp:comment_author_IP>192.0.2.2</wp:comment_author_IP>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>"
                + "<wp:commentmeta><wp:meta_key>akismet_result</wp:meta_key><wp:meta_key>other</wp:meta_key>"
                + "<wp:meta_value>false</wp:meta_value><wp:meta_value>true</wp:meta_value></wp:commentmeta>"
                + "</wp:comment></item></channel></rss>");

        SourceComment comment = Recorder.read(file).comment("1");

        assertThat(comment.content()).isEqualTo("first");
        assertThat(comment.parentId()).isNull();
        assertThat(comment.status()).isEqualTo(Status.APPROVED);
        assertThat(comment.kind()).isEqualTo(Kind.PINGBACK);
        assertThat(comment.authorEmail()).isEqualTo("a@example.org");
        assertThat(comment.authorUrl()).isEqualTo("http://a.example/");
        assertThat(comment.provenance()).isEqualTo(Provenance.builder("wordpress", "1").threadId("7")
                .status("1").type("pingback").date("2020-01-01 01:00:00")
                .field("comment_id", "99")
                .field("comment_content", "second")
                .field("comment_parent", "5")
                .field("comment_approved", "spam")
                .field("comment_type", "note")
                .field("comment_date", "2021-01-01 01:00:00")
                .field("comment_author_email", "b@example.org")
                .field("comment_author_url", "http://b.example/")
                .field("comment_author_IP", "192.0.2.2")
                .field("comment_date_gmt", "2020-01-01 00:00:00")
                .field("meta_key", "other")
                .field("meta_value", "true")
                .metadata("akismet_result", "false")
                .build());
    }

    @Test
    void markupWrittenInsideContentWithoutCdataIsKeptAsMarkup() throws IOException {
        Path file = Files.writeString(dir.resolve("unescaped-markup.xml"),
                "<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item><wp:post_id>7</wp:post_id>"
                + "<wp:comment><wp:comment_id>1</wp:comment_id>"
                + "<wp:comment_content>Hello <b>bold</b> <a href=\"x\">link</a></wp:comment_content>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>"
                + "</wp:comment><wp:comment><wp:comment_id>2</wp:comment_id>"
                + "<wp:comment_content>\n  <p class='q' title='say \"hi\" &amp; go'>Tom &amp; Jerry &lt;3"
                + "<br/><img src='i.png'/><em></em></p>\n</wp:comment_content>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>"
                + "<wp:commentmeta><wp:meta_key>note</wp:meta_key>"
                + "<wp:meta_value>see <i>this</i></wp:meta_value></wp:commentmeta>"
                + "</wp:comment></item></channel></rss>");

        Recorder read = Recorder.read(file);

        assertThat(read.comment("1").content()).isEqualTo("Hello <b>bold</b> <a href=\"x\">link</a>");
        assertThat(read.comment("2").content()).isEqualTo("<p class=\"q\" title=\"say &quot;hi&quot; &amp; go\">"
                + "Tom &amp; Jerry &lt;3<br /><img src=\"i.png\" /><em></em></p>");
        assertThat(read.comment("2").provenance().metadata()).containsExactly(new Field("note", "see <i>this</i>"));
    }

    @Test
    void rawApprovedTypeAndDateTooLongForAProvenanceAreKeptAsFieldsNotSkipped() throws IOException {
        String approved = "a".repeat(Provenance.MAX_RAW_LENGTH + 1);
        String type = "t".repeat(Provenance.MAX_RAW_LENGTH + 2);
        String date = "d".repeat(Provenance.MAX_RAW_LENGTH + 45);
        Path file = Files.writeString(dir.resolve("long-raw.xml"),
                "<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item><wp:post_id>9</wp:post_id>"
                + "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_approved>" + approved
                + "</wp:comment_approved><wp:comment_type>" + type + "</wp:comment_type><wp:comment_date>" + date
                + "</wp:comment_date><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt></wp:comment>"
                + "</item></channel></rss>");

        Recorder read = Recorder.read(file);

        SourceComment comment = read.comment("1");
        assertThat(comment.provenance()).isEqualTo(Provenance.builder("wordpress", "1").threadId("9")
                .field("comment_approved", approved)
                .field("comment_type", type)
                .field("comment_date", date)
                .field("comment_date_gmt", "2020-01-01 00:00:00")
                .build());
        assertThat(comment.status()).isEqualTo(Status.PENDING);
        assertThat(comment.kind()).isEqualTo(Kind.COMMENT);
        assertThat(comment.createdAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(comment.warnings()).extracting(ImportWarning::code)
                .containsExactly(Code.UNKNOWN_STATUS, Code.UNKNOWN_TYPE);
        assertThat(read.warnings()).isEmpty();
    }
}
