package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.StatusCounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo on its embedded stores: a SQLite file (the default) and an H2 file")
class DemoStorageTest {

    private static DemoConfig h2(Path dir) {
        return DemoConfig.from(Map.of("parley.port", "0", "parley.h2.file", dir.resolve("blog").toString(),
                "parley.admin.password", "a-long-enough-password")::get);
    }

    @Test
    @DisplayName("the default SQLite file seeds once and keeps comments and the edit token secret across a restart")
    void sqliteSeedsOnceAndSurvivesRestart(@TempDir Path dir) throws Exception {
        DemoConfig sqlite = DemoConfig.from(Map.of("parley.port", "0", "parley.sqlite.file",
                dir.resolve("data/blog.db").toString(), "parley.admin.password", "a-long-enough-password")::get);
        assertThat(sqlite.store()).isEqualTo(DemoConfig.Store.SQLITE);
        StatusCounts first;
        try (DemoServer server = DemoServer.builder().config(sqlite).build()) {
            server.start();
            first = server.comments().counts(java.util.List.of(server.blog().posts().get(0).thread()))
                    .values().iterator().next();
        }
        assertThat(Files.exists(dir.resolve("data/blog.db"))).as("the directory is created too").isTrue();
        byte[] secret = storedTokenSecret(sqlite);

        try (DemoServer again = DemoServer.builder().config(sqlite).build()) {
            again.start();
            assertThat(again.comments().counts(java.util.List.of(again.blog().posts().get(0).thread()))
                    .values().iterator().next()).isEqualTo(first);
            assertThat(first.approved()).isEqualTo(12);
            assertThat(first.pending()).isEqualTo(1);
        }
        assertThat(storedTokenSecret(sqlite)).isEqualTo(secret);
    }

    @Test
    @DisplayName("an H2 file seeds once, and keeps comments and the edit token secret across a restart")
    void seedsOnceAndSurvivesRestart(@TempDir Path dir) throws Exception {
        StatusCounts first;
        try (DemoServer server = DemoServer.builder().config(h2(dir)).build()) {
            server.start();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + server.blog().posts().get(0).path())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Jonas Weber");
            first = server.comments().counts(java.util.List.of(server.blog().posts().get(0).thread()))
                    .values().iterator().next();
        }
        assertThat(Files.exists(dir.resolve("blog.mv.db"))).isTrue();
        byte[] secret = storedTokenSecret(h2(dir));

        try (DemoServer again = DemoServer.builder().config(h2(dir)).build()) {
            again.start();
            StatusCounts second = again.comments().counts(java.util.List.of(again.blog().posts().get(0).thread()))
                    .values().iterator().next();
            assertThat(second).isEqualTo(first);
            assertThat(first.pending()).isEqualTo(1);
        }
        assertThat(storedTokenSecret(h2(dir))).isEqualTo(secret);
    }

    @Test
    @DisplayName("an H2 demo from before keeps the edit token secret of its file, now stored in the database")
    void adoptsLegacySecretFile(@TempDir Path dir) throws Exception {
        byte[] legacy = new byte[32];
        java.util.Arrays.fill(legacy, (byte) 7);
        Files.writeString(dir.resolve("blog.token-secret"), java.util.Base64.getEncoder().encodeToString(legacy));

        try (DemoServer server = DemoServer.builder().config(h2(dir)).build()) {
            server.start();
        }

        assertThat(storedTokenSecret(h2(dir))).isEqualTo(legacy);
    }

    /** The edit token secret stored in the demo's database; fails if there is none. */
    private static byte[] storedTokenSecret(DemoConfig config) {
        try (DemoStorage storage = DemoStorage.open(config)) {
            return dev.parley.store.jdbc.JdbcSecrets.create(java.util.Objects.requireNonNull(storage.dataSource()))
                    .getOrCreate(DemoEngine.EDIT_TOKEN_SECRET, () -> {
                        throw new AssertionError("no edit token secret is stored");
                    });
        }
    }

    @Test
    @DisplayName("a JDBC URL selects the JDBC store on that database")
    void jdbcUrl() throws Exception {
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.admin.password", "a-long-enough-password",
                "parley.jdbc.url", "jdbc:h2:mem:demo-jdbc-url;DB_CLOSE_DELAY=-1")::get);
        assertThat(config.store()).isEqualTo(DemoConfig.Store.JDBC);

        try (DemoStorage storage = DemoStorage.open(config)) {
            assertThat(storage.store()).isInstanceOf(dev.parley.store.jdbc.JdbcCommentStore.class);
            try (DemoServer server = DemoServer.builder().config(config).store(storage.store()).build()) {
                server.start();
                assertThat(server.comments().counts(java.util.List.of(server.blog().posts().get(0).thread()))
                        .values().iterator().next().approved()).isEqualTo(12);
            }
        }
    }

    @Test
    @DisplayName("closing compacts the H2 file, which grows by a chunk per commit while the demo runs")
    void closeCompactsTheH2File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("blog.mv.db");
        long running;
        try (DemoStorage storage = DemoStorage.open(h2(dir))) {
            for (int i = 0; i < 200; i++) {
                storage.store().insert(dev.parley.storage.tck.Comments.root("c" + i, "compact",
                        dev.parley.storage.tck.Comments.at(i)).build());
            }
            running = Files.size(file);
        }
        assertThat(Files.size(file)).isLessThan(running);
        try (DemoStorage reopened = DemoStorage.open(h2(dir))) {
            assertThat(reopened.store().find(dev.parley.storage.CommentId.of("c199"))).isPresent();
        }
    }
}
