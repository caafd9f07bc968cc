package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The moderation page")
class ModerationTest {

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static HttpClient loggedIn() throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> login = RunningDemo.postForm(client, demo.base() + "/admin/login",
                Map.of("password", RunningDemo.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(303);
        return client;
    }

    @Test
    @DisplayName("asks for the password and refuses a wrong one")
    void wrongPassword() throws Exception {
        HttpClient client = RunningDemo.client();
        Document form = Jsoup.parse(RunningDemo.get(client, demo.base() + "/admin").body());
        assertThat(form.select("input[type=password]")).hasSize(1);
        assertThat(form.select("table.queue")).isEmpty();

        HttpResponse<String> wrong = RunningDemo.postForm(client, demo.base() + "/admin/login",
                Map.of("password", "correct horse battery stapler"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(RunningDemo.get(client, demo.base() + "/admin").body()).select("table.queue")).isEmpty();
    }

    @Test
    @DisplayName("lists the seeded held comment with the reason the engine stored")
    void listsHeldWithReason() throws Exception {
        Document queue = Jsoup.parse(RunningDemo.get(loggedIn(), demo.base() + "/admin").body());

        Element held = queue.select("table.queue tr").stream()
                .filter(row -> row.text().contains("Deals Daily")).findFirst().orElseThrow();
        assertThat(held.select("td.reason").text()).contains("link");
        assertThat(held.select("button")).extracting(Element::text).contains("Approve", "Spam", "Delete");
    }

    @Test
    @DisplayName("approves with the CSRF token, and refuses the same action without it")
    void approveNeedsCsrf() throws Exception {
        HttpClient anonymous = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(anonymous, demo.postUrl(), Map.of("name", "Held Hal",
                "text", "Links: https://x.example/1 https://y.example/2"));
        String id = posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#c-", "");

        HttpClient moderator = loggedIn();
        HttpResponse<String> forged = RunningDemo.postForm(moderator, demo.base() + "/admin/moderate",
                Map.of("id", id, "action", "approve", "csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);

        Document queue = Jsoup.parse(RunningDemo.get(moderator, demo.base() + "/admin").body());
        Element row = queue.getElementById("q-" + id);
        String csrf = row.selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> approved = RunningDemo.postForm(moderator, demo.base() + "/admin/moderate",
                Map.of("id", id, "action", "approve", "csrf", csrf));
        assertThat(approved.statusCode()).isEqualTo(303);

        String page = RunningDemo.get(RunningDemo.client(), demo.base() + demo.post().path() + "/comments/" + id)
                .headers().firstValue("Location").orElseThrow();
        assertThat(Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + page).body())
                .getElementById("c-" + id)).isNotNull();
    }

    @Test
    @DisplayName("moderation actions need a session")
    void actionsNeedSession() throws Exception {
        HttpResponse<String> response = RunningDemo.postForm(RunningDemo.client(), demo.base() + "/admin/moderate",
                Map.of("id", "abc", "action", "delete", "csrf", "x"));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
