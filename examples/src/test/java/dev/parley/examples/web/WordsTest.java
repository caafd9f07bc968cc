package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The moderation words: set on /admin/words, used by the next comment, kept in a file")
class WordsTest {

    private static HttpClient loggedIn(String base) throws Exception {
        HttpClient client = RunningDemo.client();
        assertThat(RunningDemo.postForm(client, base + "/admin/login", Map.of("password", RunningDemo.PASSWORD))
                .statusCode()).isEqualTo(303);
        return client;
    }

    private static HttpResponse<String> save(HttpClient client, String base, String hold, String block)
            throws Exception {
        Document page = Jsoup.parse(RunningDemo.get(client, base + "/admin/words").body());
        String csrf = page.selectFirst("form[action=/admin/words] input[name=csrf]").attr("value");
        return RunningDemo.postForm(client, base + "/admin/words", Map.of("csrf", csrf, "hold", hold, "block", block));
    }

    /** Posts through the page's form, as a reader does, and reads back what the engine stored. */
    private static Comment comment(DemoServer server, String text) throws Exception {
        String path = server.blog().posts().get(0).path();
        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), server.baseUrl() + path,
                Map.of("name", "Vera Words", "text", text));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.indexOf("#c-") + 3);
        return server.comments().find(CommentId.of(id)).orElseThrow();
    }

    @Test
    @DisplayName("a hold word holds the next comment that contains it in any case, a block word keeps it as spam")
    void wordsJudgeTheNextComment() throws Exception {
        try (RunningDemo demo = RunningDemo.start()) {
            HttpClient client = loggedIn(demo.base());
            assertThat(comment(demo.server, "Try the casino tonight").status()).isEqualTo(Status.APPROVED);

            HttpResponse<String> saved = save(client, demo.base(), "casino\n\n  Casino \n", "cheap pills\r\n");
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.headers().firstValue("Location")).hasValue("/admin/words?saved=1");
            Document page = Jsoup.parse(RunningDemo.get(client, demo.base() + "/admin/words?saved=1").body());
            assertThat(page.selectFirst(".flash p").text()).isEqualTo("Saved: 1 hold word and 1 block word.");
            assertThat(page.selectFirst("textarea[name=hold]").wholeText()).isEqualTo("casino");

            Comment held = comment(demo.server, "Try the CASINO again");
            assertThat(held.status()).isEqualTo(Status.PENDING);
            assertThat(held.moderationReason()).contains("hold word");
            Comment spam = comment(demo.server, "Cheap Pills for all");
            assertThat(spam.status()).isEqualTo(Status.SPAM);
            assertThat(spam.moderationReason()).contains("block word");
        }
    }

    @Test
    @DisplayName("the words are kept in a file beside the database and read back at the next start")
    void wordsSurviveARestart(@TempDir Path dir) throws Exception {
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.sqlite.file",
                dir.resolve("blog.db").toString(), "parley.admin.password", RunningDemo.PASSWORD)::get);
        try (DemoServer server = DemoServer.builder().config(config).build()) {
            server.start();
            assertThat(save(loggedIn(server.baseUrl()), server.baseUrl(), "casino", "cheap pills\nfake watches")
                    .statusCode()).isEqualTo(303);
        }
        assertThat(Files.readString(dir.resolve("blog.words"))).endsWith("[hold]\ncasino\n[block]\ncheap pills\n"
                + "fake watches\n");

        try (DemoServer server = DemoServer.builder().config(config).build()) {
            server.start();
            Document page = Jsoup.parse(RunningDemo.get(loggedIn(server.baseUrl()), server.baseUrl() + "/admin/words")
                    .body());
            assertThat(page.selectFirst("textarea[name=block]").wholeText()).isEqualTo("cheap pills\nfake watches");
            assertThat(comment(server, "Fake watches, cheap").status()).isEqualTo(Status.SPAM);
        }
    }

    @Test
    @DisplayName("a words file with a word outside [hold] and [block] stops the start, naming the file and line")
    void malformedFileStopsTheStart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("blog.words"), "# my words\ncasino\n[hold]\npoker\n");
        DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.sqlite.file",
                dir.resolve("blog.db").toString(), "parley.admin.password", RunningDemo.PASSWORD)::get);
        try (DemoServer server = DemoServer.builder().config(config).build()) {
            assertThatIllegalArgumentException().isThrownBy(server::start).withMessage("the moderation words in "
                    + dir.resolve("blog.words") + " cannot be used: line 2 is not under [hold] or [block]");
        }
    }

    @Test
    @DisplayName("the words page wants a login and the form's token, and refuses a word too long, keeping the text")
    void wordsPageIsGuarded() throws Exception {
        try (RunningDemo demo = RunningDemo.start()) {
            HttpResponse<String> anonymous = RunningDemo.get(RunningDemo.client(), demo.base() + "/admin/words");
            assertThat(anonymous.statusCode()).isEqualTo(303);
            assertThat(anonymous.headers().firstValue("Location")).hasValue("/admin/login");
            assertThat(RunningDemo.postForm(RunningDemo.client(), demo.base() + "/admin/words",
                    Map.of("hold", "x", "block", "")).statusCode()).isEqualTo(401);
            HttpClient client = loggedIn(demo.base());
            assertThat(RunningDemo.postForm(client, demo.base() + "/admin/words",
                    Map.of("csrf", "forged", "hold", "x", "block", "")).statusCode()).isEqualTo(403);

            String tooLong = "w".repeat(ModerationWords.MAX_WORD_LENGTH + 1);
            HttpResponse<String> refused = save(client, demo.base(), "casino\n" + tooLong, "");
            assertThat(refused.statusCode()).isEqualTo(400);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst(".errors").text())
                    .isEqualTo("Each hold word must be one line of at most 100 characters.");
            assertThat(page.selectFirst("textarea[name=hold]").wholeText()).isEqualTo("casino\n" + tooLong);
            assertThat(demo.server.comments().pipeline().ruleNames()).contains("demo-hold-words", "demo-block-words");
        }
    }
}
