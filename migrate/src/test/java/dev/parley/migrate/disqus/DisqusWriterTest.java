package dev.parley.migrate.disqus;

import static dev.parley.migrate.Comments.T0;
import static dev.parley.migrate.Comments.reply;
import static dev.parley.migrate.Comments.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.parley.migrate.ExportReport;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.PostInfo;
import dev.parley.migrate.XmlTree;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisqusWriterTest {

    private static final Map<String, String> PREFIXES = Map.of(
            "http://wordpress.org/export/1.0/", "wp",
            "http://www.disqus.com/", "dsq",
            "http://purl.org/rss/1.0/modules/content/", "content",
            "http://purl.org/dc/elements/1.1/", "dc");

    private record Output(String text, ExportReport report, XmlTree rss) {
        List<XmlTree> items() {
            return rss.one("channel").all("item");
        }

        List<XmlTree> comments(int item) {
            return items().get(item).all("wp:comment");
        }
    }

    private static Output export(InMemoryCommentStore store) throws Exception {
        return export(store, DisqusWriter.builder().siteUrl("https://example.org").build());
    }

    private static Output export(InMemoryCommentStore store, DisqusWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportReport report = writer.write(store, out, ImportProgress.Listener.NONE);
        return new Output(out.toString(StandardCharsets.UTF_8), report, XmlTree.parse(out.toByteArray(), PREFIXES));
    }

    private static String summary(XmlTree comment) {
        return comment.text("wp:comment_id") + " " + comment.text("wp:comment_parent") + " "
                + comment.text("wp:comment_approved") + " " + comment.text("wp:comment_content");
    }

    @Test
    void documentIsWxrOneWithTheDisqusNamespaceAndEveryFieldPresent() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("c1", "/2019/05/hello/", 1).build());
        store.insert(root("c0", "/2019/05/hello/", 0).author(new Author("Tom & Jerry", "tom@example.org",
                "https://tom.example/?a=1&b=2", "u1", "192.0.2.1", "Mozilla/5.0")).html("<p>Hi &amp; bye</p>")
                .build());

        Output output = export(store);

        assertThat(output.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"");
        assertThat(output.rss().namespaces()).containsExactly(
                entry("content", "http://purl.org/rss/1.0/modules/content/"),
                entry("dsq", "http://www.disqus.com/"),
                entry("dc", "http://purl.org/dc/elements/1.1/"),
                entry("wp", "http://wordpress.org/export/1.0/"));
        assertThat(output.rss().one("channel").childNames()).containsExactly("item");
        XmlTree item = output.items().get(0);
        assertThat(item.childNames()).containsExactly("title", "link", "content:encoded", "dsq:thread_identifier",
                "wp:post_date_gmt", "wp:comment_status", "wp:comment", "wp:comment");
        assertThat(item.leaves()).containsExactly(
                entry("title", "/2019/05/hello/"),
                entry("link", "https://example.org/2019/05/hello/"),
                entry("content:encoded", ""),
                entry("dsq:thread_identifier", "/2019/05/hello/"),
                entry("wp:post_date_gmt", "2024-03-01 10:00:00"),
                entry("wp:comment_status", "open"));
        assertThat(output.comments(0).get(0).leaves()).containsExactly(
                entry("wp:comment_id", "1"),
                entry("wp:comment_author", "Tom & Jerry"),
                entry("wp:comment_author_email", "tom@example.org"),
                entry("wp:comment_author_url", "https://tom.example/?a=1&b=2"),
                entry("wp:comment_author_IP", "192.0.2.1"),
                entry("wp:comment_date_gmt", "2024-03-01 10:00:00"),
                entry("wp:comment_content", "<p>Hi &amp; bye</p>"),
                entry("wp:comment_approved", "1"),
                entry("wp:comment_parent", "0"));
        assertThat(output.comments(0).get(1).leaves()).containsExactly(
                entry("wp:comment_id", "2"),
                entry("wp:comment_author", "Ann"),
                entry("wp:comment_author_email", ""),
                entry("wp:comment_author_url", ""),
                entry("wp:comment_author_IP", ""),
                entry("wp:comment_date_gmt", "2024-03-01 10:01:00"),
                entry("wp:comment_content", "<p>c1</p>"),
                entry("wp:comment_approved", "1"),
                entry("wp:comment_parent", "0"));
        assertThat(output.report()).isEqualTo(new ExportReport(2, 1, List.of()));
    }

    @Test
    void twoThreadsWithRepliesAreNumberedAcrossTheFileParentBeforeReply() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment a = root("a", "/b-second", 0).build();
        Comment aReply = reply("a-reply", a, 5).status(Status.PENDING).build();
        Comment b = root("b", "/a-first", 1).build();
        Comment bReply = reply("b-reply", b, 2).status(Status.DELETED).build();
        Comment bNested = reply("b-nested", bReply, 3).build();
        store.insertAll(List.of(a, aReply, b, bReply, bNested));

        Output output = export(store);

        assertThat(output.items()).extracting(item -> item.text("dsq:thread_identifier"))
                .containsExactly("/a-first", "/b-second");
        assertThat(output.comments(0)).extracting(DisqusWriterTest::summary)
                .containsExactly("1 0 1 <p>b</p>", "2 1 0 <p>b-reply</p>", "3 2 1 <p>b-nested</p>");
        assertThat(output.comments(1)).extracting(DisqusWriterTest::summary)
                .containsExactly("4 0 1 <p>a</p>", "5 4 0 <p>a-reply</p>");
        assertThat(output.items().get(1).text("wp:post_date_gmt")).isEqualTo("2024-03-01 10:00:00");
    }

    @Test
    void spamIsLeftOutAndItsRepliesAttachToTheNearestWrittenAncestor() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment top = root("top", "/t", 0).build();
        Comment spam = reply("spam", top, 1).status(Status.SPAM).build();
        Comment underSpam = reply("under-spam", spam, 2).build();
        Comment spamRoot = root("spam-root", "/t", 3).status(Status.SPAM).build();
        Comment underSpamRoot = reply("under-spam-root", spamRoot, 4).build();
        store.insertAll(List.of(top, spam, underSpam, spamRoot, underSpamRoot));

        Output output = export(store);

        assertThat(output.comments(0)).extracting(DisqusWriterTest::summary)
                .containsExactly("1 0 1 <p>top</p>", "2 1 1 <p>under-spam</p>", "3 0 1 <p>under-spam-root</p>");
        assertThat(output.report().comments()).isEqualTo(3);
        assertThat(output.report().warnings()).containsExactly(
                "comment spam: spam, not written (the format has no spam flag)",
                "comment under-spam (wp:comment_id 2): answers spam comment spam, which is not written: "
                        + "attached to wp:comment_id 1",
                "comment spam-root: spam, not written (the format has no spam flag)",
                "comment under-spam-root (wp:comment_id 3): answers spam comment spam-root, which is not written: "
                        + "written as a top-level comment");
    }

    @Test
    void depthCappedReplyNamesTheCommentItAnswered() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment top = root("top", "/t", 0).build();
        Comment deep = reply("deep", top, 1).build();
        Comment deeper = reply("deeper", deep, 2).build();
        Comment capped = Comment.builder().id(CommentId.of("capped")).thread(top.thread())
                .parentId(deep.id()).rootId(top.id()).depth(2).inReplyToId(deeper.id())
                .author(Author.named("Cap")).html("<p>capped</p>").createdAt(T0.plusSeconds(180)).build();
        store.insertAll(List.of(top, deep, deeper, capped));

        Output output = export(store);

        assertThat(output.comments(0)).extracting(DisqusWriterTest::summary)
                .containsExactly("1 0 1 <p>top</p>", "2 1 1 <p>deep</p>", "3 2 1 <p>deeper</p>",
                        "4 3 1 <p>capped</p>");
    }

    @Test
    void linkbackUsesItsSourceUrlAndRawGenericFieldsWin() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("ping", "/t", 0).kind(Kind.PINGBACK).author(Author.named("Linking page"))
                .linkback(new Linkback("https://source.example/x", "Linking page")).html("[…] excerpt […]").build());
        store.insert(root("raw", "/t", 1).author(Author.named("Anonymous"))
                .provenance(Provenance.builder("wordpress", "4")
                        .field("author.name", "<Very> long name")
                        .field("author.email", "raw@example.org")
                        .field("author.url", "https://raw.example")
                        .field("author.ip", "10.0.0.9")
                        .field("comment_author", "not for Disqus")
                        .build())
                .build());

        Output output = export(store);

        assertThat(output.comments(0).get(0).leaves()).contains(
                entry("wp:comment_author", "Linking page"),
                entry("wp:comment_author_url", "https://source.example/x"),
                entry("wp:comment_content", "[…] excerpt […]"));
        assertThat(output.comments(0).get(1).leaves()).contains(
                entry("wp:comment_author", "<Very> long name"),
                entry("wp:comment_author_email", "raw@example.org"),
                entry("wp:comment_author_url", "https://raw.example"),
                entry("wp:comment_author_IP", "10.0.0.9"),
                entry("wp:comment_content", "<p>raw</p>"));
    }

    @Test
    void cdataIsSplitAndCharactersXmlCannotHoldAreReplacedAndReported() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("c1", "/t", 0).author(Author.named("A\u001bB")).html("a]]>b\r\n\uDC00\uD83D\uDE00")
                .build());
        DisqusWriter writer = DisqusWriter.builder()
                .threadDescriber(key -> new PostInfo("Title ]]> \u0000", "https://example.org/t", "t")).build();

        Output output = export(store, writer);

        assertThat(output.text()).contains("<wp:comment_content><![CDATA[a]]]]><![CDATA[>b]]>&#13;<![CDATA[\n"
                + "\uFFFD\uD83D\uDE00]]></wp:comment_content>");
        XmlTree comment = output.comments(0).get(0);
        assertThat(comment.text("wp:comment_author")).isEqualTo("A\uFFFDB");
        assertThat(comment.text("wp:comment_content")).isEqualTo("a]]>b\r\n\uFFFD\uD83D\uDE00");
        assertThat(output.items().get(0).text("title")).isEqualTo("Title ]]> \uFFFD");
        assertThat(output.report().warnings()).containsExactly(
                "thread /t: title: 1 character that XML 1.0 cannot hold written as U+FFFD",
                "comment c1 (wp:comment_id 1): wp:comment_author: 1 character that XML 1.0 cannot hold "
                        + "written as U+FFFD",
                "comment c1 (wp:comment_id 1): wp:comment_content: 1 character that XML 1.0 cannot hold "
                        + "written as U+FFFD");
    }

    @Test
    void builderNamesEveryBadOption() {
        assertThatThrownBy(() -> DisqusWriter.builder().siteUrl("example.org").pageSize(1001).clock(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site url must be an absolute http or https URL, was \"example.org\"; "
                        + "page size must be between 1 and 1000, was 1001; clock must not be null");
    }
}
