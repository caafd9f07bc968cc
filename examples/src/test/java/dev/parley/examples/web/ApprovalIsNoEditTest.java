package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("A moderator's approval")
class ApprovalIsNoEditTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final DemoPerClass DEMO = new DemoPerClass();

    private static RunningDemo demo() {
        return DEMO.demo();
    }

    @Test
    @DisplayName("shows no \"edited\" on the page or in the JSON; an edit of the text still does")
    void approvalIsNoEdit() throws Exception {
        HttpResponse<String> created = RunningDemo.api("POST",
                demo().base() + "/api/threads/" + demo().post().slug() + "/comments", "{\"name\":\"Held Hedda\",\"text\":"
                        + "\"Two links hold me: https://a.example/1 https://b.example/2\"}", null);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("comment").get("status").asString()).isEqualTo("pending");
        String id = body.get("comment").get("id").asString();
        String token = body.get("editToken").asString();

        HttpClient moderator = RunningDemo.client();
        assertThat(RunningDemo.postForm(moderator, demo().base() + "/admin/login",
                Map.of("password", RunningDemo.PASSWORD)).statusCode()).isEqualTo(303);
        String csrf = Jsoup.parse(RunningDemo.get(moderator, demo().base() + "/admin").body())
                .getElementById("q-" + id).selectFirst("input[name=csrf]").attr("value");
        assertThat(RunningDemo.postForm(moderator, demo().base() + "/admin/moderate",
                Map.of("id", id, "action", "approve", "csrf", csrf)).statusCode()).isEqualTo(303);

        JsonNode approved = JSON.readTree(RunningDemo.get(RunningDemo.client(),
                demo().base() + "/api/comments/" + id).body());
        assertThat(approved.has("status")).isFalse();
        assertThat(approved.has("edited")).isFalse();
        String pagePath = RunningDemo.get(RunningDemo.client(), demo().base() + demo().post().path() + "/comments/" + id)
                .headers().firstValue("Location").orElseThrow();
        Element comment = Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo().base() + pagePath).body())
                .getElementById("c-" + id);
        assertThat(comment).isNotNull();
        assertThat(comment.text()).doesNotContainIgnoringCase("edited");
        assertThat(comment.select(".dt-updated, time.updated, [datetime]").stream()
                .filter(time -> !time.attr("datetime").equals(approved.get("created").asString()))).isEmpty();

        HttpResponse<String> edited = RunningDemo.api("PUT", demo().base() + "/api/comments/" + id,
                "{\"text\":\"Edited after approval\"}", token);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).has("edited")).isTrue();
    }
}
