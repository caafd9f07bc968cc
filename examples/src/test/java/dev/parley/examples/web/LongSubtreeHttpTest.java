package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.storage.Comment;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("A root with 2,000 replies costs the post page and the thread JSON the default caps, not the subtree")
class LongSubtreeHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REPLIES = 2_000;
    private static RunningDemo demo;
    private static Comment root;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
        CommentService comments = demo.server.comments();
        root = ((PostResult.Accepted) comments.post(PostRequest.builder(demo.post().thread(), "a busy root")
                .author("Busy", null, null).build())).comment();
        for (int i = 0; i < REPLIES; i++) {
            comments.post(PostRequest.builder(demo.post().thread(), "reply number " + i)
                    .author("Replier " + i, null, null).inReplyTo(root.id()).build());
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    @DisplayName("the JSON for limit=1 holds the root and at most repliesPerRoot replies, with the exact rest")
    void jsonIsBounded() throws Exception {
        String url = demo.base() + "/api/threads/" + demo.post().slug() + "/comments?order=newest&limit=1";
        JsonNode page = JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body());

        JsonNode busy = page.get("comments").get(0);
        assertThat(busy.get("id").asString()).isEqualTo(root.id().value());
        assertThat(busy.get("replies").size()).isEqualTo(Settings.defaults().repliesPerRoot());
        assertThat(busy.get("moreReplies").get("count").asLong())
                .isEqualTo(REPLIES - Settings.defaults().repliesPerRoot());
        JsonNode next = JSON.readTree(RunningDemo.get(RunningDemo.client(),
                demo.base() + busy.get("moreReplies").get("href").asString()).body());
        assertThat(next.get("replies").size()).isEqualTo(Settings.defaults().repliesPerPage());
    }

    @Test
    @DisplayName("the post page shows at most repliesPerPage replies in all and a link to the rest")
    void htmlIsBounded() throws Exception {
        // The root's permalink leads to the page that holds it.
        HttpResponse<String> permalink = RunningDemo.get(RunningDemo.client(),
                demo.postUrl() + "/comments/" + root.id().value());
        String url = demo.base() + permalink.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> response = RunningDemo.get(RunningDemo.client(), url);
        Document page = Jsoup.parse(response.body(), url);

        assertThat(page.select("li.comment ol.replies li.comment").size())
                .isLessThanOrEqualTo(Settings.defaults().repliesPerPage());
        Element busy = page.getElementById("c-" + root.id().value());
        assertThat(busy.select("ol.replies li.comment")).hasSizeLessThanOrEqualTo(Settings.defaults().repliesPerRoot());
        assertThat(busy.selectFirst("p.more-replies a").attr("href")).startsWith(demo.post().path() + "/replies/"
                + root.id().value() + "?after=");
        assertThat(response.body().length()).isLessThan(400_000);
        long total = JSON.readTree(RunningDemo.get(RunningDemo.client(), demo.base() + "/api/threads/"
                + demo.post().slug() + "/comments").body()).get("total").asLong();
        assertThat(total).isGreaterThan(REPLIES);
        assertThat(page.select("section.comments h2").first().text()).isEqualTo(total + " responses");
    }
}
