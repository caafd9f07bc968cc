package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Pages of a thread with deleted roots")
class FullPagesHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
        // Ten visible roots (the seeded six and four more), two pages of five on the post page...
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> posted = RunningDemo.client().send(HttpRequest.newBuilder(URI.create(threadUrl()))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Extra " + i + "\",\"text\":\"kept\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(201);
        }
        // ...then the newest roots are deleted and have no replies: nothing of them is shown.
        for (int i = 1; i <= 3; i++) {
            JsonNode created = JSON.readTree(RunningDemo.client().send(HttpRequest.newBuilder(URI.create(threadUrl()))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gone " + i + "\",\"text\":\"soon deleted\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> deleted = RunningDemo.client().send(HttpRequest.newBuilder(
                    URI.create(demo.base() + "/api/comments/" + created.get("comment").get("id").asString()))
                    .timeout(Duration.ofSeconds(20))
                    .header(CommentApiServlet.TOKEN_HEADER, created.get("editToken").asString()).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String threadUrl() {
        return demo.base() + "/api/threads/" + demo.post().slug() + "/comments";
    }

    private static JsonNode page(String order, String after, int limit) throws Exception {
        String url = threadUrl() + "?order=" + order + "&limit=" + limit
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        return JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body());
    }

    @Test
    @DisplayName("the JSON holds the limit's worth of roots on every page but the last, and no cursor to nothing")
    void jsonPagesAreFull() throws Exception {
        int visible = page("oldest", null, 100).get("comments").size();
        for (String order : List.of("newest", "oldest")) {
            for (int limit = 1; limit <= visible + 1; limit++) {
                List<Integer> sizes = new ArrayList<>();
                String next = null;
                do {
                    JsonNode page = page(order, next, limit);
                    sizes.add(page.get("comments").size());
                    next = page.hasNonNull("next") ? page.get("next").asString() : null;
                } while (next != null && sizes.size() <= visible);
                int full = Math.min(limit, visible);
                int last = visible % limit == 0 ? full : visible % limit;
                assertThat(sizes).as(order + ", limit " + limit).hasSize((visible + limit - 1) / limit);
                assertThat(sizes.subList(0, sizes.size() - 1)).as(order + ", limit " + limit).allMatch(size -> size == full);
                assertThat(sizes.get(sizes.size() - 1)).as(order + ", limit " + limit).isEqualTo(last);
            }
        }
    }

    @Test
    @DisplayName("the post page's pages hold five roots each, and the last offers no link to an empty page")
    void htmlPagesAreFullAndEndWithoutAMoreLink() throws Exception {
        int visible = page("oldest", null, 100).get("comments").size();
        List<Integer> sizes = new ArrayList<>();
        String url = demo.postUrl();
        while (url != null && sizes.size() <= visible) {
            Document page = Jsoup.parse(RunningDemo.get(RunningDemo.client(), url).body());
            sizes.add(page.select("ol.thread > li").size());
            url = page.select("a[rel=next]").isEmpty() ? null : demo.base() + page.selectFirst("a[rel=next]").attr("href");
        }

        assertThat(visible).isEqualTo(10);
        assertThat(sizes).containsExactly(5, 5);
    }
}
