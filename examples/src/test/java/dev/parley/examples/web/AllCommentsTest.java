package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.examples.Post;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The moderator's list of every comment, its actions, their messages and undo")
class AllCommentsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T08:00:00Z"));
    private RunningDemo demo;

    @BeforeEach
    void start() throws Exception {
        demo = RunningDemo.start(builder -> builder.clock(clock));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private HttpClient loggedIn() throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> login = RunningDemo.postForm(client, demo.base() + "/admin/login",
                Map.of("password", RunningDemo.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(303);
        return client;
    }

    /** Posts through the engine, a second after the comment before, so the newest is never in doubt. */
    private Comment post(Post post, String name, String text) {
        clock.advance(Duration.ofSeconds(1));
        PostResult result = demo.server.comments().post(PostRequest.builder(post.thread(), text)
                .author(name, null, null).build());
        assertThat(result).isInstanceOf(PostResult.Accepted.class);
        return ((PostResult.Accepted) result).comment();
    }

    private Document page(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = RunningDemo.get(client, demo.base() + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), demo.base());
    }

    private Status status(Comment comment) {
        return demo.server.comments().find(comment.id()).orElseThrow().status();
    }

    /** Submits the form around a button as a browser would: its hidden fields. */
    private static Map<String, String> fields(Element button) {
        Element form = button.closest("form");
        assertThat(form).as("the button's form").isNotNull();
        Map<String, String> fields = new HashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    private static String path(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(303);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    @Test
    @DisplayName("/admin/login is the login page, and takes a logged-in moderator to the queue")
    void loginPathIsTheLoginPage() throws Exception {
        HttpResponse<String> anonymous = RunningDemo.get(RunningDemo.client(), demo.base() + "/admin/login");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(anonymous.body()).select("form[action=/admin/login] input[type=password]")).hasSize(1);

        HttpResponse<String> moderator = RunningDemo.get(loggedIn(), demo.base() + "/admin/login");
        assertThat(moderator.statusCode()).isEqualTo(303);
        assertThat(moderator.headers().firstValue("Location")).hasValue("/admin");
    }

    @Test
    @DisplayName("lists published, held, spam and deleted comments newest first, filtered by status, post, author"
            + " and text, in pages of 20")
    void listsAndFilters() throws Exception {
        Post first = demo.server.blog().posts().get(0);
        Post second = demo.server.blog().posts().get(1);
        for (int i = 0; i < 25; i++) {
            post(first, "Filler " + i, "Filler comment number " + i);
        }
        Comment spam = post(first, "Pat Spam", "Buy now 100% cheap");
        demo.server.comments().markSpam(spam.id());
        Comment published = post(second, "Quinn Reader", "A thoughtful note about 100% of the chapter");
        HttpClient client = loggedIn();

        Document all = page(client, "/admin/comments");
        List<String> rows = all.select("table.all-comments tbody > tr").eachAttr("id");
        assertThat(rows).hasSize(CommentListPage.PAGE_SIZE).startsWith("a-" + published.id().value(),
                "a-" + spam.id().value());
        assertThat(all.selectFirst("#a-" + spam.id().value() + " .status").text()).isEqualTo("marked as spam");

        assertThat(page(client, "/admin/comments?status=spam").select("table.all-comments tbody > tr").eachAttr("id"))
                .contains("a-" + spam.id().value()).doesNotContain("a-" + published.id().value());
        assertThat(page(client, "/admin/comments?post=" + second.slug() + "&q=100%25")
                .select("table.all-comments tbody > tr").eachAttr("id")).containsExactly("a-" + published.id().value());
        Document byAuthor = page(client, "/admin/comments?author=quinn+READER");
        assertThat(byAuthor.select("table.all-comments tbody > tr").eachAttr("id"))
                .containsExactly("a-" + published.id().value());
        assertThat(byAuthor.selectFirst("input[name=author]").attr("value")).isEqualTo("quinn READER");

        // Every comment is on exactly one page, the older ones after the next link.
        long stored = demo.server.comments().counts(demo.server.blog().allPosts().stream().map(Post::thread).toList())
                .values().stream().mapToLong(c -> c.approved() + c.pending() + c.spam() + c.deleted()).sum();
        int listed = rows.size();
        Element next = all.selectFirst("nav.pager a[rel=next]");
        while (next != null) {
            Document older = page(client, next.attr("href"));
            listed += older.select("table.all-comments tbody > tr").size();
            next = older.selectFirst("nav.pager a[rel=next]");
        }
        assertThat(listed).isEqualTo(stored);
        assertThat(RunningDemo.get(client, demo.base() + "/admin/comments?status=gone").statusCode()).isEqualTo(400);
        assertThat(RunningDemo.get(client, demo.base() + "/admin/comments?after=x").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("deleting a published comment asks first, then says so and offers an undo that publishes it again")
    void deleteAsksSaysAndUndoes() throws Exception {
        Comment published = post(demo.server.blog().posts().get(0), "Rosa Removable", "Take this one down");
        HttpClient client = loggedIn();
        Document list = page(client, "/admin/comments");
        Element delete = list.selectFirst("button[value=delete-" + published.id().value() + "]");

        HttpResponse<String> asked = RunningDemo.postForm(client, demo.base() + "/admin/moderate", fields(delete));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(status(published)).as("nothing is deleted before the confirmation").isEqualTo(Status.APPROVED);
        Document confirm = Jsoup.parse(asked.body(), demo.base());
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Delete this comment?");
        assertThat(confirm.selectFirst("a.cancel").attr("href")).isEqualTo("/admin/comments");

        HttpResponse<String> deleted = RunningDemo.postForm(client, demo.base() + "/admin/moderate",
                fields(confirm.selectFirst("button.danger")));
        assertThat(status(published)).isEqualTo(Status.DELETED);
        Document after = page(client, path(deleted));
        assertThat(after.selectFirst(".flash p").text()).isEqualTo("Deleted the comment by Rosa Removable.");
        assertThat(after.selectFirst("#a-" + published.id().value() + " .status").text()).isEqualTo("deleted");

        HttpResponse<String> undone = RunningDemo.postForm(client, demo.base() + "/admin/moderate",
                fields(after.selectFirst(".flash button")));
        assertThat(status(published)).isEqualTo(Status.APPROVED);
        assertThat(page(client, path(undone)).selectFirst(".flash p").text())
                .isEqualTo("Undone: the comment by Rosa Removable is published again.");
    }

    @Test
    @DisplayName("marking a held comment spam offers an undo that holds it again, not publishes it")
    void spamUndoRestoresTheHeldStatus() throws Exception {
        Comment held = post(demo.server.blog().posts().get(0), "Sam Held", "Links: https://a.example https://b.example");
        assertThat(status(held)).isEqualTo(Status.PENDING);
        HttpClient client = loggedIn();
        Element spam = page(client, "/admin").selectFirst("button[value=spam-" + held.id().value() + "]");

        HttpResponse<String> marked = RunningDemo.postForm(client, demo.base() + "/admin/moderate", fields(spam));
        assertThat(status(held)).isEqualTo(Status.SPAM);
        Document queue = page(client, path(marked));
        assertThat(queue.selectFirst(".flash p").text()).isEqualTo("Marked the comment by Sam Held as spam.");

        RunningDemo.postForm(client, demo.base() + "/admin/moderate", fields(queue.selectFirst(".flash button")));
        assertThat(status(held)).isEqualTo(Status.PENDING);
    }

    @Test
    @DisplayName("a stale or forged message link shows nothing, and an action never returns to another site")
    void messagesFollowTheStoredStatus() throws Exception {
        Comment published = post(demo.server.blog().posts().get(0), "Tess Kept", "Still here");
        HttpClient client = loggedIn();
        String csrf = page(client, "/admin").selectFirst("input[name=csrf]").attr("value");

        assertThat(page(client, "/admin/comments?done=delete&id=" + published.id().value() + "&was=approved")
                .select(".flash")).isEmpty();
        HttpResponse<String> held = RunningDemo.postForm(client, demo.base() + "/admin/moderate",
                Map.of("id", published.id().value(), "action", "hold", "csrf", csrf, "back", "//evil.example/x"));
        assertThat(path(held)).startsWith("/admin?done=hold&id=" + published.id().value() + "&was=approved");
        assertThat(status(published)).isEqualTo(Status.PENDING);
    }

    @Test
    @DisplayName("a logged-in moderator sees controls under each comment of a post page, readers do not, and a"
            + " delete there returns to the comment with the message")
    void postPageControls() throws Exception {
        Post post = demo.server.blog().posts().get(0);
        Comment published = post(post, "Uma Visible", "On the post page");
        HttpClient client = loggedIn();
        String commentPath = post.path() + "/comments/" + published.id().value();
        String pagePath = path(RunningDemo.get(client, demo.base() + commentPath));

        assertThat(Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + pagePath).body())
                .select(".moderate")).isEmpty();
        Document page = page(client, pagePath);
        Element controls = page.selectFirst("#" + SiteUrls.anchor(published.id()) + " > .moderate");
        assertThat(controls).isNotNull();
        assertThat(controls.select("button").eachText()).containsExactly("Hold", "Spam", "Delete");

        Map<String, String> delete = fields(controls.selectFirst("button.danger"));
        delete.put("confirm", "yes");
        HttpResponse<String> deleted = RunningDemo.postForm(client, demo.base() + "/admin/moderate", delete);
        assertThat(deleted.headers().firstValue("Location").orElseThrow())
                .startsWith(post.path()).endsWith("#" + SiteUrls.anchor(published.id()));
        assertThat(page(client, path(deleted)).selectFirst(".flash p").text())
                .isEqualTo("Deleted the comment by Uma Visible.");
        assertThat(demo.server.comments().find(CommentId.of(published.id().value())).orElseThrow().status())
                .isEqualTo(Status.DELETED);
    }
}
