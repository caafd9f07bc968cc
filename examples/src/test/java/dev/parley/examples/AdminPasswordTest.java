package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The generated moderation password: kept across restarts, owner-only, told once")
class AdminPasswordTest {

    private static DemoConfig sqlite(Path dir, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("parley.port", "0", "parley.sqlite.file",
                dir.resolve("data/blog.db").toString()));
        settings.putAll(more);
        return DemoConfig.from(settings::get);
    }

    private static int login(DemoServer server, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @DisplayName("a generated password is written beside the database file, readable by its owner only, and the"
            + " next start reads it back instead of generating another")
    void generatedPasswordIsKeptOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/blog.admin-password");
        String password;
        try (DemoServer server = DemoServer.builder().config(sqlite(dir, Map.of())).build()) {
            server.start();
            AdminPassword generated = server.adminPassword();
            assertThat(generated.source()).isEqualTo(AdminPassword.Source.GENERATED);
            assertThat(generated.file()).isEqualTo(file);
            password = generated.password();
            assertThat(login(server, password)).isEqualTo(303);
        }
        assertThat(Files.readString(file)).isEqualTo(password + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        DemoConfig again = sqlite(dir, Map.of());
        assertThat(again.adminPassword()).as("a new candidate each time the configuration is read")
                .isNotEqualTo(password);
        try (DemoServer server = DemoServer.builder().config(again).build()) {
            server.start();
            assertThat(server.adminPassword()).isEqualTo(new AdminPassword(password, AdminPassword.Source.KEPT, file));
            assertThat(login(server, password)).isEqualTo(303);
            assertThat(login(server, again.adminPassword())).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("a kept password file that others may read is narrowed to its owner")
    void widerPermissionsAreNarrowed(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("data")).resolve("blog.admin-password");
        Files.writeString(file, "kept-password-of-twenty\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AdminPassword kept = AdminPassword.resolve(sqlite(dir, Map.of()), null);

        assertThat(kept.password()).isEqualTo("kept-password-of-twenty");
        assertThat(kept.source()).isEqualTo(AdminPassword.Source.KEPT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("a configured password is used as it is and no file is written; the in-memory store keeps none")
    void configuredAndInMemoryPasswordsAreNotKept(@TempDir Path dir) {
        AdminPassword configured = AdminPassword.resolve(
                sqlite(dir, Map.of("parley.admin.password", "a-long-enough-password")), null);
        assertThat(configured).isEqualTo(new AdminPassword("a-long-enough-password",
                AdminPassword.Source.CONFIGURED, null));
        assertThat(dir.resolve("data")).doesNotExist();

        DemoConfig memory = DemoConfig.from(Map.of("parley.store", "memory")::get);
        assertThat(AdminPassword.resolve(memory, null)).isEqualTo(new AdminPassword(memory.adminPassword(),
                AdminPassword.Source.THIS_START_ONLY, null));
    }
}
