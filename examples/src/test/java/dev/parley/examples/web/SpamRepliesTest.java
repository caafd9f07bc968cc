package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Replies of a comment marked spam")
class SpamRepliesTest {

    private static final String SPAM_TEXT = "Visit my shop for the cheapest prices ever";

    private static RunningDemo demo;
    private static String rootId;
    private static String spamId;
    private static String replyId;

    @BeforeAll
    static void answerACommentThenMarkItSpam() throws Exception {
        demo = RunningDemo.start();
        HttpClient reader = RunningDemo.client();
        rootId = post(reader, Map.of("name", "Rita", "text", "A question about the post."));
        spamId = post(reader, Map.of("name", "Spammy Sam", "email", "sam@spam.example",
                "text", SPAM_TEXT, "parent", rootId));
        replyId = post(reader, Map.of("name", "Bob", "text", "Rita, I had the same question.", "parent", spamId));

        HttpClient moderator = loggedIn();
        Document queue = Jsoup.parse(RunningDemo.get(moderator, demo.base() + "/admin").body());
        String csrf = queue.selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> marked = RunningDemo.postForm(moderator, demo.base() + "/admin/moderate",
                Map.of("id", spamId, "action", "spam", "csrf", csrf));
        assertThat(marked.statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String post(HttpClient client, Map<String, String> form) throws Exception {
        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(), form);
        assertThat(posted.statusCode()).isEqualTo(303);
        return posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#c-", "");
    }

    private static HttpClient loggedIn() throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> login = RunningDemo.postForm(client, demo.base() + "/admin/login",
                Map.of("password", RunningDemo.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(303);
        return client;
    }

    /** Follows a comment's permalink to the page that holds it. */
    private static Document pageOf(String id) throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> permalink = RunningDemo.get(client, demo.base() + demo.post().path() + "/comments/" + id);
        assertThat(permalink.statusCode()).isEqualTo(303);
        String page = permalink.headers().firstValue("Location").orElseThrow();
        return Jsoup.parse(RunningDemo.get(client, demo.base() + page).body());
    }

    @Test
    @DisplayName("the post page shows a placeholder in its place, with the reply still nested under it")
    void pageShowsAPlaceholderAboveTheReply() throws Exception {
        Document page = pageOf(replyId);

        Element placeholder = page.getElementById("c-" + spamId);
        assertThat(placeholder).isNotNull();
        assertThat(placeholder.parent().parent().id()).isEqualTo("c-" + rootId);
        assertThat(placeholder.selectFirst(".comment-body").text()).isEqualTo("This comment was deleted.");
        assertThat(placeholder.select("> ol.replies > li").eachAttr("id")).containsExactly("c-" + replyId);
        assertThat(page.getElementById("c-" + replyId).text()).contains("Bob", "I had the same question");
        assertThat(page.html()).doesNotContain(SPAM_TEXT, "Spammy Sam", "spam.example");
    }

    @Test
    @DisplayName("the JSON API shows the placeholder without anything of the spam")
    void apiShowsAPlaceholderWithoutContent() throws Exception {
        String json = RunningDemo.get(RunningDemo.client(),
                demo.base() + "/api/threads/" + demo.post().slug() + "/comments?limit=100").body();

        assertThat(json).contains("{\"id\":\"" + spamId + "\",\"kind\":\"comment\",\"created\":");
        assertThat(json).contains("\"placeholder\":true,\"replies\":[{\"id\":\"" + replyId + "\"");
        assertThat(json).doesNotContain(SPAM_TEXT, "Spammy Sam", "spam.example");
    }

    @Test
    @DisplayName("the moderation page lists the spam with the number of replies still shown and a link to them")
    void moderationPageListsTheRepliesUnderSpam() throws Exception {
        HttpClient moderator = loggedIn();
        Document queue = Jsoup.parse(RunningDemo.get(moderator, demo.base() + "/admin").body());

        Element row = queue.getElementById("q-" + spamId);
        assertThat(row).isNotNull();
        assertThat(row.text()).contains(SPAM_TEXT);
        assertThat(row.selectFirst(".under-placeholder").text())
                .startsWith("1 reply is still shown under a placeholder");
        String link = row.selectFirst("a.in-thread").attr("href");
        assertThat(link).endsWith("#c-" + spamId);

        Document thread = Jsoup.parse(RunningDemo.get(moderator, demo.base() + link).body());
        assertThat(thread.getElementById("c-" + spamId).select("ol.replies > li").eachAttr("id"))
                .containsExactly("c-" + replyId);
    }
}
