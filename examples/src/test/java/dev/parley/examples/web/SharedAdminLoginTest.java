package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demo instances on one SQLite file, as behind a load balancer: the moderator's sessions and the login
 * throttle live in the database, so both instances see the same ones; and a restart with another configured
 * password ends the sessions of the old one.
 */
@DisplayName("Moderator logins shared by two instances on one database")
class SharedAdminLoginTest {

    private static final String OTHER_PASSWORD = "a different password, changed";

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));

    @TempDir
    Path dir;

    private DemoServer server(String password) throws Exception {
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.store", "sqlite",
                "parley.sqlite.file", dir.resolve("blog.db").toString(), "parley.admin.password", password)::get);
        DemoServer server = DemoServer.builder().config(config).clock(clock).build();
        server.start();
        return server;
    }

    @Test
    @DisplayName("a session started on instance A works on instance B, and logging out on A ends it on B")
    void sessionsAreShared() throws Exception {
        try (DemoServer a = server(RunningDemo.PASSWORD); DemoServer b = server(RunningDemo.PASSWORD)) {
            String cookie = AdminLogins.session(a.baseUrl(), RunningDemo.PASSWORD);
            assertThat(AdminLogins.loggedIn(b.baseUrl(), cookie)).isTrue();

            AdminLogins.logout(a.baseUrl(), cookie);

            assertThat(AdminLogins.loggedIn(b.baseUrl(), cookie)).isFalse();
            assertThat(AdminLogins.loggedIn(a.baseUrl(), cookie)).isFalse();
        }
    }

    @Test
    @DisplayName("wrong passwords spread over both instances are throttled together, counted exactly once each")
    void throttleIsShared() throws Exception {
        try (DemoServer a = server(RunningDemo.PASSWORD); DemoServer b = server(RunningDemo.PASSWORD)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 30; i++) {
                    String base = (i % 2 == 0 ? a : b).baseUrl();
                    String guess = "shared guess " + i;
                    answers.add(pool.submit(() -> AdminLogins.login(base, guess).statusCode()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
                assertThat(statuses).filteredOn(status -> status == 429).hasSize(25);
            } finally {
                pool.shutdownNow();
            }
            HttpResponse<String> right = AdminLogins.login(b.baseUrl(), RunningDemo.PASSWORD);
            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).hasValue("1");

            clock.advance(Duration.ofSeconds(1));
            String cookie = AdminLogins.session(a.baseUrl(), RunningDemo.PASSWORD);
            assertThat(AdminLogins.loggedIn(b.baseUrl(), cookie)).isTrue();
        }
    }

    @Test
    @DisplayName("a session survives a restart with the same password, and a restart with another password ends it")
    void passwordChangeEndsSessions() throws Exception {
        String cookie;
        try (DemoServer first = server(RunningDemo.PASSWORD)) {
            cookie = AdminLogins.session(first.baseUrl(), RunningDemo.PASSWORD);
        }
        try (DemoServer same = server(RunningDemo.PASSWORD)) {
            assertThat(AdminLogins.loggedIn(same.baseUrl(), cookie)).isTrue();
        }
        try (DemoServer changed = server(OTHER_PASSWORD)) {
            assertThat(AdminLogins.loggedIn(changed.baseUrl(), cookie)).isFalse();
            assertThat(AdminLogins.login(changed.baseUrl(), RunningDemo.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(AdminLogins.loggedIn(changed.baseUrl(), AdminLogins.session(changed.baseUrl(), OTHER_PASSWORD)))
                    .isTrue();
        }
        // Back to the old password: the old session stays ended.
        try (DemoServer back = server(RunningDemo.PASSWORD)) {
            assertThat(AdminLogins.loggedIn(back.baseUrl(), cookie)).isFalse();
        }
    }
}
