package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The author's edit and delete controls show exactly where the engine takes the change")
class OwnControlsMatchTheEngineTest {

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** A comment posted from a client that keeps its cookie. */
    private record Posted(HttpClient client, CommentId id, String location) {

        Element element() throws Exception {
            Document page = Jsoup.parse(RunningDemo.get(client, demo.base() + location).body());
            return page.getElementById("c-" + id.value());
        }

        String path() {
            return demo.post().path() + "/comments/" + id.value();
        }
    }

    private static Posted post(String name, String text, CommentId parent) throws Exception {
        HttpClient client = RunningDemo.client();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("text", text);
        if (parent != null) {
            fields.put("parent", parent.value());
        }
        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(), fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return new Posted(client, CommentId.of(location.substring(location.indexOf("#c-") + 3)), location);
    }

    private static Comment reply(CommentId to, String text) {
        PostResult result = demo.server.comments().post(PostRequest.builder(demo.post().thread(), text)
                .inReplyTo(to).author("Replier", null, null).build());
        return ((PostResult.Accepted) result).comment();
    }

    @Test
    @DisplayName("a comment at the deepest level answered by a reply hung beside it shows no controls")
    void flattenedReplyTakesTheControlsAway() throws Exception {
        CommentService comments = demo.server.comments();
        CommentId parent = null;
        for (int level = 0; level < comments.settings().maxDepth(); level++) {
            parent = reply(parent, "Level " + level).id();
        }
        Posted deepest = post("Ada", "At the deepest level.", parent);
        assertThat(deepest.element().select(".own-controls")).hasSize(1);

        Comment flattened = reply(deepest.id(), "Answering beside it.");

        assertThat(flattened.parentId()).isEqualTo(parent);
        assertThat(flattened.inReplyToId()).isEqualTo(deepest.id());
        assertThat(deepest.element().select(".own-controls")).isEmpty();
        assertThat(RunningDemo.get(deepest.client(), demo.base() + deepest.path() + "/edit").statusCode())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("a comment whose only reply awaits moderation, unseen by its author, shows no controls")
    void heldReplyTakesTheControlsAway() throws Exception {
        Posted mine = post("Ada", "Soon answered.", null);
        assertThat(mine.element().select(".own-controls")).hasSize(1);

        Comment held = reply(mine.id(), "A held answer.");
        demo.server.comments().hold(held.id());

        assertThat(demo.server.comments().find(held.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
        Element element = mine.element();
        assertThat(element.select(".replies")).isEmpty();
        assertThat(element.select(".own-controls")).isEmpty();
    }

    @Test
    @DisplayName("the edit form counts a line break as one character, as the textarea's maxlength does")
    void lineBreaksCountOnce() throws Exception {
        Posted mine = post("Ada", "Two lines soon.", null);
        String csrf = mine.element().selectFirst(".own-controls form input[name=csrf]").attr("value");
        int max = demo.server.comments().settings().maxTextLength();
        String line = "x".repeat(max / 3 - 1);
        String lines = line + "\n" + line + "\n" + "x".repeat(max - 2 * line.length() - 2);
        assertThat(lines).hasSize(max);

        HttpResponse<String> saved = RunningDemo.postForm(mine.client(), demo.base() + mine.path() + "/edit",
                Map.of("csrf", csrf, "text", lines.replace("\n", "\r\n")));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(demo.server.comments().find(mine.id()).orElseThrow().text()).isEqualTo(lines);
    }

    @Test
    @DisplayName("the author's held comment tells them it awaits moderation")
    void heldCommentNoticeForItsAuthor() throws Exception {
        Posted mine = post("Ada", "Held, and I should know.", null);
        demo.server.comments().hold(mine.id());

        assertThat(mine.element().select(".notice").eachText())
                .containsExactly("Your comment is awaiting moderation. Only you can see it for now.");
    }
}
