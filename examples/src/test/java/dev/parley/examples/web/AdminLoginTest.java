package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Logging in to the moderation page (in-memory store)")
class AdminLoginTest {

    /** Attempts answered before the first refusal, written out so a changed default is seen. */
    private static final int FREE_ATTEMPTS = 5;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    private RunningDemo demo;

    @BeforeEach
    void start() throws Exception {
        demo = RunningDemo.start(builder -> builder.clock(clock));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    @DisplayName("after 200 wrong passwords the right one is refused with 429 and Retry-After until the delay"
            + " has passed, and the delay doubles with each further attempt")
    void wrongPasswordsThrottle() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(AdminLogins.login(demo.base(), "wrong guess number " + i).statusCode());
        }
        assertThat(statuses.subList(0, FREE_ATTEMPTS)).containsOnly(401);
        assertThat(statuses.subList(FREE_ATTEMPTS, 200)).containsOnly(429);

        HttpResponse<String> right = AdminLogins.login(demo.base(), RunningDemo.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(right.body()).contains("Too many login attempts");

        clock.advance(Duration.ofMillis(999));
        assertThat(AdminLogins.login(demo.base(), RunningDemo.PASSWORD).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        // One more wrong one is counted: the 6th blocks for 2 s.
        assertThat(AdminLogins.login(demo.base(), "still wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> again = AdminLogins.login(demo.base(), RunningDemo.PASSWORD);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).hasValue("2");
        clock.advance(Duration.ofSeconds(2));
        String cookie = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);
        assertThat(AdminLogins.loggedIn(demo.base(), cookie)).isTrue();

        // The successful login reset the counts: a typo right after is a plain 401, not a delay.
        assertThat(AdminLogins.login(demo.base(), "a typo").statusCode()).isEqualTo(401);
        assertThat(AdminLogins.login(demo.base(), RunningDemo.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    @DisplayName("40 wrong passwords sent at once get exactly 5 answers of 401: the others are refused")
    void parallelGuessesAreCountedAtomically() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String guess = "parallel guess " + i;
                answers.add(pool.submit(() -> AdminLogins.login(demo.base(), guess).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(FREE_ATTEMPTS);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(40 - FREE_ATTEMPTS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a failed attempt is logged at WARN with the client's address, never with the password")
    void failedAttemptIsLogged() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(AdminLogins.login(demo.base(), "swordfish-guess-1234").statusCode()).isEqualTo(401);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN").contains("failed moderator login from 127.0.0.1");
        assertThat(log).doesNotContain("swordfish");
    }

    @Test
    @DisplayName("a copied session cookie stops working once its session logs out")
    void logoutEndsCopiedCookie() throws Exception {
        String cookie = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);
        String copy = cookie;
        assertThat(AdminLogins.loggedIn(demo.base(), copy)).isTrue();

        AdminLogins.logout(demo.base(), cookie);

        assertThat(AdminLogins.loggedIn(demo.base(), copy)).isFalse();
        assertThat(AdminLogins.withCookie("POST", demo.base() + "/admin/moderate", copy).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("two logins at the same instant get different sessions, and ending one leaves the other")
    void loginsGetDistinctSessions() throws Exception {
        String first = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);
        String second = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);
        assertThat(second).isNotEqualTo(first);
        // 256 random bits, base64url without padding.
        assertThat(first.substring(AdminSession.COOKIE.length() + 1)).matches("[A-Za-z0-9_-]{43}");

        AdminLogins.logout(demo.base(), first);
        assertThat(AdminLogins.loggedIn(demo.base(), first)).isFalse();
        assertThat(AdminLogins.loggedIn(demo.base(), second)).isTrue();
    }

    @Test
    @DisplayName("the session cookie is HttpOnly, SameSite and scoped to the site (the post pages show moderators"
            + " their controls), and expires after 8 hours")
    void cookieAttributesAndExpiry() throws Exception {
        HttpResponse<String> login = AdminLogins.login(demo.base(), RunningDemo.PASSWORD);
        String header = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(header).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/;");
        String cookie = header.split(";", 2)[0];

        clock.advance(AdminSession.LIFETIME.minusSeconds(1));
        assertThat(AdminLogins.loggedIn(demo.base(), cookie)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(AdminLogins.loggedIn(demo.base(), cookie)).isFalse();
    }
}
