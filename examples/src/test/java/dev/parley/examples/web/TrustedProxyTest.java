package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.storage.Comment;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Requests over real HTTP from loopback, which the configuration names as a trusted proxy or not, carrying the
 * headers a TLS-terminating reverse proxy adds.
 */
@DisplayName("Forwarding headers")
class TrustedProxyTest {

    private static RunningDemo demo(String trusted) throws Exception {
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.store", "memory",
                "parley.admin.password", RunningDemo.PASSWORD, DemoConfig.PROXY_TRUSTED, trusted)::get);
        // The demo's real flood rule: one comment per address per interval (an hour, so no test outruns it).
        return RunningDemo.start(builder -> builder.config(config).settings(Settings.builder().requireEmail(false)
                .holdNewAuthors(false).linkLimit(2).floodInterval(Duration.ofHours(1)).build()));
    }

    /** Posts the page's comment form with extra headers, as the proxy would forward it. */
    private static HttpResponse<String> comment(RunningDemo demo, String name, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.postUrl()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RunningDemo.form(Map.of("name", name, "text", "Hello from " + name)), StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return RunningDemo.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String storedIp(RunningDemo demo, String name) {
        List<Comment> recent = demo.server.comments().queue(Set.of(Status.APPROVED),
                PageRequest.first(Order.NEWEST_FIRST, 20)).items();
        return recent.stream().filter(comment -> comment.author().name().equals(name)).findFirst()
                .map(comment -> String.valueOf(comment.author().ip())).orElseThrow();
    }

    private static List<String> cookies(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).isNotEmpty();
        return cookies;
    }

    private static HttpResponse<String> login(RunningDemo demo, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.base() + "/admin/login"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RunningDemo.form(Map.of("password", RunningDemo.PASSWORD))));
        request.headers(headers);
        return RunningDemo.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("from a trusted proxy, X-Forwarded-For gives the stored IP and X-Forwarded-Proto https makes every"
            + " cookie Secure")
    void xForwardedFromTrustedProxy() throws Exception {
        try (RunningDemo demo = demo("127.0.0.1")) {
            HttpResponse<String> posted = comment(demo, "Ann",
                    "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https");
            HttpResponse<String> loggedIn = login(demo,
                    "X-Forwarded-For", "198.51.100.8", "X-Forwarded-Proto", "https");

            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(storedIp(demo, "Ann")).isEqualTo("198.51.100.7");
            assertThat(cookies(posted)).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
            assertThat(loggedIn.statusCode()).isEqualTo(303);
            assertThat(cookies(loggedIn)).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        }
    }

    @Test
    @DisplayName("from a trusted proxy, the RFC 7239 Forwarded header gives the client's address and scheme")
    void forwardedFromTrustedProxy() throws Exception {
        try (RunningDemo demo = demo("10.0.0.0/8, 127.0.0.0/8")) {
            HttpResponse<String> posted = comment(demo, "Bea", "Forwarded", "for=203.0.113.9;proto=https");
            HttpResponse<String> ipv6 = comment(demo, "Cem", "Forwarded", "for=\"[2001:db8::17]:4711\";proto=https");

            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(storedIp(demo, "Bea")).isEqualTo("203.0.113.9");
            assertThat(cookies(posted)).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
            assertThat(ipv6.statusCode()).isEqualTo(303);
            assertThat(storedIp(demo, "Cem")).contains("2001:db8:");
        }
    }

    @Test
    @DisplayName("the client's address is the right-most hop not a trusted proxy: a forged left-most hop is not"
            + " believed")
    void forgedLeftMostHopIsIgnored() throws Exception {
        try (RunningDemo demo = demo("127.0.0.1, 10.0.0.0/8")) {
            // The client sent "X-Forwarded-For: 192.0.2.66"; two trusted proxies appended what they saw.
            comment(demo, "Dan", "X-Forwarded-For", "192.0.2.66, 198.51.100.20, 10.1.2.3");
            comment(demo, "Eve", "Forwarded", "for=192.0.2.67, for=198.51.100.21;proto=https, for=10.1.2.3");

            assertThat(storedIp(demo, "Dan")).isEqualTo("198.51.100.20");
            assertThat(storedIp(demo, "Eve")).isEqualTo("198.51.100.21");
        }
    }

    @Test
    @DisplayName("behind a trusted proxy the flood rule counts each reader's address, not the proxy's")
    void floodRulePerForwardedReader() throws Exception {
        try (RunningDemo demo = demo("127.0.0.1")) {
            assertThat(comment(demo, "Fay", "X-Forwarded-For", "198.51.100.30").statusCode()).isEqualTo(303);
            assertThat(comment(demo, "Gus", "X-Forwarded-For", "198.51.100.31").statusCode()).isEqualTo(303);
            assertThat(comment(demo, "Fay again", "X-Forwarded-For", "198.51.100.30").statusCode()).isEqualTo(400);
        }
    }

    @Test
    @DisplayName("from a peer that is not a trusted proxy, every forwarding header is ignored")
    void untrustedPeerIsIgnored() throws Exception {
        try (RunningDemo demo = demo("10.0.0.0/8")) {
            HttpResponse<String> posted = comment(demo, "Hal", "X-Forwarded-For", "198.51.100.40",
                    "X-Forwarded-Proto", "https", "Forwarded", "for=203.0.113.40;proto=https");
            HttpResponse<String> loggedIn = login(demo, "X-Forwarded-Proto", "https", "Forwarded", "proto=https");

            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(storedIp(demo, "Hal")).isEqualTo("127.0.0.1");
            assertThat(cookies(posted)).allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
            assertThat(cookies(loggedIn)).allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
        }
    }

    @Test
    @DisplayName("with no trusted proxy configured (the default), forwarding headers are ignored")
    void noTrustedProxyByDefault() throws Exception {
        try (RunningDemo demo = RunningDemo.start()) {
            HttpResponse<String> posted = comment(demo, "Ida", "X-Forwarded-For", "198.51.100.50",
                    "X-Forwarded-Proto", "https");

            assertThat(storedIp(demo, "Ida")).isEqualTo("127.0.0.1");
            assertThat(cookies(posted)).allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
        }
    }
}
