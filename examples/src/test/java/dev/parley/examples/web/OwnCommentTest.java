package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Editing and deleting one's own comment, with the cookie and without JavaScript")
class OwnCommentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(builder -> builder.clock(CLOCK));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** A comment posted by a client that keeps its cookie: the client, the comment's id and its page. */
    private record Posted(HttpClient client, String id, String location) {

        String commentPath() {
            return demo.post().path() + "/comments/" + id;
        }

        Document page() throws Exception {
            return Jsoup.parse(RunningDemo.get(client, demo.base() + location).body(), demo.base());
        }

        Element element() throws Exception {
            return page().getElementById("c-" + id);
        }
    }

    private static Posted post(String name, String text) throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(), Map.of("name", name, "text", text));
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return new Posted(client, location.substring(location.indexOf("#c-") + 3), location);
    }

    private static String csrf(Posted posted) throws Exception {
        return posted.element().selectFirst(".own-controls form input[name=csrf]").attr("value");
    }

    /** The comment's text as a stranger reads it on its page. */
    private static String textOf(String id) throws Exception {
        HttpClient stranger = RunningDemo.client();
        HttpResponse<String> permalink = RunningDemo.get(stranger, demo.postUrl() + "/comments/" + id);
        assertThat(permalink.statusCode()).isEqualTo(303);
        Document page = Jsoup.parse(RunningDemo.get(stranger,
                demo.base() + permalink.headers().firstValue("Location").orElseThrow()).body());
        return page.getElementById("c-" + id).selectFirst(".comment-text").text();
    }

    @Test
    @DisplayName("the author's page shows edit and delete controls on their comment; a stranger's does not")
    void controlsForTheAuthorOnly() throws Exception {
        Posted mine = post("Ada", "Controls for me.");

        Element controls = mine.element().selectFirst(".own-controls");
        assertThat(controls).isNotNull();
        assertThat(controls.selectFirst("a.edit").attr("href")).isEqualTo(mine.commentPath() + "/edit");
        assertThat(controls.selectFirst("form").attr("action")).isEqualTo(mine.commentPath() + "/delete");
        assertThat(controls.selectFirst("form").attr("method")).isEqualTo("post");
        assertThat(controls.selectFirst("time").attr("datetime"))
                .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(15)).toString());

        Document stranger = Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + mine.location()).body());
        assertThat(stranger.getElementById("c-" + mine.id())).isNotNull();
        assertThat(stranger.select(".own-controls")).isEmpty();
        assertThat(stranger.select("input[name=csrf]")).isEmpty();
    }

    @Test
    @DisplayName("the edit form holds the text as typed, and saving it redirects to the edited comment")
    void editsWithTheForm() throws Exception {
        Posted mine = post("Ada", "Typed *as is* with <b>tags</b> & https://example.org/x");

        Document form = Jsoup.parse(RunningDemo.get(mine.client(), demo.base() + mine.commentPath() + "/edit").body());
        assertThat(form.selectFirst("form#edit textarea[name=text]").text())
                .isEqualTo("Typed *as is* with <b>tags</b> & https://example.org/x");
        String csrf = form.selectFirst("form#edit input[name=csrf]").attr("value");
        assertThat(csrf).isEqualTo(csrf(mine));

        HttpResponse<String> saved = RunningDemo.postForm(mine.client(), demo.base() + mine.commentPath() + "/edit",
                Map.of("csrf", csrf, "text", "Edited in the form."));

        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("#c-" + mine.id());
        Document page = Jsoup.parse(RunningDemo.get(mine.client(), demo.base() + location).body());
        assertThat(page.getElementById("c-" + mine.id()).selectFirst(".comment-text").text())
                .isEqualTo("Edited in the form.");
    }

    @Test
    @DisplayName("an edit the engine refuses comes back in the form, 400, with the message and the text kept")
    void refusedEditKeepsTheText() throws Exception {
        Posted mine = post("Ada", "Will try an empty edit.");

        HttpResponse<String> refused = RunningDemo.postForm(mine.client(),
                demo.base() + mine.commentPath() + "/edit", Map.of("csrf", csrf(mine), "text", "   "));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("form#edit .errors li").text()).isEqualTo("Please type a comment.");
        assertThat(page.selectFirst("form#edit textarea").attr("aria-describedby")).isEqualTo("edit-error");
        assertThat(textOf(mine.id())).isEqualTo("Will try an empty edit.");
    }

    @Test
    @DisplayName("an edit or delete without the CSRF token, or with a wrong one, is refused 403 and changes nothing")
    void csrfRefused() throws Exception {
        Posted mine = post("Ada", "Guarded by a CSRF token.");
        String edit = demo.base() + mine.commentPath() + "/edit";
        String delete = demo.base() + mine.commentPath() + "/delete";

        assertThat(RunningDemo.postForm(mine.client(), edit, Map.of("text", "forged")).statusCode()).isEqualTo(403);
        assertThat(RunningDemo.postForm(mine.client(), edit, Map.of("csrf", "x" + csrf(mine), "text", "forged"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = RunningDemo.postForm(mine.client(), delete, Map.of());
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(deleted.body()).select("article p").first().text())
                .isEqualTo("This form has expired or did not come from this site. Open the post again and retry.");

        assertThat(textOf(mine.id())).isEqualTo("Guarded by a CSRF token.");
    }

    @Test
    @DisplayName("another visitor's cookie, even with its own valid CSRF token, cannot edit or delete the comment")
    void anotherVisitorsCookieRefused() throws Exception {
        Posted mine = post("Ada", "Mine alone.");
        Posted theirs = post("Eve", "Eve's own comment.");
        String theirCsrf = csrf(theirs);

        assertThat(RunningDemo.get(theirs.client(), demo.base() + mine.commentPath() + "/edit").statusCode())
                .isEqualTo(403);
        HttpResponse<String> edit = RunningDemo.postForm(theirs.client(), demo.base() + mine.commentPath() + "/edit",
                Map.of("csrf", theirCsrf, "text", "taken over"));
        HttpResponse<String> delete = RunningDemo.postForm(theirs.client(),
                demo.base() + mine.commentPath() + "/delete", Map.of("csrf", theirCsrf));

        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(edit.body()).select("article p").first().text())
                .isEqualTo("You can change only your own comments, from the browser you wrote them in.");
        assertThat(textOf(mine.id())).isEqualTo("Mine alone.");
    }

    @Test
    @DisplayName("once the edit window has passed the controls are gone and an edit or delete is refused 409")
    void windowExpiredRefused() throws Exception {
        Posted mine = post("Ada", "Soon frozen.");
        String csrf = csrf(mine);

        CLOCK.advance(Duration.ofMinutes(15));
        try {
            assertThat(mine.element().select(".own-controls")).isEmpty();
            assertThat(RunningDemo.get(mine.client(), demo.base() + mine.commentPath() + "/edit").statusCode())
                    .isEqualTo(409);
            HttpResponse<String> edit = RunningDemo.postForm(mine.client(),
                    demo.base() + mine.commentPath() + "/edit", Map.of("csrf", csrf, "text", "too late"));
            HttpResponse<String> delete = RunningDemo.postForm(mine.client(),
                    demo.base() + mine.commentPath() + "/delete", Map.of("csrf", csrf));

            assertThat(edit.statusCode()).isEqualTo(409);
            assertThat(Jsoup.parse(edit.body()).select("article p").first().text())
                    .isEqualTo("The time to edit this comment has passed.");
            assertThat(delete.statusCode()).isEqualTo(409);
            assertThat(textOf(mine.id())).isEqualTo("Soon frozen.");
        } finally {
            // Later tests post at a later time, so their windows are open again.
            CLOCK.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    @DisplayName("delete removes the comment and redirects to where it was")
    void deletesWithTheForm() throws Exception {
        Posted mine = post("Ada", "Gone soon.");

        HttpResponse<String> deleted = RunningDemo.postForm(mine.client(),
                demo.base() + mine.commentPath() + "/delete", Map.of("csrf", csrf(mine)));

        assertThat(deleted.statusCode()).isEqualTo(303);
        String location = deleted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(demo.post().path()).endsWith("#comments");
        Document page = Jsoup.parse(RunningDemo.get(mine.client(), demo.base() + location).body());
        assertThat(page.getElementById("c-" + mine.id())).isNull();
        assertThat(RunningDemo.get(RunningDemo.client(), demo.base() + "/api/comments/" + mine.id()).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("the JSON API edits and deletes with the page's cookie as with the X-Edit-Token header")
    void apiAcceptsTheCookie() throws Exception {
        Posted mine = post("Ada", "Edited through the API.");
        String url = demo.base() + "/api/comments/" + mine.id();

        HttpResponse<String> edited = RunningDemo.send(mine.client(), url, "PUT", "application/json",
                "{\"text\":\"Changed with the cookie.\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).get("html").asString()).isEqualTo("<p>Changed with the cookie.</p>");
        assertThat(textOf(mine.id())).isEqualTo("Changed with the cookie.");

        Posted theirs = post("Eve", "Eve again.");
        HttpResponse<String> foreign = RunningDemo.send(theirs.client(), url, "DELETE", "application/json", "");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.body()).get("error").get("code").asString()).isEqualTo("bad_token");
        HttpResponse<String> anonymous = RunningDemo.client().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> deleted = mine.client().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(RunningDemo.get(RunningDemo.client(), url).statusCode()).isEqualTo(404);
    }
}
