package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The admin's posts across restarts, and the settings checked at start")
class PostsRestartTest {

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("on the SQLite file, a restart keeps written, edited and deleted posts as they were, and seeds no"
            + " built-in post again")
    void survivesRestartOnSqlite(@TempDir Path dir) throws Exception {
        DemoConfig sqlite = DemoConfig.from(Map.of("parley.port", "0", "parley.sqlite.file",
                dir.resolve("blog.db").toString(), "parley.admin.password", "a-long-enough-password")::get);
        String builtIn = DemoContent.posts().get(0).slug();
        String edited = DemoContent.posts().get(1).slug();
        try (DemoServer server = DemoServer.builder().config(sqlite).build()) {
            server.start();
            Blog blog = server.blog();
            assertThat(blog.create(new PostDraft("written", "Written", "See https://a.example/")))
                    .isInstanceOf(PostSave.Saved.class);
            assertThat(blog.update(new PostDraft(edited, "Edited title", "Edited text")))
                    .isInstanceOf(PostSave.Saved.class);
            assertThat(blog.delete(builtIn)).isPresent();
        }

        try (DemoServer again = DemoServer.builder().config(sqlite).build()) {
            again.start();
            assertThat(again.blog().posts()).extracting(Post::slug).containsExactly("written", edited);
            HttpResponse<String> written = get(again.baseUrl() + "/posts/written");
            assertThat(written.statusCode()).isEqualTo(200);
            assertThat(written.body()).contains("<a href=\"https://a.example/\">https://a.example/</a>");
            assertThat(get(again.baseUrl() + "/posts/" + edited).body()).contains("Edited title", "Edited text");
            assertThat(get(again.baseUrl() + "/posts/" + builtIn).statusCode()).isEqualTo(410);
            assertThat(again.comments().counts(java.util.List.of(DemoContent.posts().get(0).thread()))
                    .values().iterator().next().approved()).as("the conversation was seeded once").isEqualTo(12);
        }
    }

    @Test
    @DisplayName("the demo refuses to start on a bad parley.fetch.allow, saying which entry and why")
    void badFetchAllowStopsTheStart(@TempDir Path dir) {
        assertThatThrownBy(() -> DemoProcess.start(Map.of("parley.port", "0", "parley.store", "memory",
                "parley.admin.password", "a-long-enough-password", "parley.fetch.allow", "localhost:8081")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the demo did not start")
                .hasMessageContaining("invalid demo configuration: parley.fetch.allow entries must be a loopback IP"
                        + " address and a port, like 127.0.0.1:8081 or [::1]:8081 (host names are not resolved),"
                        + " but holds \"localhost:8081\"");
    }
}
