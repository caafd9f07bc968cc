package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("A root's replies past the page's cap are reached through its cursor, without JavaScript and in JSON")
class MoreRepliesHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningDemo demo;
    private static Comment root;
    private static Comment other;
    private static final List<String> REPLIES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(b -> b.settings(Settings.builder().requireEmail(false).holdNewAuthors(false)
                .linkLimit(2).floodInterval(Duration.ZERO).repliesPerRoot(3).repliesPerPage(5).build()));
        CommentService comments = demo.server.comments();
        root = post(comments, "the root", null);
        List<Comment> made = new ArrayList<>(List.of(root));
        for (int i = 1; i <= 13; i++) {
            // Every third reply answers an earlier reply, so the cuts fall inside branches too.
            Comment parent = i % 3 == 0 ? made.get(i - 2) : root;
            Comment reply = post(comments, "reply " + i, parent.id());
            made.add(reply);
            REPLIES.add(reply.id().value());
        }
        other = post(comments, "another root", null);
        for (int i = 1; i <= 4; i++) {
            post(comments, "other reply " + i, other.id());
        }
    }

    /** The demo's second post, which the seeded conversation leaves without comments. */
    private static Post post() {
        return demo.server.blog().posts().get(1);
    }

    private static Comment post(CommentService comments, String text, CommentId parent) {
        return ((PostResult.Accepted) comments.post(PostRequest.builder(post().thread(), text)
                .author("Reader", null, null).inReplyTo(parent).build())).comment();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Document html(String url) throws Exception {
        return html(RunningDemo.client(), url);
    }

    private static Document html(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = RunningDemo.get(client, url);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return Jsoup.parse(response.body(), url);
    }

    @Test
    @DisplayName("following the \"more replies\" links from the post page shows every reply exactly once")
    void htmlLinksReachEveryReply() throws Exception {
        Document page = html(demo.base() + post().path());
        Element rootItem = page.getElementById("c-" + root.id().value());
        List<String> seen = new ArrayList<>();
        for (Element item : rootItem.select("ol.replies li.comment")) {
            seen.add(item.id().substring(2));
        }
        assertThat(seen).hasSize(3);
        Element more = rootItem.selectFirst("p.more-replies a");
        assertThat(more.text()).isEqualTo("10 more replies \u203a");
        assertThat(more.attr("aria-label")).isEqualTo("10 more replies to Reader");
        int pages = 0;
        while (more != null) {
            Document next = html(more.absUrl("href"));
            pages++;
            assertThat(next.selectFirst("h1").text()).isEqualTo("Replies to Reader");
            Element context = next.getElementById("c-" + root.id().value());
            assertThat(context.selectFirst(".comment-text").text()).isEqualTo("the root");
            for (Element item : context.select("ol.replies li.comment")) {
                seen.add(item.id().substring(2));
            }
            more = context.selectFirst("p.more-replies a");
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(REPLIES);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    @DisplayName("a reply whose parent is on an earlier page says whom it answers, with a link")
    void continuationNamesTheParent() throws Exception {
        Element more = html(demo.base() + post().path()).getElementById("c-" + root.id().value())
                .selectFirst("p.more-replies a");
        Document second = html(more.absUrl("href"));
        // Reply 9 answers reply 7, which the page before showed.
        Document third = html(second.selectFirst("p.more-replies a").absUrl("href"));

        Element reply = third.getElementById("c-" + REPLIES.get(8));
        assertThat(reply.parent().parent().id()).isEqualTo("c-" + root.id().value());
        assertThat(reply.selectFirst(".in-reply-to").text()).isEqualTo("in reply to Reader");
        assertThat(reply.selectFirst(".in-reply-to a").attr("href"))
                .isEqualTo(post().path() + "/comments/" + REPLIES.get(6));
        assertThat(second.getElementById("c-" + REPLIES.get(5)).selectFirst(".in-reply-to")).isNull();
    }

    @Test
    @DisplayName("the permalink of a reply past the cut leads to the page of replies that holds it")
    void permalinkPastTheCut() throws Exception {
        String last = REPLIES.get(REPLIES.size() - 1);
        HttpResponse<String> permalink = RunningDemo.get(RunningDemo.client(),
                demo.base() + post().path() + "/comments/" + last);

        assertThat(permalink.statusCode()).isEqualTo(303);
        String location = permalink.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(post().path() + "/replies/" + root.id().value() + "?after=")
                .endsWith("#c-" + last);
        assertThat(html(demo.base() + location).getElementById("c-" + last)).isNotNull();
        assertThat(RunningDemo.get(RunningDemo.client(), demo.base() + post().path() + "/comments/"
                + REPLIES.get(0)).headers().firstValue("Location").orElseThrow())
                .isEqualTo(post().path() + "#c-" + REPLIES.get(0));
    }

    @Test
    @DisplayName("a reply posted with the form past the cut is shown to its author on its page of replies")
    void formReplyPastTheCut() throws Exception {
        HttpClient browser = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(browser, demo.base() + post().path(),
                Map.of("name", "Form Reader", "text", "a late answer", "parent", other.id().value()));

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(post().path() + "/replies/" + other.id().value() + "?after=");
        Document page = html(browser, demo.base() + location);
        String anchor = location.substring(location.indexOf('#') + 1);
        assertThat(page.getElementById(anchor).selectFirst(".comment-text").text()).isEqualTo("a late answer");
    }

    @Test
    @DisplayName("a malformed cursor is 400, a reply or an unknown id is 404")
    void badRootOrCursor() throws Exception {
        String base = demo.base() + post().path() + "/replies/";
        assertThat(RunningDemo.get(RunningDemo.client(), base + root.id().value() + "?after=nonsense").statusCode())
                .isEqualTo(400);
        assertThat(RunningDemo.get(RunningDemo.client(), base + REPLIES.get(0)).statusCode()).isEqualTo(404);
        assertThat(RunningDemo.get(RunningDemo.client(), base + "no-such-comment").statusCode()).isEqualTo(404);
        assertThat(RunningDemo.get(RunningDemo.client(), base + root.id().value()).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the JSON cursor walk reaches every reply exactly once")
    void jsonCursorWalk() throws Exception {
        String thread = demo.base() + "/api/threads/" + post().slug() + "/comments";
        JsonNode page = JSON.readTree(RunningDemo.get(RunningDemo.client(), thread).body());
        JsonNode rootJson = null;
        for (JsonNode comment : page.get("comments")) {
            if (comment.get("id").asString().equals(root.id().value())) {
                rootJson = comment;
            }
        }
        List<String> seen = new ArrayList<>();
        collect(rootJson.get("replies"), seen);
        JsonNode more = rootJson.get("moreReplies");
        assertThat(more.get("count").asLong()).isEqualTo(10);
        assertThat(more.get("href").asString()).isEqualTo("/api/threads/" + post().slug() + "/comments/"
                + root.id().value() + "/replies?after=" + more.get("cursor").asString());
        while (more != null) {
            JsonNode next = JSON.readTree(RunningDemo.get(RunningDemo.client(),
                    demo.base() + more.get("href").asString()).body());
            assertThat(next.get("root").get("id").asString()).isEqualTo(root.id().value());
            for (JsonNode reply : next.get("replies")) {
                assertThat(reply.get("parent").asString()).isNotEmpty();
            }
            collect(next.get("replies"), seen);
            more = next.get("moreReplies");
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(REPLIES);
    }

    @Test
    @DisplayName("the JSON replies endpoint answers 400 for a malformed cursor and 404 for a reply's id")
    void jsonErrors() throws Exception {
        String base = demo.base() + "/api/threads/" + post().slug() + "/comments/";
        HttpResponse<String> malformed = RunningDemo.get(RunningDemo.client(),
                base + root.id().value() + "/replies?after=x.y");
        HttpResponse<String> reply = RunningDemo.get(RunningDemo.client(), base + REPLIES.get(0) + "/replies");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").get("field").asString()).isEqualTo("after");
        assertThat(reply.statusCode()).isEqualTo(404);
    }

    private static void collect(JsonNode replies, List<String> into) {
        for (JsonNode reply : replies) {
            if (!reply.get("placeholder").asBoolean()) {
                into.add(reply.get("id").asString());
            }
            collect(reply.get("replies"), into);
        }
    }
}
