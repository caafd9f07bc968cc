package dev.parley.migrate.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.ImportWarning.Code;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which thread an item is, and when its records are handed over. */
class WxrReaderThreadTest {

    @Test
    void itemsAreThreadsByPostIdOrElseByLinkGuidOrPlaceAndItemsWithNeitherIdNorCommentsAreSkipped() {
        Recorder read = Recorder.read("thread-identity.xml");

        assertThat(read.records).extracting(WxrReaderThreadTest::describe).containsExactly(
                "thread 100",
                "warning MISSING_ID https://blog.example/no-id/",
                "comment item-3-comment-1 in https://blog.example/no-id/",
                "comment item-3-comment-2 in https://blog.example/no-id/",
                "thread https://blog.example/no-id/",
                "warning MISSING_ID https://blog.example/?p=404",
                "comment 41 in https://blog.example/?p=404",
                "thread https://blog.example/?p=404",
                "warning MISSING_ID item-5",
                "comment 51 in item-5",
                "thread item-5",
                "comment 61 in 600",
                "comment 62 in 600",
                "thread 600");
        assertThat(read.threads()).containsExactly(
                new SourceThread("100", "https://blog.example/quiet/", null, "Quiet post"),
                new SourceThread("https://blog.example/no-id/", "https://blog.example/no-id/", null, "No id"),
                new SourceThread("https://blog.example/?p=404", null, null, null),
                new SourceThread("item-5", null, null, null),
                new SourceThread("600", null, "late-slug", null));
        assertThat(read.warnings()).containsExactly(
                new ImportWarning(Code.MISSING_ID, "https://blog.example/no-id/", null, "item 3 has comments but no"
                        + " wp:post_id or dsq:thread_identifier: its thread id is taken from its link"),
                new ImportWarning(Code.MISSING_ID, "https://blog.example/?p=404", null, "item 4 has comments but no"
                        + " wp:post_id or dsq:thread_identifier: its thread id is taken from its guid"),
                new ImportWarning(Code.MISSING_ID, "item-5", null, "item 5 has comments but no wp:post_id or"
                        + " dsq:thread_identifier: its thread id is taken from its place in the file"));
    }

    @Test
    void commentsWithoutAnIdAreNamedByTheirPlaceWithAWarning() {
        Recorder read = Recorder.read("thread-identity.xml");

        assertThat(read.comment("item-3-comment-1").warnings()).containsExactly(new ImportWarning(Code.MISSING_ID,
                "https://blog.example/no-id/", "item-3-comment-1",
                "comment 1 of item 3 has no wp:comment_id: imported as item-3-comment-1, from its place in the file"));
        assertThat(read.comment("item-3-comment-2").warnings()).containsExactly(new ImportWarning(Code.MISSING_ID,
                "https://blog.example/no-id/", "item-3-comment-2",
                "comment 2 of item 3 has no wp:comment_id: imported as item-3-comment-2, from its place in the file"));
        assertThat(read.comment("item-3-comment-1").provenance().sourceId()).isEqualTo("item-3-comment-1");
        assertThat(read.comment("item-3-comment-1").provenance().threadId()).isEqualTo("https://blog.example/no-id/");
    }

    @Test
    void commentsBeforeTheirPostsIdAndDateWaitForThemInOrder() {
        Recorder read = Recorder.read("thread-identity.xml");

        assertThat(read.comment("61").createdAt()).isEqualTo(Instant.parse("2018-01-05T06:07:08Z"));
        assertThat(read.comment("61").warnings()).containsExactly(new ImportWarning(Code.DATE_FALLBACK, "600", "61",
                "wp:comment_date_gmt is 0000-00-00 00:00:00, wp:comment_date is missing: used the post's"
                        + " wp:post_date_gmt 2018-01-05 06:07:08"));
        assertThat(read.comment("62").parentId()).isEqualTo("61");
        assertThat(read.comment("62").provenance().threadId()).isEqualTo("600");
    }

    @Test
    void disqusImportFormatIsThreadedByItsThreadIdentifier() {
        Recorder read = Recorder.read("disqus-import-format.xml");

        SourceComment first = SourceComment.builder("65", "article-42")
                .status(Status.APPROVED).kind(Kind.COMMENT)
                .author("Foo Bar", "foo@bar.example", "http://www.foo.example")
                .client("93.48.67.119", null)
                .content("Hello world", ContentFormat.HTML)
                .createdAt(Instant.parse("2010-09-20T13:19:10Z"))
                .provenance(Provenance.builder("wordpress", "65").threadId("article-42").status("1")
                        .field("remote.id", "user-7")
                        .field("remote.avatar", "http://foo.example/avatar.png")
                        .field("comment_author", "Foo Bar")
                        .field("comment_date_gmt", "2010-09-20 13:19:10").build())
                .build();
        SourceComment reply = SourceComment.builder("66", "article-42")
                .parentId("65").status(Status.PENDING).kind(Kind.COMMENT)
                .author("Anon", null, null)
                .content("A reply with no usable date.", ContentFormat.HTML)
                .createdAt(Instant.parse("2010-09-20T09:13:44Z"))
                .provenance(Provenance.builder("wordpress", "66").threadId("article-42").parentId("65").status("0")
                        .field("comment_author", "Anon")
                        .field("comment_date_gmt", "0000-00-00 00:00:00").build())
                .warning(Code.DATE_FALLBACK, "wp:comment_date_gmt is 0000-00-00 00:00:00, wp:comment_date is"
                        + " missing: used the post's wp:post_date_gmt 2010-09-20 09:13:44")
                .build();
        assertThat(read.records).containsExactly(first, reply, new SourceThread("article-42",
                "http://foo.example/example?page=2", "article-42", "Foo & bar"));
    }

    @Test
    void eachThreadComesAfterItsComments() {
        Recorder read = Recorder.read("reply-order.xml");

        assertThat(read.records).extracting(WxrReaderThreadTest::describe).containsExactly(
                "comment 12 in 60", "comment 11 in 60", "comment 13 in 60", "comment 14 in 60", "comment 15 in 60",
                "thread 60", "comment 16 in 61", "thread 61");
    }

    private static String describe(Object record) {
        if (record instanceof SourceThread thread) {
            return "thread " + thread.id();
        }
        if (record instanceof SourceComment comment) {
            return "comment " + comment.id() + " in " + comment.threadId();
        }
        ImportWarning warning = (ImportWarning) record;
        return "warning " + warning.code() + " " + warning.threadId();
    }
}
