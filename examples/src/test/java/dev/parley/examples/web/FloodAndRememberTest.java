package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A commenter refused by the flood rule learns how long to wait; one who asks to be remembered is. */
@DisplayName("Flood waits and the remember-me cookie")
class FloodAndRememberTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    private RunningDemo demo;

    @BeforeEach
    void start() throws Exception {
        // The demo's real flood interval, on a clock the test moves.
        demo = RunningDemo.start(builder -> builder.clock(clock).settings(Settings.builder().requireEmail(false)
                .holdNewAuthors(false).linkLimit(2).floodInterval(Duration.ofSeconds(15)).build()));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private HttpResponse<String> comment(HttpClient client, Map<String, String> fields) throws Exception {
        return RunningDemo.postForm(client, demo.postUrl(), fields);
    }

    private HttpResponse<String> apiComment(String text) throws Exception {
        return RunningDemo.client().send(HttpRequest.newBuilder(URI.create(demo.base() + "/api/threads/"
                        + demo.post().slug() + "/comments")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\",\"text\":\"" + text + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a second comment within 15 s comes back with Retry-After and the wait in words")
    void secondCommentSaysHowLongToWait() throws Exception {
        HttpClient client = RunningDemo.client();
        assertThat(comment(client, Map.of("name", "Ann", "text", "First")).statusCode()).isEqualTo(303);
        clock.advance(Duration.ofSeconds(4));

        HttpResponse<String> second = comment(client, Map.of("name", "Ann", "text", "Second"));

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.headers().allValues("Retry-After")).containsExactly("11");
        assertThat(Jsoup.parse(second.body()).select("form#respond .errors li").eachText()).containsExactly(
                "You are posting comments too quickly. Please slow down. Try again in 11 seconds.");
        assertThat(Jsoup.parse(second.body()).selectFirst("form#respond textarea").text()).isEqualTo("Second");

        clock.advance(Duration.ofSeconds(11));
        assertThat(comment(client, Map.of("name", "Ann", "text", "Second")).statusCode()).isEqualTo(303);
    }

    @Test
    @DisplayName("the JSON API refuses a flood with Retry-After and retryAfter in the error")
    void apiSaysHowLongToWait() throws Exception {
        assertThat(apiComment("First").statusCode()).isEqualTo(201);
        clock.advance(Duration.ofMillis(14_500));

        HttpResponse<String> second = apiComment("Second");

        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(second.headers().allValues("Retry-After")).containsExactly("1");
        JsonNode error = JSON.readTree(second.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("flood");
        assertThat(error.get("message").asString())
                .isEqualTo("You are posting comments too quickly. Please slow down. Try again in 1 second.");
        assertThat(error.get("retryAfter").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("the remember box is off by default and then no cookie with the author's details is set")
    void rememberIsOffByDefault() throws Exception {
        HttpClient client = RunningDemo.client();
        Document page = Jsoup.parse(RunningDemo.get(client, demo.postUrl()).body());
        Element box = page.selectFirst("form#respond input[name=remember]");
        assertThat(box).isNotNull();
        assertThat(box.attr("type")).isEqualTo("checkbox");
        assertThat(box.hasAttr("checked")).isFalse();

        HttpResponse<String> posted = comment(client, Map.of("name", "Ann", "email", "ann@example.org",
                "text", "Hello"));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("parley_author="));
        Document after = Jsoup.parse(RunningDemo.get(client, demo.postUrl()).body());
        assertThat(after.selectFirst("form#respond input[name=name]").val()).isEmpty();
    }

    @Test
    @DisplayName("ticked, it fills in name, e-mail and website in every form; unticked later, it forgets them")
    void rememberFillsTheFormsUntilUnticked() throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> posted = comment(client, Map.of("name", "Ann Example", "email", "ann@example.org",
                "url", "https://ann.example/", "text", "Remember me", "remember", "on"));

        assertThat(posted.statusCode()).isEqualTo(303);
        List<String> cookies = posted.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("parley_author=")).toList();
        assertThat(cookies).hasSize(1);
        assertThat(cookies.get(0)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/");

        Document page = Jsoup.parse(RunningDemo.get(client, demo.postUrl()).body());
        for (Element form : page.select("form.comment-form")) {
            assertThat(form.selectFirst("input[name=name]").val()).isEqualTo("Ann Example");
            assertThat(form.selectFirst("input[name=email]").val()).isEqualTo("ann@example.org");
            assertThat(form.selectFirst("input[name=url]").val()).isEqualTo("https://ann.example/");
            assertThat(form.selectFirst("input[name=remember]").hasAttr("checked")).isTrue();
            assertThat(form.selectFirst("textarea").text()).isEmpty();
        }
        assertThat(page.select("form.comment-form").size()).isGreaterThan(1);

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> unticked = comment(client, Map.of("name", "Ann Example", "text", "Forget me"));
        assertThat(unticked.statusCode()).isEqualTo(303);
        assertThat(unticked.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("parley_author="))
                .singleElement().satisfies(c -> assertThat(c).startsWith("parley_author=;")
                        .contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        Document forgotten = Jsoup.parse(RunningDemo.get(client, demo.postUrl()).body());
        assertThat(forgotten.selectFirst("form#respond input[name=name]").val()).isEmpty();
        assertThat(forgotten.selectFirst("form#respond input[name=remember]").hasAttr("checked")).isFalse();
    }
}
