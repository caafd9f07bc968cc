package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The moderation page's paging")
class ModerationPagingTest {

    private static final int HELD = 61;

    private RunningDemo demo;
    private List<String> expected;

    @BeforeEach
    void start() throws Exception {
        demo = RunningDemo.start();
        for (int i = 0; i < HELD; i++) {
            // Two links: the demo's link rule holds the comment.
            PostResult result = demo.server.comments().post(PostRequest.builder(demo.post().thread(),
                    "Held " + i + ": see https://a.example/" + i + " and https://b.example/" + i)
                    .author("Spammy " + i, null, null).build());
            assertThat(result).isInstanceOf(PostResult.Accepted.class);
            assertThat(((PostResult.Accepted) result).comment().status()).isEqualTo(Status.PENDING);
        }
        expected = demo.server.comments().moderationQueue(PageRequest.first(Order.OLDEST_FIRST, 1000)).items()
                .stream().map(comment -> "q-" + comment.id().value()).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(HELD);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private HttpClient loggedIn() throws Exception {
        HttpClient client = RunningDemo.client();
        assertThat(RunningDemo.postForm(client, demo.base() + "/admin/login", Map.of("password", RunningDemo.PASSWORD))
                .statusCode()).isEqualTo(303);
        return client;
    }

    /** The ids of the held comments a page shows: the table right after the "Held" heading. */
    private static List<String> heldRows(Document page) {
        Element table = page.selectFirst("h2#held ~ table.queue");
        assertThat(table).as("the held table").isNotNull();
        return table.select("tbody > tr").eachAttr("id");
    }

    private Document get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = RunningDemo.get(client, demo.base() + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), demo.base());
    }

    @Test
    @DisplayName("with 61 held comments every one is reachable through the next links, each once, in order,"
            + " and the previous links lead back through the same pages")
    void everyHeldCommentIsReachableOnce() throws Exception {
        HttpClient client = loggedIn();
        List<List<String>> pages = new ArrayList<>();
        List<String> pagePaths = new ArrayList<>();
        String path = "/admin";
        while (path != null) {
            Document page = get(client, path);
            pagePaths.add(path);
            pages.add(heldRows(page));
            Element next = page.selectFirst("nav.pager a[rel=next]");
            path = next == null ? null : next.attr("href");
            assertThat(pages).as("no endless paging").hasSizeLessThan(10);
        }

        List<String> seen = pages.stream().flatMap(List::stream).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(get(client, "/admin").select("nav.pager a[rel=prev]")).as("the first page has no previous")
                .isEmpty();

        // Back from the last page, one previous link at a time, through the same pages.
        Document page = get(client, pagePaths.get(pagePaths.size() - 1));
        for (int i = pages.size() - 2; i >= 0; i--) {
            Element previous = page.selectFirst("nav.pager a[rel=prev]");
            assertThat(previous).as("a previous link on page " + (i + 2)).isNotNull();
            page = get(client, previous.attr("href"));
            assertThat(heldRows(page)).as("page " + (i + 1)).containsExactlyElementsOf(pages.get(i));
        }
        assertThat(page.select("nav.pager a[rel=prev]")).isEmpty();
    }

    @Test
    @DisplayName("an action taken on a later page redirects back to that page, and a bad cursor is a 400")
    void actionsReturnToTheirPage() throws Exception {
        HttpClient client = loggedIn();
        String second = get(client, "/admin").selectFirst("nav.pager a[rel=next]").attr("href");
        Document page = get(client, second);
        Element approve = page.selectFirst("h2#held ~ table.queue button[value^=approve-]").parent();
        Map<String, String> form = new java.util.HashMap<>();
        for (Element input : approve.select("input[type=hidden]")) {
            form.put(input.attr("name"), input.attr("value"));
        }

        HttpResponse<String> done = RunningDemo.postForm(client, demo.base() + "/admin/moderate", form);

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .startsWith(second + "&done=approve&id=" + form.get("id") + "&was=pending");
        assertThat(demo.server.comments().moderationQueue(PageRequest.first(Order.OLDEST_FIRST, 1000)).items())
                .extracting(comment -> comment.id().value())
                .hasSize(expected.size() - 1)
                .doesNotContain(form.get("id"));
        assertThat(RunningDemo.get(client, demo.base() + "/admin?after=not-a-cursor").statusCode()).isEqualTo(400);
    }
}
