package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import dev.parley.core.privacy.ErasureMode;
import dev.parley.examples.DemoConfig;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance 4 of issue 15: after a moderator erases a commenter on {@code /admin/privacy}, nothing of their
 * e-mail address, IP address or User-Agent (nor their name, web site or an avatar derived from the address) is
 * in any public output: the post page, the JSON API and the Atom feed.
 */
@DisplayName("Export and erase by e-mail address on /admin/privacy")
class PrivacyEraseTest {

    private static final String EMAIL = "Erase.Me@Example.org";
    private static final String IP = "198.51.100.99";
    private static final String USER_AGENT = "EraseMeAgent/9.9 (privacy test)";
    private static final String NAME = "Ann Erasable";
    private static final String SITE = "https://ann-erasable.example/";

    /** The demo behind a trusted proxy on loopback, so each comment's IP is the one the test forwards. */
    private static RunningDemo demo() throws Exception {
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.store", "memory",
                "parley.admin.password", RunningDemo.PASSWORD, DemoConfig.PROXY_TRUSTED, "127.0.0.1")::get);
        // Every root on one page, so the post page shows the whole thread, seeded conversation included.
        // A freshness window far longer than the test: an erasure must show at once because it forgets the
        // instance's recent reads, not because a second went by.
        return RunningDemo.start(builder -> builder.config(config).rootsPerPage(100).settings(Settings.builder().requireEmail(false)
                .holdNewAuthors(false).linkLimit(2).floodInterval(Duration.ZERO).build())
                .freshness(Duration.ofHours(1)));
    }

    private static void post(RunningDemo demo, String name, String email, String site, String ip, String agent,
            String text, String parent) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("url", site);
        fields.put("text", text);
        fields.put("parent", parent);
        HttpResponse<String> posted = RunningDemo.client().send(HttpRequest.newBuilder(URI.create(demo.postUrl()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", ip)
                .header("User-Agent", agent)
                .POST(HttpRequest.BodyPublishers.ofString(RunningDemo.form(fields), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    private static Comment find(RunningDemo demo, String text) {
        List<Comment> found = demo.server.comments().search(CommentSearch.of(EnumSet.allOf(Status.class))
                .containing(text), PageRequest.first(Order.NEWEST_FIRST, 10)).items();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** Ann's root, Bob's reply to it, Ann's reply to Bob, and Ann's second root that nobody answered. */
    private static void conversation(RunningDemo demo) throws Exception {
        post(demo, NAME, EMAIL, SITE, IP, USER_AGENT, "Ann opens the thread", "");
        post(demo, "Bob", "bob@example.org", "", "198.51.100.5", "BobAgent/1", "Bob answers Ann",
                find(demo, "Ann opens the thread").id().value());
        post(demo, NAME, EMAIL, SITE, IP, USER_AGENT, "Ann answers Bob", find(demo, "Bob answers Ann").id().value());
        post(demo, NAME, EMAIL, SITE, IP, USER_AGENT, "Ann says more", "");
    }

    /** The post page, the JSON API's thread and the Atom feed, as any reader fetches them. */
    private static Map<String, String> publicOutputs(RunningDemo demo) throws Exception {
        HttpClient reader = RunningDemo.client();
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String url : List.of(demo.postUrl(),
                demo.base() + "/api/threads/" + demo.post().slug() + "/comments?limit=100",
                demo.base() + "/feed/" + demo.post().slug())) {
            HttpResponse<String> response = RunningDemo.get(reader, url);
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            outputs.put(url, response.body());
        }
        return outputs;
    }

    /** The avatar shown beside Ann's unanswered comment: the closest ancestor of its text that holds one. */
    private static String annsAvatar(RunningDemo demo) throws Exception {
        Document page = Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.postUrl()).body());
        org.jsoup.nodes.Element element = page.getElementsContainingOwnText("Ann says more").first();
        while (element != null && element.selectFirst("img.avatar") == null) {
            element = element.parent();
        }
        assertThat(element).isNotNull();
        return element.selectFirst("img.avatar").attr("src");
    }

    private static String csrf(HttpClient admin, RunningDemo demo) throws Exception {
        Document page = Jsoup.parse(RunningDemo.get(admin, demo.base() + "/admin/privacy").body());
        return page.selectFirst("form[action=/admin/privacy] input[name=csrf]").attr("value");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ErasureMode.class)
    @DisplayName("after an erase, no e-mail address, IP, User-Agent, name, site or address-derived avatar of the"
            + " commenter is in the post page, the JSON API or the feed")
    void eraseLeavesNothingInPublicOutput(ErasureMode mode) throws Exception {
        try (RunningDemo demo = demo()) {
            conversation(demo);
            String avatar = annsAvatar(demo);
            Map<String, String> before = publicOutputs(demo);
            assertThat(before.values()).allSatisfy(body -> assertThat(body).contains(NAME));
            assertThat(before.get(demo.postUrl())).contains(avatar).contains(SITE);
            assertThat(find(demo, "Ann says more").author().ip()).isEqualTo(IP);
            assertThat(find(demo, "Ann says more").author().userAgent()).isEqualTo(USER_AGENT);

            HttpClient admin = WordsTest.loggedIn(demo.base());
            HttpResponse<String> erased = RunningDemo.postForm(admin, demo.base() + "/admin/privacy", Map.of(
                    "csrf", csrf(admin, demo), "email", "erase.me@example.ORG", "action", "erase",
                    "mode", mode.name().toLowerCase(Locale.ROOT), "confirm", "yes"));

            assertThat(erased.statusCode()).isEqualTo(303);
            assertThat(erased.headers().firstValue("Location")).hasValue(mode == ErasureMode.ANONYMIZE
                    ? "/admin/privacy?erased=1&anonymized=3&placeholders=0&purged=0&subscriptions=0"
                    : "/admin/privacy?erased=1&anonymized=0&placeholders=1&purged=2&subscriptions=0");
            Map<String, String> after = publicOutputs(demo);
            for (Map.Entry<String, String> output : after.entrySet()) {
                assertThat(output.getValue().toLowerCase(Locale.ROOT)).as(output.getKey())
                        .doesNotContain("erase.me@example.org", IP, USER_AGENT.toLowerCase(Locale.ROOT),
                                NAME.toLowerCase(Locale.ROOT), "ann-erasable.example", avatar.toLowerCase(Locale.ROOT));
                assertThat(output.getValue()).as(output.getKey()).contains("Bob answers Ann");
            }
            Document page = Jsoup.parse(RunningDemo.get(admin, demo.base() + erased.headers().firstValue("Location")
                    .orElseThrow()).body());
            assertThat(page.selectFirst(".flash p").text()).startsWith("Erased: ");
        }
    }

    @Test
    @DisplayName("export downloads every comment of the address as moderator JSON, private fields included")
    void exportDownloadsTheAddressesComments() throws Exception {
        try (RunningDemo demo = demo()) {
            conversation(demo);
            HttpClient admin = WordsTest.loggedIn(demo.base());

            HttpResponse<String> export = RunningDemo.postForm(admin, demo.base() + "/admin/privacy",
                    Map.of("csrf", csrf(admin, demo), "email", EMAIL, "action", "export"));

            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"parley-export.json\"");
            assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(export.body()).startsWith("{\"email\":\"erase.me@example.org\"").contains(IP, USER_AGENT,
                    "Ann opens the thread", "Ann answers Bob", "Ann says more").doesNotContain("Bob answers Ann");
        }
    }

    @Test
    @DisplayName("the forms need the session's CSRF token, a login, and for an erase the confirmation box")
    void formsAreGuarded() throws Exception {
        try (RunningDemo demo = demo()) {
            conversation(demo);
            HttpClient admin = WordsTest.loggedIn(demo.base());
            String url = demo.base() + "/admin/privacy";

            assertThat(RunningDemo.postForm(admin, url, Map.of("csrf", "forged", "email", EMAIL, "action", "export"))
                    .statusCode()).isEqualTo(403);
            assertThat(RunningDemo.postForm(RunningDemo.client(), url, Map.of("email", EMAIL, "action", "export"))
                    .statusCode()).isEqualTo(401);
            assertThat(RunningDemo.get(RunningDemo.client(), url).statusCode()).isEqualTo(303);
            HttpResponse<String> unconfirmed = RunningDemo.postForm(admin, url, Map.of("csrf", csrf(admin, demo),
                    "email", EMAIL, "action", "erase", "mode", "delete"));
            assertThat(unconfirmed.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(unconfirmed.body()).selectFirst(".errors").text())
                    .isEqualTo("Tick the box to confirm: erasing cannot be undone.");
            assertThat(find(demo, "Ann says more").author().ip()).isEqualTo(IP);
        }
    }
}
