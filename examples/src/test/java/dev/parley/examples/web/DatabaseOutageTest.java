package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.examples.Post;
import dev.parley.store.jdbc.PostgresServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("A database outage: 503 with Retry-After in each endpoint's shape, and nothing internal shown")
class DatabaseOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Words of a driver's or pool's message, or a stack trace: none may reach a client. */
    private static final List<String> INTERNALS = List.of("sql", "exception", "jdbc", "hikari", "postgres",
            "connection", "org.", "java.", "dev.parley");

    private static PostgresServer postgres;
    private static DemoServer server;
    private static Post post;

    @BeforeAll
    static void startThenStopTheDatabase() throws Exception {
        postgres = PostgresServer.start();
        String jdbcUrl = postgres.createDatabase("parley_outage");
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.jdbc.url", jdbcUrl,
                "parley.jdbc.user", PostgresServer.USER, "parley.admin.password", RunningDemo.PASSWORD)::get);
        server = DemoServer.builder().config(config)
                .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).floodInterval(Duration.ZERO)
                        .build())
                // No freshness window: within one, an anonymous page read just before the outage would still be
                // served from the render cache, which is the point of the window but not what this test is about.
                .freshness(Duration.ZERO)
                .build();
        server.start();
        post = server.blog().posts().get(0);
        assertThat(RunningDemo.get(RunningDemo.client(), server.baseUrl() + post.path()).statusCode())
                .as("the page before the outage").isEqualTo(200);
        postgres.close();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void assertUnavailable(HttpResponse<String> response, String contentType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
        for (String internal : INTERNALS) {
            assertThat(response.body()).doesNotContainIgnoringCase(internal);
        }
    }

    @Test
    @DisplayName("a post page answers 503 with the site's page")
    void postPage() throws Exception {
        HttpResponse<String> page = RunningDemo.get(RunningDemo.client(), server.baseUrl() + post.path());

        assertUnavailable(page, "text/html");
        assertThat(page.body()).contains("/static/parley.css").contains("try again");
    }

    @Test
    @DisplayName("the JSON API answers 503 with its JSON error, reading and posting")
    void api() throws Exception {
        HttpClient client = RunningDemo.client();
        String url = server.baseUrl() + "/api/threads/" + post.slug() + "/comments";
        HttpResponse<String> read = RunningDemo.get(client, url);
        HttpResponse<String> posted = RunningDemo.send(client, url, "POST", "application/json",
                "{\"name\":\"Api\",\"text\":\"During the outage\"}");

        for (HttpResponse<String> response : List.of(read, posted)) {
            assertUnavailable(response, "application/json");
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asString()).isEqualTo("unavailable");
            assertThat(error.get("message").asString()).isNotBlank();
        }
    }

    @Test
    @DisplayName("the comment form answers 503 with the site's page")
    void commentForm() throws Exception {
        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), server.baseUrl() + post.path(),
                Map.of("name", "Form", "text", "During the outage"));

        assertUnavailable(posted, "text/html");
    }
}
