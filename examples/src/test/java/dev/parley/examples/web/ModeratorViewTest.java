package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A logged-in moderator keeps the moderator's view of the post page")
class ModeratorViewTest {

    private static RunningDemo demo;
    private static String session;
    private static Comment held;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
        session = AdminLogins.session(demo.base(), RunningDemo.PASSWORD);
        Document first = Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.postUrl()).body());
        CommentId shown = CommentId.of(first.selectFirst("ol.thread > li.comment").id().substring(2));
        PostResult result = demo.server.comments().post(PostRequest.builder(demo.post().thread(), "A visitor's reply.")
                .inReplyTo(shown).author("Visitor", null, null).build());
        held = demo.server.comments().hold(((PostResult.Accepted) result).comment().id()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Element heldIn(Document page) {
        return page.getElementById("c-" + held.id().value());
    }

    @Test
    @DisplayName("another person's held comment shows its status, not the notice meant for its author")
    void heldCommentOfAnotherHasNoAuthorNotice() throws Exception {
        Document page = Jsoup.parse(AdminLogins.withCookie("GET", demo.postUrl(), session).body());

        Element comment = heldIn(page);
        assertThat(comment).isNotNull();
        assertThat(comment.select(".notice")).isEmpty();
        assertThat(comment.selectFirst(":scope > .moderate .status").text()).isEqualTo("held for moderation");
    }

    @Test
    @DisplayName("an empty form posted by a moderator comes back 400 with the held comment and the moderation controls")
    void refusedFormKeepsTheModeratorView() throws Exception {
        HttpResponse<String> refused = AdminLogins.withCookie("POST", demo.postUrl(), session);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#respond .field-error")).isNotEmpty();
        Element comment = heldIn(page);
        assertThat(comment).isNotNull();
        assertThat(comment.select(":scope > .moderate form button").eachText()).contains("Approve", "Delete");
        assertThat(page.select("ol.thread > li.comment > .moderate")).isNotEmpty();
    }

    @Test
    @DisplayName("a form refused for its size (413) still shows the moderator the held comment and the controls")
    void oversizedFormKeepsTheModeratorView() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo.base(), "POST", demo.post().path(),
                "application/x-www-form-urlencoded", 10L * 1024 * 1024, "name=x&text=".getBytes(StandardCharsets.UTF_8),
                "Cookie: " + session + "\r\n");

        assertThat(answer.status()).isEqualTo(413);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("#respond .field-error").text()).startsWith("Nothing was posted: what you sent");
        Element comment = heldIn(page);
        assertThat(comment).isNotNull();
        assertThat(comment.select(":scope > .moderate form button").eachText()).contains("Approve", "Delete");
    }
}
