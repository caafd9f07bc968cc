package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Request bodies: limits derived from the text limit, and a clean 413 on every endpoint")
class BodyLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The longest text the engine takes, in a character that is 3 bytes in UTF-8 and 9 in a form. */
    private static final String LONGEST_CJK = "語".repeat(65_535);
    /** Ten megabytes: far over every limit. */
    private static final long HUGE = 10L * 1024 * 1024;

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String slug() {
        return demo.post().slug();
    }

    @Test
    @DisplayName("the limits leave room for the longest text in any characters: 9 bytes a character in a form, 6 in JSON")
    void limitsFollowTheTextLimit() {
        assertThat(BodyLimits.DEFAULT.formBytes()).isEqualTo(65_535 * 9 + 65_536).isEqualTo(655_351);
        assertThat(BodyLimits.DEFAULT.jsonBytes()).isEqualTo(65_535 * 6 + 65_536).isEqualTo(458_746);
        assertThat(BodyLimits.DEFAULT.forPath("/api/threads/x/comments")).isEqualTo(BodyLimits.DEFAULT.jsonBytes());
        assertThat(BodyLimits.DEFAULT.forPath("/posts/x")).isEqualTo(BodyLimits.DEFAULT.formBytes());
    }

    @Test
    @DisplayName("65,535 CJK characters post through the comment form")
    void longestCjkTextThroughTheForm() throws Exception {
        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), demo.postUrl(),
                Map.of("name", "Kanji", "text", LONGEST_CJK));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    @Test
    @DisplayName("65,535 CJK characters post through the JSON API, raw and as \\u escapes")
    void longestCjkTextThroughTheApi() throws Exception {
        HttpClient client = RunningDemo.client();
        String url = demo.base() + "/api/threads/" + slug() + "/comments";
        HttpResponse<String> raw = RunningDemo.send(client, url, "POST", "application/json",
                "{\"name\":\"Kanji\",\"text\":\"" + LONGEST_CJK + "\"}");
        HttpResponse<String> escaped = RunningDemo.send(client, url, "POST", "application/json",
                "{\"name\":\"Kanji\",\"text\":\"" + "\\u8a9e".repeat(65_535) + "\"}");

        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
        assertThat(escaped.statusCode()).as(escaped.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("a 10 MB body to the JSON API gets 413 with the API's JSON error, before it is sent")
    void apiRefusesHugeBody() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", "/api/threads/" + slug() + "/comments",
                "application/json", HUGE, "{\"text\":\"".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("too_large");
        assertThat(error.get("message").asString()).contains(Integer.toString(BodyLimits.DEFAULT.jsonBytes()));
    }

    @Test
    @DisplayName("a JSON body just over the API's limit gets 413 too, though a form may be that long")
    void apiRefusesBodyJustOverItsLimit() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", "/api/threads/" + slug() + "/comments",
                "application/json", BodyLimits.DEFAULT.jsonBytes() + 1L, new byte[0]);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).get("error").get("code").asString()).isEqualTo("too_large");
    }

    @Test
    @DisplayName("a 10 MB comment form gets 413 with the post page and its form, before it is sent")
    void commentFormRefusesHugeBody() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", demo.post().path(),
                "application/x-www-form-urlencoded", HUGE, "name=x&text=".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).contains("larger than this page takes").contains("id=\"respond\"")
                .contains("/static/parley.css");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    @Test
    @DisplayName("a chunked comment form over the limit gets 413 while it is still being sent")
    void chunkedFormOverTheLimit() throws Exception {
        RawHttp.Answer answer = RawHttp.chunked(demo.base(), demo.post().path(), "application/x-www-form-urlencoded",
                HUGE, (byte) 'a');

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
    }

    @Test
    @DisplayName("a 10 MB pingback gets 413 with an XML-RPC fault")
    void pingbackRefusesHugeBody() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", "/pingback", "text/xml", HUGE,
                "<?xml version=\"1.0\"?><methodCall>".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/xml");
        assertThat(answer.body()).contains("<fault>").contains("faultCode");
    }

    @Test
    @DisplayName("a 10 MB TrackBack ping gets 413 with a TrackBack error response")
    void trackbackRefusesHugeBody() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", "/trackback/" + slug(),
                "application/x-www-form-urlencoded", HUGE, "url=".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/xml");
        assertThat(answer.body()).contains("<error>1</error>");
    }

    @Test
    @DisplayName("a 10 MB Webmention gets 413 in plain text")
    void webmentionRefusesHugeBody() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", "/webmention",
                "application/x-www-form-urlencoded", HUGE, "source=".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(answer.body()).contains("too large");
    }

    @Test
    @DisplayName("10 MB admin forms (login, post editing) get 413 with the site's page")
    void adminFormsRefuseHugeBodies() throws Exception {
        for (String path : new String[] {"/admin", "/admin/posts"}) {
            RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", path,
                    "application/x-www-form-urlencoded", HUGE, "password=".getBytes(StandardCharsets.UTF_8));

            assertThat(answer.status()).as(path).isEqualTo(413);
            assertThat(answer.header("Content-Type")).as(path).startsWith("text/html");
        }
    }
}
