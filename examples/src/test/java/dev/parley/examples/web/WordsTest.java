package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StoreException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The moderation words: set on /admin/words, used by the next comment, kept in the database")
class WordsTest {

    static HttpClient loggedIn(String base) throws Exception {
        HttpClient client = RunningDemo.client();
        assertThat(RunningDemo.postForm(client, base + "/admin/login", Map.of("password", RunningDemo.PASSWORD))
                .statusCode()).isEqualTo(303);
        return client;
    }

    static HttpResponse<String> save(HttpClient client, String base, String hold, String block)
            throws Exception {
        Document page = Jsoup.parse(RunningDemo.get(client, base + "/admin/words").body());
        String csrf = page.selectFirst("form[action=/admin/words] input[name=csrf]").attr("value");
        return RunningDemo.postForm(client, base + "/admin/words", Map.of("csrf", csrf, "hold", hold, "block", block));
    }

    /**
     * Posts through the page's form, as a reader does, and reads back what the engine stored (found by its text:
     * a comment kept as spam is not on the page the reader is sent to, so the redirect does not name it).
     */
    static Comment comment(DemoServer server, String text) throws Exception {
        String path = server.blog().posts().get(0).path();
        HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), server.baseUrl() + path,
                Map.of("name", "Vera Words", "text", text));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        List<Comment> found = server.comments().search(CommentSearch.of(EnumSet.allOf(Status.class)).containing(text),
                PageRequest.first(Order.NEWEST_FIRST, 10)).items().stream()
                .filter(comment -> comment.text().equals(text)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
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
    @DisplayName("the words are kept in the database, one row, and read back at the next start")
    void wordsSurviveARestart(@TempDir Path dir) throws Exception {
        DemoConfig config = sqlite(dir);
        try (DemoServer server = DemoServer.builder().config(config).build()) {
            server.start();
            assertThat(save(loggedIn(server.baseUrl()), server.baseUrl(), "casino", "cheap pills\nfake watches")
                    .statusCode()).isEqualTo(303);
        }
        assertThat(Files.exists(dir.resolve("blog.words"))).isFalse();
        assertThat(row(dir)).containsExactly("casino", "cheap pills\nfake watches");

        try (DemoServer server = DemoServer.builder().config(config).build()) {
            server.start();
            Document page = Jsoup.parse(RunningDemo.get(loggedIn(server.baseUrl()), server.baseUrl() + "/admin/words")
                    .body());
            assertThat(page.selectFirst("textarea[name=block]").wholeText()).isEqualTo("cheap pills\nfake watches");
            assertThat(page.selectFirst(".byline").text()).endsWith("Kept in the database (table "
                    + "parley_demo_moderation_words), shared by every instance: the others use a change within 5 "
                    + "seconds.");
            assertThat(comment(server, "Fake watches, cheap").status()).isEqualTo(Status.SPAM);
        }
    }

    @Test
    @DisplayName("words in the table past the limits stop the start, naming the table and the problem")
    void invalidStoredWordsStopTheStart(@TempDir Path dir) throws Exception {
        DemoConfig config = sqlite(dir);
        try (DemoServer server = DemoServer.builder().config(config).build()) {
            server.start();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("blog.db"));
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE parley_demo_moderation_words SET block_words = '"
                    + "w".repeat(ModerationWords.MAX_WORD_LENGTH + 1) + "'")).isEqualTo(1);
        }
        try (DemoServer server = DemoServer.builder().config(config).build()) {
            assertThatExceptionOfType(StoreException.class).isThrownBy(server::start).withMessage("the moderation "
                    + "words in table parley_demo_moderation_words cannot be used: Each block word must be one line "
                    + "of at most 100 characters.");
        }
    }

    private static DemoConfig sqlite(Path dir) {
        return DemoConfig.from(Map.of("parley.port", "0", "parley.sqlite.file", dir.resolve("blog.db").toString(),
                "parley.admin.password", RunningDemo.PASSWORD)::get);
    }

    /** The hold and block columns of the words row, read with the driver. */
    private static List<String> row(Path dir) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("blog.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, hold_words, block_words FROM parley_demo_moderation_words")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            List<String> row = List.of(rows.getString(2), rows.getString(3));
            assertThat(rows.next()).isFalse();
            return row;
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
