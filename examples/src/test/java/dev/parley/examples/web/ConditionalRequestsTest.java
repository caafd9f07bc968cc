package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.CommentId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entity tags, 304 answers and cache policies of the three thread views (post page, thread JSON, feed) for each
 * viewer's variant, and that the cache of anonymous renders never shows a held comment to anyone but its author
 * and the moderator.
 */
@DisplayName("Conditional requests and cached renders of the thread views")
class ConditionalRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static final String HELD_TEXT = "Held: https://one.example/a and https://two.example/b here.";

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(builder -> builder.clock(CLOCK));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String pageUrl() {
        return demo.postUrl();
    }

    private static String jsonUrl() {
        return demo.base() + "/api/threads/" + demo.post().slug() + "/comments";
    }

    private static String feedUrl() {
        return demo.base() + "/feed/" + demo.post().slug();
    }

    /** A GET with no cookie handler, carrying the given headers (name, value, name, value...). */
    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    /** The name=value pairs of the cookies a response set, as one Cookie header. */
    private static String cookies(HttpResponse<?> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
    }

    private static void assertRevalidates(String url, String cacheControl, @Nullable String vary, String... headers)
            throws Exception {
        HttpResponse<String> first = get(url, headers);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(cacheControl);
        assertThat(first.headers().firstValue("Vary")).isEqualTo(java.util.Optional.ofNullable(vary));
        String tag = etag(first);
        assertThat(tag).matches("\"[aom][0-9a-z]*-[A-Za-z0-9_-]{22}\"");

        String[] conditional = java.util.Arrays.copyOf(headers, headers.length + 2);
        conditional[headers.length] = "If-None-Match";
        conditional[headers.length + 1] = tag;
        HttpResponse<String> again = get(url, conditional);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(etag(again)).isEqualTo(tag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue(cacheControl);
        assertThat(again.headers().firstValue("Vary")).isEqualTo(java.util.Optional.ofNullable(vary));

        conditional[headers.length + 1] = "\"other\", W/" + tag;
        assertThat(get(url, conditional).statusCode()).as("weak comparison in a list").isEqualTo(304);
        conditional[headers.length + 1] = "\"other\"";
        HttpResponse<String> stale = get(url, conditional);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(first.body());
    }

    @Test
    @DisplayName("the anonymous page, JSON and feed are tagged, public, revalidated, and answered 304 when current")
    void anonymousViewsAnswer304() throws Exception {
        assertRevalidates(pageUrl(), "public, max-age=0, must-revalidate", "Cookie");
        assertRevalidates(pageUrl() + "?after=" + nextCursor(), "public, max-age=0, must-revalidate", "Cookie");
        assertRevalidates(jsonUrl(), "public, max-age=0, must-revalidate", "Cookie, X-Edit-Token");
        assertRevalidates(jsonUrl() + "?limit=2&order=newest", "public, max-age=0, must-revalidate",
                "Cookie, X-Edit-Token");
        assertRevalidates(feedUrl(), "public, max-age=0, must-revalidate", null);
        // A cookie that selects nothing on the page (a host's own, say) leaves the reader anonymous.
        assertRevalidates(pageUrl(), "public, max-age=0, must-revalidate", "Cookie", "Cookie", "theme=dark");
        assertThat(etag(get(pageUrl(), "Cookie", "theme=dark"))).isEqualTo(etag(get(pageUrl()))).startsWith("\"a");
    }

    private static String nextCursor() throws Exception {
        return JSON.readTree(get(jsonUrl() + "?limit=5").body()).get("next").asString();
    }

    @Test
    @DisplayName("an author's, a remembered reader's and a moderator's views are tagged apart, private, and 304 too")
    void personalViewsArePrivate() throws Exception {
        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), pageUrl(),
                Map.of("name", "Owner", "text", "Mine, with edit controls.", "remember", "on"));
        assertThat(posted.statusCode()).isEqualTo(303);
        String authorCookies = cookies(posted);
        assertThat(authorCookies).contains(EditTokenCookie.NAME + "=");
        String token = JSON.readTree(RunningDemo.api("POST", jsonUrl(), "{\"name\":\"Api\",\"text\":\"By API.\"}",
                null).body()).get("editToken").asString();
        String moderator = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);

        assertRevalidates(pageUrl(), "private, no-cache", "Cookie", "Cookie", authorCookies);
        assertRevalidates(jsonUrl(), "private, no-cache", "Cookie, X-Edit-Token", "Cookie", authorCookies);
        assertRevalidates(jsonUrl(), "private, no-cache", "Cookie, X-Edit-Token", CommentApiServlet.TOKEN_HEADER,
                token);
        assertRevalidates(pageUrl(), "private, no-cache", "Cookie", "Cookie", moderator);
        assertThat(etag(get(pageUrl(), "Cookie", authorCookies))).startsWith("\"o");
        assertThat(etag(get(pageUrl(), "Cookie", moderator))).startsWith("\"m");
        // The feed is the same for everyone.
        assertRevalidates(feedUrl(), "public, max-age=0, must-revalidate", null, "Cookie", moderator);

        // Remembered details alone prefill the form: not the anonymous bytes either.
        String remembered = authorCookies.replaceAll(EditTokenCookie.NAME + "=[^;]*(; )?", "");
        assertThat(remembered).contains(RememberCookie.NAME + "=");
        HttpResponse<String> prefilled = get(pageUrl(), "Cookie", remembered);
        assertThat(prefilled.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(prefilled.body()).contains("value=\"Owner\"");
        assertThat(get(pageUrl()).body()).doesNotContain("value=\"Owner\"");
        // An anonymous tag held by a personal viewer never earns a 304.
        assertThat(get(pageUrl(), "Cookie", authorCookies, "If-None-Match", etag(get(pageUrl()))).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("a post, a reply, an edit and a moderation each change the tag of the page, the JSON and the feed")
    void everyWriteChangesTheTags() throws Exception {
        List<String> tags = tags();
        JsonNode created = JSON.readTree(RunningDemo.api("POST", jsonUrl(), "{\"name\":\"Ida\",\"text\":\"First.\"}",
                null).body());
        List<String> afterPost = assertAllChanged(tags);

        String id = created.get("comment").get("id").asString();
        HttpResponse<String> edited = RunningDemo.api("PUT", demo.base() + "/api/comments/" + id,
                "{\"text\":\"First, edited.\"}", created.get("editToken").asString());
        assertThat(edited.statusCode()).isEqualTo(200);
        List<String> afterEdit = assertAllChanged(afterPost);
        assertThat(get(pageUrl() + "?after=" + lastPageCursor()).body()).contains("First, edited.");

        RunningDemo.api("POST", jsonUrl(), "{\"name\":\"Jo\",\"parent\":\"" + id + "\",\"text\":\"A reply.\"}", null);
        List<String> afterReply = assertAllChanged(afterEdit);

        assertThat(demo.server.comments().hold(CommentId.of(id))).isPresent();
        assertAllChanged(afterReply);
        assertThat(get(jsonUrl() + "?order=newest&limit=5").body()).doesNotContain("First, edited.");
    }

    private static String lastPageCursor() throws Exception {
        JsonNode page = JSON.readTree(get(jsonUrl() + "?order=newest&limit=1").body());
        String id = page.get("comments").get(0).get("id").asString();
        String location = get(demo.base() + demo.post().path() + "/comments/" + id).headers()
                .firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("after=") + "after=".length(), location.indexOf('#'));
    }

    private static List<String> tags() throws Exception {
        return List.of(etag(get(pageUrl())), etag(get(jsonUrl())), etag(get(feedUrl())));
    }

    private static List<String> assertAllChanged(List<String> before) throws Exception {
        List<String> now = tags();
        for (int i = 0; i < now.size(); i++) {
            assertThat(now.get(i)).as("view %d", i).isNotEqualTo(before.get(i));
            String url = List.of(pageUrl(), jsonUrl(), feedUrl()).get(i);
            assertThat(get(url, "If-None-Match", before.get(i)).statusCode()).isEqualTo(200);
            assertThat(get(url, "If-None-Match", now.get(i)).statusCode()).isEqualTo(304);
        }
        return now;
    }

    @Test
    @DisplayName("a held comment shows to its author and the moderator, never through a cached anonymous render")
    void heldCommentNeverLeaks() throws Exception {
        String moderator = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);
        String newest = jsonUrl() + "?order=newest&limit=3";
        // Warm the anonymous renders first.
        String anonymousPage = get(pageUrl()).body();
        String anonymousJson = get(newest).body();
        assertThat(anonymousPage + anonymousJson).doesNotContain("Held:");

        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), pageUrl(),
                Map.of("name", "Linky", "text", HELD_TEXT));
        assertThat(posted.statusCode()).isEqualTo(303);
        String author = cookies(posted);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String heldPage = demo.base() + location.substring(0, location.indexOf('#'));
        // A moderator sees other held roots too: their page that shows it is found through its permalink.
        String permalink = demo.base() + demo.post().path() + "/comments/" + location.substring(location.indexOf("#c-")
                + 3);
        String moderated = get(permalink, "Cookie", moderator).headers().firstValue("Location").orElseThrow();
        String moderatorPage = demo.base() + moderated.substring(0, moderated.indexOf('#'));

        for (int round = 0; round < 3; round++) {
            assertThat(get(heldPage).body()).doesNotContain("Held:");
            assertThat(get(newest).body()).doesNotContain("Held:");
            assertThat(get(feedUrl(), "Cookie", author).body()).doesNotContain("Held:");
            assertThat(get(heldPage, "Cookie", author).body()).contains("Held:").contains("awaiting moderation");
            assertThat(get(newest, "Cookie", author).body()).contains("Held:");
            assertThat(get(moderatorPage, "Cookie", moderator).body()).contains("Held:");
            assertThat(get(moderatorPage).body()).doesNotContain("Held:");
            assertThat(get(heldPage, "Cookie", "theme=dark").body()).doesNotContain("Held:");
        }
        // The author's tag, offered by an anonymous reader, earns the anonymous bytes, not a 304.
        String authorTag = etag(get(heldPage, "Cookie", author));
        HttpResponse<String> anonymous = get(heldPage, "If-None-Match", authorTag);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("Held:");
    }

    @Test
    @DisplayName("the author's tag changes when their edit window closes, so a 304 never keeps stale controls")
    void editWindowClosingChangesTheAuthorsTag() throws Exception {
        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), pageUrl(),
                Map.of("name", "Quick", "text", "Editable for a while."));
        String author = cookies(posted);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String page = demo.base() + location.substring(0, location.indexOf('#'));
        HttpResponse<String> open = get(page, "Cookie", author);
        assertThat(open.body()).contains("own-controls");
        String tag = etag(open);
        assertThat(get(page, "Cookie", author, "If-None-Match", tag).statusCode()).isEqualTo(304);

        CLOCK.advance(demo.server.comments().settings().editWindow().plusSeconds(1));

        HttpResponse<String> closed = get(page, "Cookie", author, "If-None-Match", tag);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).doesNotContain("own-controls");
        assertThat(etag(closed)).isNotEqualTo(tag);
    }
}
