package dev.parley.migrate.wxr;

import static dev.parley.migrate.Comments.T0;
import static dev.parley.migrate.Comments.reply;
import static dev.parley.migrate.Comments.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.parley.migrate.ExportReport;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.PostInfo;
import dev.parley.migrate.ThreadDescriber;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WxrWriterTest {

    private static final Map<String, String> PREFIXES = Map.of(
            "http://wordpress.org/export/1.2/", "wp",
            "http://wordpress.org/export/1.2/excerpt/", "excerpt",
            "http://purl.org/rss/1.0/modules/content/", "content",
            "http://wellformedweb.org/CommentAPI/", "wfw",
            "http://purl.org/dc/elements/1.1/", "dc");

    private record Output(String text, ExportReport report, XmlTree rss) {
        XmlTree channel() {
            return rss.one("channel");
        }

        List<XmlTree> items() {
            return channel().all("item");
        }

        List<XmlTree> comments(int item) {
            return items().get(item).all("wp:comment");
        }
    }

    private static Output export(InMemoryCommentStore store) throws Exception {
        return export(store, WxrWriter.builder().siteUrl("https://example.org/").build());
    }

    private static Output export(InMemoryCommentStore store, WxrWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportReport report = writer.write(store, out, ImportProgress.Listener.NONE);
        return new Output(out.toString(StandardCharsets.UTF_8), report, XmlTree.parse(out.toByteArray(), PREFIXES));
    }

    private static Provenance.Builder wordPress(String id, String post) {
        return Provenance.builder("wordpress", id).threadId(post);
    }

    @Test
    void documentIsRssWithTheWxrNamespacesAndChannelHeader() throws Exception {
        Output output = export(new InMemoryCommentStore());

        assertThat(output.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"");
        assertThat(output.rss().name()).isEqualTo("rss");
        assertThat(output.rss().attributes()).containsExactly(entry("version", "2.0"));
        assertThat(output.rss().namespaces()).containsExactly(
                entry("excerpt", "http://wordpress.org/export/1.2/excerpt/"),
                entry("content", "http://purl.org/rss/1.0/modules/content/"),
                entry("wfw", "http://wellformedweb.org/CommentAPI/"),
                entry("dc", "http://purl.org/dc/elements/1.1/"),
                entry("wp", "http://wordpress.org/export/1.2/"));
        assertThat(output.channel().leaves()).containsExactly(
                entry("title", "Comments"),
                entry("link", "https://example.org"),
                entry("description", ""),
                entry("wp:wxr_version", "1.2"),
                entry("wp:base_site_url", "https://example.org"),
                entry("wp:base_blog_url", "https://example.org"),
                entry("generator", "Parley"));
        assertThat(output.items()).isEmpty();
        assertThat(output.report()).isEqualTo(new ExportReport(0, 0, List.of()));
    }

    @Test
    void parleyCommentsGetParleyValuesAndOnePostPerThread() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment a1 = root("a1", "/a-post/", 1)
                .author(new Author("Tom & Jerry <x> \"q\" 's", "tom@example.org", "https://tom.example", "u1",
                        "192.0.2.1", "Mozilla/5.0"))
                .createdAt(T0.plusMillis(90_500))
                .status(Status.PENDING)
                .text("Hi *there*")
                .html("<p>Hi <em>there</em></p>")
                .build();
        Comment r1 = reply("r1", a1, 2).build();
        Comment r2 = reply("r2", r1, 3).status(Status.SPAM).build();
        Comment b1 = root("b1", "/b-post", 0).status(Status.DELETED).build();
        Comment b2 = root("b2", "/b-post", 4).kind(Kind.PINGBACK).author(Author.named("Linking page"))
                .linkback(new Linkback("https://source.example/x", "Linking page")).html("[…] excerpt […]")
                .build();
        Comment b3 = root("b3", "/b-post", 5).kind(Kind.WEBMENTION).author(Author.named("Mention"))
                .linkback(new Linkback("https://source.example/y", "")).build();
        Comment b4 = root("b4", "/b-post", 6).kind(Kind.TRACKBACK).author(Author.named("Track"))
                .linkback(new Linkback("https://source.example/z", "")).build();
        store.insertAll(List.of(a1, r1, r2, b1, b2, b3, b4));

        Output output = export(store);

        assertThat(output.items()).hasSize(2);
        XmlTree post = output.items().get(0);
        assertThat(post.childNames()).startsWith("title", "link", "pubDate", "description", "content:encoded",
                "excerpt:encoded", "wp:post_id", "wp:post_date", "wp:post_date_gmt", "wp:comment_status",
                "wp:ping_status", "wp:post_name", "wp:status", "wp:post_parent", "wp:menu_order", "wp:post_type",
                "wp:post_password", "wp:is_sticky", "wp:comment");
        assertThat(post.leaves()).containsExactly(
                entry("title", "/a-post/"),
                entry("link", "https://example.org/a-post/"),
                entry("pubDate", "Fri, 01 Mar 2024 10:01:30 +0000"),
                entry("description", ""),
                entry("content:encoded", ""),
                entry("excerpt:encoded", ""),
                entry("wp:post_id", "1"),
                entry("wp:post_date", "2024-03-01 10:01:30"),
                entry("wp:post_date_gmt", "2024-03-01 10:01:30"),
                entry("wp:comment_status", "open"),
                entry("wp:ping_status", "open"),
                entry("wp:post_name", "a-post"),
                entry("wp:status", "publish"),
                entry("wp:post_parent", "0"),
                entry("wp:menu_order", "0"),
                entry("wp:post_type", "post"),
                entry("wp:post_password", ""),
                entry("wp:is_sticky", "0"));
        assertThat(output.comments(0).get(0).leaves()).containsExactly(
                entry("wp:comment_id", "1"),
                entry("wp:comment_author", "Tom &amp; Jerry &lt;x&gt; &quot;q&quot; &#039;s"),
                entry("wp:comment_author_email", "tom@example.org"),
                entry("wp:comment_author_url", "https://tom.example"),
                entry("wp:comment_author_IP", "192.0.2.1"),
                entry("wp:comment_date", "2024-03-01 10:01:30"),
                entry("wp:comment_date_gmt", "2024-03-01 10:01:30"),
                entry("wp:comment_content", "<p>Hi <em>there</em></p>"),
                entry("wp:comment_approved", "0"),
                entry("wp:comment_type", "comment"),
                entry("wp:comment_parent", "0"),
                entry("wp:comment_user_id", "0"));
        assertThat(output.comments(0)).extracting(c -> c.text("wp:comment_id") + " " + c.text("wp:comment_parent")
                + " " + c.text("wp:comment_approved") + " " + c.text("wp:comment_author"))
                .containsExactly("1 0 0 Tom &amp; Jerry &lt;x&gt; &quot;q&quot; &#039;s", "2 1 1 Bob", "3 2 spam Bob");
        XmlTree other = output.items().get(1);
        assertThat(other.text("title")).isEqualTo("/b-post");
        assertThat(other.text("link")).isEqualTo("https://example.org/b-post");
        assertThat(other.text("wp:post_name")).isEqualTo("b-post");
        assertThat(other.text("wp:post_id")).isEqualTo("2");
        assertThat(output.comments(1)).extracting(c -> c.text("wp:comment_id") + " " + c.text("wp:comment_type")
                + " " + c.text("wp:comment_approved") + " " + c.text("wp:comment_author_url") + " "
                + c.text("wp:comment_content"))
                .containsExactly("4 comment trash  <p>b1</p>",
                        "5 pingback 1 https://source.example/x […] excerpt […]",
                        "6 webmention 1 https://source.example/y <p>b3</p>",
                        "7 trackback 1 https://source.example/z <p>b4</p>");
        assertThat(output.report()).isEqualTo(new ExportReport(7, 2, List.of()));
    }

    @Test
    void wordPressCommentsGetTheirRawValuesBack() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment c35 = root("wp35", "/wp", 0)
                .author(new Author("Tom & Jerry", "tom@example.org", null, null, "10.0.0.1", "Mozilla/5.0"))
                .status(Status.PENDING)
                .text("<b>raw</b>\nsecond line")
                .html("<p><b>raw</b><br>second line</p>")
                .provenance(wordPress("35", "7").status("hold").type("").date("2019-05-01 16:00:00")
                        .field("comment_author", "Tom &amp; Jerry")
                        .field("comment_date_gmt", "0000-00-00 00:00:00")
                        .field("comment_user_id", "3")
                        .field("comment_agent", "Mozilla/5.0")
                        .field("comment_karma", "0")
                        .metadata("akismet_result", "true")
                        .metadata("_wp_trash_meta_status", "1")
                        .metadata("akismet_result", "false")
                        .build())
                .build();
        Comment c36 = reply("wp36", c35, 1).status(Status.SPAM)
                .provenance(wordPress("36", "7").status("1").type("pingback").parentId("35").build())
                .build();
        Comment c37 = root("wp37", "/wp", 2).status(Status.DELETED)
                .provenance(wordPress("37", "7").status("post-trashed").type("order_note").build())
                .build();
        Comment c38 = root("wp38", "/wp", 3).kind(Kind.PINGBACK).status(Status.SPAM)
                .linkback(new Linkback("https://source.example/p", "Page"))
                .provenance(wordPress("38", "7").status("spam").type("pingback").build())
                .build();
        Comment c39 = root("wp39", "/wp", 4).kind(Kind.TRACKBACK)
                .linkback(new Linkback("https://source.example/t", "Page"))
                .provenance(wordPress("39", "7").status("1").type("order_note").field("comment_user_id", "x7")
                        .build())
                .build();
        store.insertAll(List.of(c35, c36, c37, c38, c39));

        Output output = export(store);

        XmlTree post = output.items().get(0);
        assertThat(post.text("wp:post_id")).isEqualTo("7");
        XmlTree first = output.comments(0).get(0);
        assertThat(first.childNames()).containsExactly("wp:comment_id", "wp:comment_author",
                "wp:comment_author_email", "wp:comment_author_url", "wp:comment_author_IP", "wp:comment_date",
                "wp:comment_date_gmt", "wp:comment_content", "wp:comment_approved", "wp:comment_type",
                "wp:comment_parent", "wp:comment_user_id", "wp:comment_agent", "wp:comment_karma",
                "wp:commentmeta", "wp:commentmeta", "wp:commentmeta");
        assertThat(first.leaves()).containsExactly(
                entry("wp:comment_id", "35"),
                entry("wp:comment_author", "Tom &amp; Jerry"),
                entry("wp:comment_author_email", "tom@example.org"),
                entry("wp:comment_author_url", ""),
                entry("wp:comment_author_IP", "10.0.0.1"),
                entry("wp:comment_date", "2019-05-01 16:00:00"),
                entry("wp:comment_date_gmt", "0000-00-00 00:00:00"),
                entry("wp:comment_content", "<b>raw</b>\nsecond line"),
                entry("wp:comment_approved", "hold"),
                entry("wp:comment_type", ""),
                entry("wp:comment_parent", "0"),
                entry("wp:comment_user_id", "3"),
                entry("wp:comment_agent", "Mozilla/5.0"),
                entry("wp:comment_karma", "0"));
        assertThat(first.all("wp:commentmeta")).extracting(m -> m.text("wp:meta_key") + "=" + m.text("wp:meta_value"))
                .containsExactly("akismet_result=true", "_wp_trash_meta_status=1", "akismet_result=false");
        assertThat(output.comments(0)).extracting(c -> c.text("wp:comment_id") + " " + c.text("wp:comment_parent")
                + " " + c.text("wp:comment_approved") + " " + c.text("wp:comment_type") + " "
                + c.text("wp:comment_user_id"))
                .containsExactly(
                        "35 0 hold  3",
                        "36 35 spam pingback 0",
                        "37 0 post-trashed order_note 0",
                        "38 0 spam pingback 0",
                        "39 0 1 trackback x7");
    }

    @Test
    void freshIdsStartAboveEveryWordPressIdAndNeverCollide() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insertAll(List.of(
                root("w5", "/one", 0).provenance(wordPress("5", "1").build()).build(),
                root("p1", "/one", 1).build(),
                root("w5again", "/two", 2).provenance(wordPress("5", "2").build()).build(),
                root("w9", "/two", 3).provenance(wordPress("9", "2").build()).build(),
                root("w007", "/two", 4).provenance(wordPress("007", "2").build()).build(),
                root("p2", "/two", 5).build(),
                root("other", "/two", 6).provenance(Provenance.of("disqus", "123456")).build()));

        Output output = export(store);

        List<String> ids = new ArrayList<>();
        for (int item = 0; item < 2; item++) {
            for (XmlTree comment : output.comments(item)) {
                ids.add(comment.text("wp:comment_id"));
            }
        }
        assertThat(ids).containsExactly("5", "10", "11", "9", "12", "13", "14");
        assertThat(output.items()).extracting(item -> item.text("wp:post_id")).containsExactly("1", "2");
    }

    @Test
    void postIdIsTheWordPressPostWhenItsCommentsAgreeAndNoOtherThreadTookIt() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insertAll(List.of(
                root("a1", "/a", 0).provenance(wordPress("1", "7").build()).build(),
                root("a2", "/a", 1).provenance(wordPress("2", "8").build()).build(),
                root("b1", "/b", 2).provenance(wordPress("3", "7").build()).build(),
                root("b2", "/b", 3).build(),
                root("c1", "/c", 4).provenance(wordPress("4", "7").build()).build(),
                root("d1", "/d", 5).provenance(wordPress("5", "abc").build()).build(),
                root("e1", "/e", 6).provenance(wordPress("6", null).build()).build(),
                root("f1", "/f", 7).build()));

        Output output = export(store);

        assertThat(output.items()).extracting(item -> item.text("title") + " " + item.text("wp:post_id"))
                .containsExactly("/a 8", "/b 7", "/c 9", "/d 10", "/e 11", "/f 12");
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

        assertThat(output.comments(0)).extracting(c -> c.text("wp:comment_author") + " " + c.text("wp:comment_id")
                + " " + c.text("wp:comment_parent"))
                .containsExactly("Ann 1 0", "Bob 2 1", "Bob 3 2", "Cap 4 3");
    }

    @Test
    void repliesAreNumberedAfterTheirParentsEvenWhenOlder() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment parent = root("parent", "/t", 10).build();
        Comment early = reply("early", parent, 1).build();
        Comment later = root("later", "/t", 20).build();
        store.insertAll(List.of(parent, early, later));

        Output output = export(store);

        assertThat(output.comments(0)).extracting(c -> c.text("wp:comment_content") + " " + c.text("wp:comment_id")
                + " " + c.text("wp:comment_parent"))
                .containsExactly("<p>parent</p> 1 0", "<p>early</p> 2 1", "<p>later</p> 3 0");
    }

    @Test
    void cdataIsSplitAroundItsEndMarkerAndCarriageReturnsSurvive() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        String content = "a]]>b]]>]]>c\r\nd\re]]";
        store.insert(root("c1", "/t", 0).text(content).author(Author.named("x]]>y"))
                .provenance(Provenance.builder("wordpress", "1").metadata("k", "v]]>w").build()).build());

        Output output = export(store);

        assertThat(output.text()).contains("<wp:comment_content><![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]]]>"
                + "<![CDATA[>c]]>&#13;<![CDATA[\nd]]>&#13;<![CDATA[e]]]]></wp:comment_content>");
        assertThat(output.text()).contains("<wp:comment_author><![CDATA[x]]&gt;y]]></wp:comment_author>");
        XmlTree comment = output.comments(0).get(0);
        assertThat(comment.text("wp:comment_content")).isEqualTo(content);
        assertThat(comment.text("wp:comment_author")).isEqualTo("x]]&gt;y");
        assertThat(output.text()).contains("<wp:meta_value><![CDATA[v]]]]><![CDATA[>w]]></wp:meta_value>");
        assertThat(comment.one("wp:commentmeta").text("wp:meta_value")).isEqualTo("v]]>w");
    }

    @Test
    void charactersXmlCannotHoldAreReplacedAndReported() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("c1", "/t", 0).author(Author.named("A\u0001B"))
                .html("x\uD800y\uFFFEz\u0000 kept: \t\n\u0085\u007f\uD83D\uDE00\uFFFD").build());
        store.insert(root("c2", "/t", 1).html("<p>fine</p>").build());
        WxrWriter writer = WxrWriter.builder()
                .threadDescriber(key -> new PostInfo("Title\u0002", "https://example.org/t", "t"))
                .build();

        Output output = export(store, writer);

        XmlTree comment = output.comments(0).get(0);
        assertThat(comment.text("wp:comment_author")).isEqualTo("A\uFFFDB");
        assertThat(comment.text("wp:comment_content"))
                .isEqualTo("x\uFFFDy\uFFFDz\uFFFD kept: \t\n\u0085\u007f\uD83D\uDE00\uFFFD");
        assertThat(output.items().get(0).text("title")).isEqualTo("Title\uFFFD");
        assertThat(output.report().warnings()).containsExactly(
                "thread /t: title: 1 character that XML 1.0 cannot hold written as U+FFFD",
                "comment c1 (wp:comment_id 1): wp:comment_author: 1 character that XML 1.0 cannot hold "
                        + "written as U+FFFD",
                "comment c1 (wp:comment_id 1): wp:comment_content: 3 characters that XML 1.0 cannot hold "
                        + "written as U+FFFD");
    }

    @Test
    void importersRawGenericFieldsWinOverParleyValues() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("d1", "/t", 0)
                .author(new Author("Anonymous", "short@example.org", null, null, null, null))
                .html("<p>cut</p>")
                .provenance(Provenance.builder("disqus", "991")
                        .field("author.name", "<Very> \"long\" name")
                        .field("author.email", "raw@example.org")
                        .field("author.url", "https://raw.example/?a=1&b=2")
                        .field("author.ip", "not an ip")
                        .field("content", "<p>the whole content</p>")
                        .build())
                .build());
        store.insert(root("w1", "/t", 1)
                .provenance(wordPress("4", "1").field("author.name", "ignored").field("comment_author", "Raw &amp; Co")
                        .build())
                .build());

        Output output = export(store);

        assertThat(output.comments(0).get(0).leaves()).contains(
                entry("wp:comment_author", "&lt;Very&gt; &quot;long&quot; name"),
                entry("wp:comment_author_email", "raw@example.org"),
                entry("wp:comment_author_url", "https://raw.example/?a=1&b=2"),
                entry("wp:comment_author_IP", "not an ip"),
                entry("wp:comment_content", "<p>the whole content</p>"));
        assertThat(output.comments(0).get(1).text("wp:comment_author")).isEqualTo("Raw &amp; Co");
    }

    @Test
    void threadDescriberGivesTitleLinkSlugAndPostDate() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("c1", "/hello", 0).build());
        store.insert(root("c2", "source:12", 0).build());
        ThreadDescriber describer = key -> key.value().equals("/hello")
                ? new PostInfo("Hello & <bye>", "https://blog.example/hello/", "hello", "2019-05-01 12:00:00")
                : ThreadDescriber.byKey("https://blog.example").describe(key);

        Output output = export(store, WxrWriter.builder().threadDescriber(describer).build());

        assertThat(output.items()).extracting(item -> item.text("title") + "|" + item.text("link") + "|"
                + item.text("wp:post_name") + "|" + item.text("wp:post_date") + "|" + item.text("wp:post_date_gmt"))
                .containsExactly(
                        "Hello & <bye>|https://blog.example/hello/|hello|2019-05-01 12:00:00|2024-03-01 10:00:00",
                        "source:12|https://blog.example/source:12|source:12|2024-03-01 10:00:00|2024-03-01 10:00:00");
        assertThat(output.channel().text("link")).isEqualTo("http://localhost");
    }

    @Test
    void replyWhoseRootWasPurgedIsStillWrittenAsATopLevelComment() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Comment top = root("top", "/t", 0).build();
        Comment orphan = reply("orphan", top, 1).build();
        Comment child = reply("child", orphan, 2).build();
        Comment kept = root("kept", "/t", 3).build();
        store.insertAll(List.of(top, orphan, child, kept));
        store.delete(top.id());

        Output output = export(store);

        assertThat(output.comments(0)).extracting(c -> c.text("wp:comment_content") + " " + c.text("wp:comment_id")
                + " " + c.text("wp:comment_parent"))
                .containsExactly("<p>kept</p> 1 0", "<p>orphan</p> 2 0", "<p>child</p> 3 2");
        assertThat(output.report().warnings()).containsExactly("comment orphan (wp:comment_id 2): answers comment "
                + "top, which is not written in its thread: written as a top-level comment");
    }

    @Test
    void twoThreadsWithRepliesOverSeveralPagesAreWrittenWhole() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        int minute = 0;
        for (String thread : List.of("/x", "/y")) {
            for (int r = 0; r < 5; r++) {
                Comment top = root(thread.substring(1) + r, thread, minute++).build();
                Comment answer = reply(thread.substring(1) + r + "a", top, minute++).build();
                Comment nested = reply(thread.substring(1) + r + "b", answer, minute++).build();
                store.insertAll(List.of(top, answer, nested));
            }
        }

        Output output = export(store, WxrWriter.builder().pageSize(2).build());

        assertThat(output.report().comments()).isEqualTo(30);
        assertThat(output.report().threads()).isEqualTo(2);
        Set<String> ids = new HashSet<>();
        for (int item = 0; item < 2; item++) {
            List<XmlTree> comments = output.comments(item);
            assertThat(comments).hasSize(15);
            Map<String, String> idByContent = new java.util.HashMap<>();
            for (XmlTree comment : comments) {
                assertThat(ids.add(comment.text("wp:comment_id"))).isTrue();
                idByContent.put(comment.text("wp:comment_content"), comment.text("wp:comment_id"));
            }
            String prefix = item == 0 ? "x" : "y";
            for (XmlTree comment : comments) {
                String content = comment.text("wp:comment_content");
                String name = content.substring(3, content.length() - 4);
                String expectedParent = name.endsWith("a") ? idByContent.get("<p>" + prefix + name.charAt(1) + "</p>")
                        : name.endsWith("b") ? idByContent.get("<p>" + prefix + name.charAt(1) + "a</p>") : "0";
                assertThat(comment.text("wp:comment_parent")).as(name).isEqualTo(expectedParent);
            }
        }
    }

    @Test
    void lastProgressCountsEveryComment() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        store.insert(root("c1", "/t", 0).build());
        store.insert(root("c2", "/u", 0).build());
        List<ImportProgress> progress = new ArrayList<>();

        WxrWriter.builder().clock(java.time.Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC)).build()
                .write(store, new ByteArrayOutputStream(), progress::add);

        assertThat(progress).containsExactly(new ImportProgress(ImportProgress.Phase.EXPORTING, 1, 0, -1),
                new ImportProgress(ImportProgress.Phase.EXPORTING, 2, 0, -1));
    }

    @Test
    void builderNamesEveryBadOption() {
        assertThatThrownBy(() -> WxrWriter.builder().siteUrl("ftp://example.org").siteTitle(null).pageSize(0)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site url must be an absolute http or https URL, was \"ftp://example.org\"; "
                        + "site title must not be null; page size must be between 1 and 1000, was 0");
    }
}
