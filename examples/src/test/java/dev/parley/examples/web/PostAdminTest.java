package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.Post;
import dev.parley.examples.PostListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The admin's posts: write, edit and delete with plain forms")
class PostAdminTest {

    /** What the listener heard, in order. */
    record Heard(String kind, String slug, URI url, String html) {
    }

    private static final List<Heard> heard = new CopyOnWriteArrayList<>();
    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(builder -> builder.postListener(new PostListener() {
            @Override
            public void saved(Post post, URI url, String html) {
                heard.add(new Heard("saved", post.slug(), url, html));
            }

            @Override
            public void deleted(Post post, URI url) {
                heard.add(new Heard("deleted", post.slug(), url, ""));
            }
        }));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void forget() {
        heard.clear();
    }

    private static HttpClient loggedIn() throws Exception {
        HttpClient client = RunningDemo.client();
        assertThat(RunningDemo.postForm(client, demo.base() + "/admin/login", Map.of("password", RunningDemo.PASSWORD))
                .statusCode()).isEqualTo(303);
        return client;
    }

    private static Document page(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = RunningDemo.get(client, demo.base() + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), demo.base());
    }

    private static String csrf(HttpClient client) throws Exception {
        return page(client, "/admin/posts/new").selectFirst("form.post-form input[name=csrf]").attr("value");
    }

    private static HttpResponse<String> create(HttpClient client, String slug, String title, String body)
            throws Exception {
        return RunningDemo.postForm(client, demo.base() + "/admin/posts/new",
                Map.of("csrf", csrf(client), "slug", slug, "title", title, "body", body));
    }

    @Test
    @DisplayName("needs the moderator's login: its pages redirect to the login, its forms answer 401")
    void needsLogin() throws Exception {
        HttpClient anonymous = RunningDemo.client();

        HttpResponse<String> list = RunningDemo.get(anonymous, demo.base() + "/admin/posts");
        assertThat(list.statusCode()).isEqualTo(303);
        assertThat(list.headers().firstValue("Location")).hasValue("/admin");
        assertThat(RunningDemo.get(anonymous, demo.base() + "/admin/posts/new").statusCode()).isEqualTo(303);
        assertThat(RunningDemo.postForm(anonymous, demo.base() + "/admin/posts/new",
                Map.of("csrf", "x", "slug", "sneaky", "title", "T", "body", "B")).statusCode()).isEqualTo(401);
        assertThat(demo.server.blog().find("sneaky")).isEmpty();
        assertThat(page(loggedIn(), "/admin").select("a[href=/admin/posts]")).hasSize(1);
    }

    @Test
    @DisplayName("publishes a post from the form; its page shows the links rendered, and the listener hears its URL"
            + " and HTML")
    void publishes() throws Exception {
        HttpClient admin = loggedIn();
        HttpResponse<String> forged = RunningDemo.postForm(admin, demo.base() + "/admin/posts/new",
                Map.of("csrf", "forged", "slug", "forged-post", "title", "T", "body", "B"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(demo.server.blog().find("forged-post")).isEmpty();

        HttpResponse<String> created = create(admin, "on-linking", "On linking",
                "I liked [Priya's reply](https://priya.example/replies/1) a lot.\n\n"
                        + "More at https://fieldnotes.example/2026/links. <b>Not bold</b>");

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/posts");
        String html = "<p>I liked <a href=\"https://priya.example/replies/1\">Priya&#39;s reply</a> a lot.</p>"
                + "<p>More at <a href=\"https://fieldnotes.example/2026/links\">https://fieldnotes.example/2026/links"
                + "</a>. &lt;b&gt;Not bold&lt;/b&gt;</p>";
        assertThat(heard).containsExactly(
                new Heard("saved", "on-linking", URI.create(demo.base() + "/posts/on-linking"), html));

        HttpResponse<String> page = RunningDemo.get(RunningDemo.client(), demo.base() + "/posts/on-linking");
        assertThat(page.statusCode()).isEqualTo(200);
        Document document = Jsoup.parse(page.body(), demo.base());
        assertThat(document.select("h1.p-name").text()).isEqualTo("On linking");
        assertThat(document.selectFirst(".e-content").html().replace("\n", "")).isEqualTo(
                Jsoup.parseBodyFragment(html).body().html().replace("\n", ""));
        assertThat(document.select(".e-content a").eachAttr("href"))
                .containsExactly("https://priya.example/replies/1", "https://fieldnotes.example/2026/links");
        assertThat(document.select(".e-content b")).isEmpty();
        assertThat(Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + "/").body())
                .select("ul.posts a").eachText()).first().isEqualTo("On linking");
        Element row = page(admin, "/admin/posts").getElementById("post-on-linking");
        assertThat(row.select("a.edit").attr("href")).isEqualTo("/admin/posts/on-linking/edit");
    }

    @Test
    @DisplayName("a form with several problems comes back (400) with each message next to its field and the text as"
            + " typed")
    void reportsEveryProblem() throws Exception {
        HttpClient admin = loggedIn();
        String taken = demo.post().slug();

        HttpResponse<String> rejected = create(admin, taken, "  ", "x".repeat(20_001));

        assertThat(rejected.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(rejected.body());
        assertThat(form.select(".errors[role=alert]").text()).contains("not saved");
        assertThat(form.getElementById("title-error").text()).isEqualTo("Give the post a title.");
        assertThat(form.getElementById("slug-error").text()).contains("already has the slug " + taken);
        assertThat(form.getElementById("body-error").text())
                .isEqualTo("The text is too long: 20001 characters, at most 20000.");
        assertThat(form.selectFirst("input[name=title]").attr("aria-describedby")).isEqualTo("title-error");
        assertThat(form.selectFirst("input[name=title]").parent().nextElementSibling().id()).isEqualTo("title-error");
        assertThat(form.selectFirst("textarea[name=body]").parent().nextElementSibling().id()).isEqualTo("body-error");
        assertThat(form.selectFirst("input[name=slug]").attr("value")).isEqualTo(taken);
        assertThat(form.selectFirst("textarea[name=body]").text()).hasSize(20_001);
        assertThat(heard).isEmpty();
        assertThat(demo.server.blog().posts()).extracting(Post::title).doesNotContain("");
    }

    @Test
    @DisplayName("the longest text saves in the characters that make the largest form (180 KB URL-encoded), and its"
            + " page shows it whole")
    void longestText() throws Exception {
        String body = "\u8a9e".repeat(20_000);

        HttpResponse<String> created = create(loggedIn(), "longest", "Longest", body);

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(demo.server.blog().post("longest").orElseThrow().body()).isEqualTo(body);
        assertThat(RunningDemo.get(RunningDemo.client(), demo.base() + "/posts/longest").body()).contains(body);
    }

    @Test
    @DisplayName("edits a post: title and text change, the slug never does, and the listener hears the new HTML")
    void edits() throws Exception {
        HttpClient admin = loggedIn();
        assertThat(create(admin, "to-edit", "Before", "Old text https://old.example/").statusCode()).isEqualTo(303);
        heard.clear();

        Document form = page(admin, "/admin/posts/to-edit/edit");
        assertThat(form.select("input[name=slug]")).isEmpty();
        assertThat(form.selectFirst("input[name=title]").attr("value")).isEqualTo("Before");
        assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo("Old text https://old.example/");
        String csrf = form.selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> saved = RunningDemo.postForm(admin, demo.base() + "/admin/posts/to-edit/edit",
                Map.of("csrf", csrf, "slug", "renamed", "title", "After", "body", "New text [new](https://new.example/)"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(demo.server.blog().find("renamed")).isEmpty();
        Post post = demo.server.blog().post("to-edit").orElseThrow();
        assertThat(post.title()).isEqualTo("After");
        assertThat(post.updatedAt()).isAfterOrEqualTo(post.publishedAt());
        assertThat(heard).containsExactly(new Heard("saved", "to-edit", URI.create(demo.base() + "/posts/to-edit"),
                "<p>New text <a href=\"https://new.example/\">new</a></p>"));
        assertThat(Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + "/posts/to-edit").body())
                .select(".e-content a").eachAttr("href")).containsExactly("https://new.example/");

        HttpResponse<String> invalid = RunningDemo.postForm(admin, demo.base() + "/admin/posts/to-edit/edit",
                Map.of("csrf", csrf, "title", "", "body", "kept as typed"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(invalid.body()).getElementById("title-error")).isNotNull();
        assertThat(Jsoup.parse(invalid.body()).selectFirst("textarea[name=body]").text()).isEqualTo("kept as typed");
        assertThat(RunningDemo.get(admin, demo.base() + "/admin/posts/no-such-post/edit").statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("deletes a post: its page then answers 410 saying so, it leaves the front page, and the listener"
            + " hears it; an unknown slug stays 404")
    void deletes() throws Exception {
        HttpClient admin = loggedIn();
        assertThat(create(admin, "short-lived", "Short-lived", "Soon gone.").statusCode()).isEqualTo(303);
        heard.clear();
        Element row = page(admin, "/admin/posts").getElementById("post-short-lived");
        Element delete = row.selectFirst("form[action=/admin/posts/short-lived/delete]");
        String csrf = delete.selectFirst("input[name=csrf]").attr("value");

        assertThat(RunningDemo.postForm(admin, demo.base() + "/admin/posts/short-lived/delete", Map.of("csrf", "x"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = RunningDemo.postForm(admin, demo.base() + "/admin/posts/short-lived/delete",
                Map.of("csrf", csrf));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(heard).containsExactly(
                new Heard("deleted", "short-lived", URI.create(demo.base() + "/posts/short-lived"), ""));
        HttpResponse<String> gone = RunningDemo.get(RunningDemo.client(), demo.base() + "/posts/short-lived");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(gone.body()).select("h1").text()).isEqualTo("This post was deleted");
        assertThat(gone.body()).contains("Short-lived").doesNotContain("Soon gone");
        assertThat(RunningDemo.postForm(RunningDemo.client(), demo.base() + "/posts/short-lived",
                Map.of("name", "Late", "text", "Hello?")).statusCode()).isEqualTo(410);
        assertThat(RunningDemo.get(RunningDemo.client(), demo.base() + "/posts/short-lived/comments/abc")
                .statusCode()).isEqualTo(410);
        assertThat(RunningDemo.get(RunningDemo.client(), demo.base() + "/posts/never-was").statusCode())
                .isEqualTo(404);
        assertThat(Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + "/").body())
                .select("ul.posts a").eachText()).doesNotContain("Short-lived");
        Element deletedRow = page(admin, "/admin/posts").getElementById("post-short-lived");
        assertThat(deletedRow.hasClass("deleted")).isTrue();
        assertThat(deletedRow.select("form, a.edit")).isEmpty();
        assertThat(RunningDemo.postForm(admin, demo.base() + "/admin/posts/short-lived/delete", Map.of("csrf", csrf))
                .statusCode()).isEqualTo(410);
        assertThat(RunningDemo.get(admin, demo.base() + "/admin/posts/short-lived/edit").statusCode()).isEqualTo(410);
        assertThat(create(admin, "short-lived", "Again", "Again").statusCode()).isEqualTo(400);
        assertThat(heard).hasSize(1);
    }
}
