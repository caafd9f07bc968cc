package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.avatar.AvatarHash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The demo's avatar URLs")
class AvatarKeyTest {

    /** A reader of the seeded conversation, with her e-mail address. */
    private static final String READER = "Jonas Weber";
    private static final String READER_EMAIL = "jonas@reader.example";

    private static DemoConfig sqlite(Path file) {
        return DemoConfig.from(Map.of("parley.port", "0", "parley.sqlite.file", file.toString(),
                "parley.admin.password", "a-long-enough-password")::get);
    }

    private static String avatarOf(DemoServer server) throws Exception {
        String slug = DemoContent.posts().get(0).slug();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/posts/" + slug)).build(),
                HttpResponse.BodyHandlers.ofString());
        Element avatar = Jsoup.parse(page.body()).selectFirst("img.avatar[title=" + READER + "]");
        assertThat(avatar).as("the seeded reader's avatar").isNotNull();
        String src = avatar.attr("src");
        HttpResponse<String> api = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/threads/" + slug + "/comments?limit=100"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode comment : JsonMapper.builder().build().readTree(api.body()).get("comments")) {
            if (comment.get("author").get("name").asString().equals(READER)) {
                assertThat(comment.get("author").get("avatar").asString()).as("the API's avatar").isEqualTo(src);
            }
        }
        return src;
    }

    @Test
    @DisplayName("carry no plain hash of the e-mail, stay the same after a restart on the same database, and"
            + " differ on a database with another secret")
    void keyedUnderTheSitesSecret(@TempDir Path dir) throws Exception {
        String first;
        try (DemoServer server = DemoServer.builder().config(sqlite(dir.resolve("a.db"))).build()) {
            server.start();
            first = avatarOf(server);
        }
        String afterRestart;
        try (DemoServer again = DemoServer.builder().config(sqlite(dir.resolve("a.db"))).build()) {
            again.start();
            afterRestart = avatarOf(again);
        }
        String otherSite;
        try (DemoServer other = DemoServer.builder().config(sqlite(dir.resolve("b.db"))).build()) {
            other.start();
            otherSite = avatarOf(other);
        }

        String plain = AvatarHash.ofEmail(READER_EMAIL).hex();
        // The demo's earlier key: a hash of the plain hash under a fixed prefix, which anyone can recompute.
        String unsalted = AvatarHash.ofKey("parley-demo-avatar:" + plain).hex();
        assertThat(first).matches("/avatars/[0-9a-f]{64}\\.svg").doesNotContain(plain).doesNotContain(unsalted);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(otherSite).isNotEqualTo(first).doesNotContain(plain).doesNotContain(unsalted);
    }
}
