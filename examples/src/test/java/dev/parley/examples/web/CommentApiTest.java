package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The JSON API")
class CommentApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final DemoPerClass DEMO = new DemoPerClass();

    private static RunningDemo demo() {
        return DEMO.demo();
    }

    private static String threadUrl() {
        return demo().base() + "/api/threads/" + demo().post().slug() + "/comments";
    }

    @Test
    @DisplayName("reads a page of the thread with nested replies, no private fields, and a next cursor")
    void readsThreadPage() throws Exception {
        HttpResponse<String> response = RunningDemo.get(RunningDemo.client(), threadUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.get("comments").size()).isEqualTo(5);
        assertThat(page.get("comments").get(0).get("replies").get(0).get("replies")).isNotEmpty();
        assertThat(page.get("next").isString()).isTrue();
        assertThat(response.body()).doesNotContain("@reader.example").doesNotContain("192.0.2.10");

        JsonNode second = JSON.readTree(RunningDemo.get(RunningDemo.client(),
                threadUrl() + "?after=" + java.net.URLEncoder.encode(page.get("next").asString(),
                        java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(second.get("comments")).isNotEmpty();
        assertThat(second.get("comments").get(0).get("id").asString())
                .isNotEqualTo(page.get("comments").get(0).get("id").asString());
    }

    @Test
    @DisplayName("posts a reply, edits it and deletes it with its token; a wrong token is 403")
    void postEditDelete() throws Exception {
        String parent = JSON.readTree(RunningDemo.get(RunningDemo.client(), threadUrl()).body())
                .get("comments").get(0).get("id").asString();
        HttpResponse<String> created = RunningDemo.api("POST", threadUrl(),
                "{\"parent\":\"" + parent + "\",\"name\":\"Api Reader\",\"text\":\"First draft\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("comment").get("id").asString();
        String token = body.get("editToken").asString();
        assertThat(body.get("comment").get("depth").asInt()).isEqualTo(1);
        JsonNode thread = JSON.readTree(RunningDemo.get(RunningDemo.client(), threadUrl()).body());
        assertThat(thread.get("comments").get(0).get("replies").findValuesAsString("id")).contains(id);

        String commentUrl = demo().base() + "/api/comments/" + id;
        assertThat(RunningDemo.api("PUT", commentUrl, "{\"text\":\"Hijacked\"}", "not-the-token").statusCode())
                .isEqualTo(403);
        HttpResponse<String> edited = RunningDemo.api("PUT", commentUrl, "{\"text\":\"Second draft\"}", token);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).get("html").asString()).contains("Second draft");
        assertThat(JSON.readTree(edited.body()).has("edited")).isTrue();

        assertThat(RunningDemo.api("DELETE", commentUrl, "", token).statusCode()).isEqualTo(200);
        assertThat(RunningDemo.get(RunningDemo.client(), commentUrl).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a held comment is returned to its author with status pending, and hidden from others")
    void heldCommentVisibleWithToken() throws Exception {
        HttpResponse<String> created = RunningDemo.api("POST", threadUrl(), "{\"name\":\"Linker\",\"text\":"
                + "\"https://a.example/1 https://b.example/2\"}", null);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("comment").get("status").asString()).isEqualTo("pending");
        String id = body.get("comment").get("id").asString();
        String commentUrl = demo().base() + "/api/comments/" + id;

        assertThat(RunningDemo.get(RunningDemo.client(), commentUrl).statusCode()).isEqualTo(404);
        HttpResponse<String> mine = RunningDemo.client().send(HttpRequest.newBuilder(URI.create(commentUrl))
                .header(CommentApiServlet.TOKEN_HEADER, body.get("editToken").asString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("counts several threads in one request; unknown threads count zero")
    void countsManyThreads() throws Exception {
        String url = demo().base() + "/api/counts?thread=" + demo().post().slug() + "&thread="
                + demo().server.blog().posts().get(1).slug() + "&thread=nope";
        JsonNode counts = JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body()).get("counts");

        assertThat(counts.get(demo().post().slug()).asLong()).isGreaterThanOrEqualTo(12);
        assertThat(counts.get(demo().server.blog().posts().get(1).slug()).asLong()).isEqualTo(2);
        assertThat(counts.get("nope").asLong()).isZero();
    }

    @Test
    @DisplayName("bad JSON is a 400 with a JSON error body")
    void badJson() throws Exception {
        HttpResponse<String> response = RunningDemo.api("POST", threadUrl(), "{\"name\": \"x\", \"text\": ", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asString()).isEqualTo("bad_json");
    }

    @Test
    @DisplayName("a rejected comment is a 422 naming the field")
    void rejectedComment() throws Exception {
        HttpResponse<String> response = RunningDemo.api("POST", threadUrl(), "{\"name\":\"x\",\"text\":\"   \"}", null);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("field").asString()).isEqualTo("text");
    }

    @Test
    @DisplayName("a field of the wrong JSON type is a 400")
    void wrongType() throws Exception {
        HttpResponse<String> response = RunningDemo.api("POST", threadUrl(), "{\"name\":[1],\"text\":\"hi\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("a comment posted through the API is on the rendered page")
    void apiCommentOnPage() throws Exception {
        HttpClient client = RunningDemo.client();
        RunningDemo.api("POST", threadUrl(), "{\"name\":\"Page Check\",\"text\":\"Visible on the page too\"}", null);
        String lastPage = demo().postUrl();
        String body = RunningDemo.get(client, lastPage).body();
        while (!body.contains("Visible on the page too")) {
            org.jsoup.nodes.Element next = org.jsoup.Jsoup.parse(body, demo().base()).selectFirst("a[rel=next]");
            assertThat(next).as("a page holds the new comment").isNotNull();
            body = RunningDemo.get(client, next.absUrl("href")).body();
        }
    }
}
