package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Where a visitor lands on a comment, and the links between pages")
class LandingPageTest {

    private static final int ROOTS_PER_PAGE = 5;
    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Document page(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = RunningDemo.get(client, url);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body(), demo.base());
    }

    private static List<String> roots(Document page) {
        return page.select("ol.thread > li.comment").eachAttr("id");
    }

    /** Every root of the thread as the client sees them, by following the next links from the first page. */
    private static List<String> allRoots(HttpClient client) throws Exception {
        List<String> all = new ArrayList<>();
        Document page = page(client, demo.postUrl());
        while (true) {
            all.addAll(roots(page));
            Element next = page.selectFirst("nav.pages a[rel=next]");
            if (next == null) {
                return all;
            }
            page = page(client, next.absUrl("href"));
        }
    }

    /** Posts roots by another visitor until the thread has at least {@code count}: the seed has six. */
    private static void ensureRoots(int count) throws Exception {
        HttpClient filler = RunningDemo.client();
        for (int i = allRoots(filler).size(); i < count; i++) {
            assertThat(RunningDemo.postForm(filler, demo.postUrl(), Map.of("name", "Filler",
                    "text", "Filler comment number " + i + ".")).statusCode()).isEqualTo(303);
        }
    }

    @Test
    @DisplayName("a new comment lands on a full page that ends with it, with a link to the page before")
    void newCommentLandsAmongThoseBeforeIt() throws Exception {
        ensureRoots(2 * ROOTS_PER_PAGE + 1);
        HttpClient client = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(),
                Map.of("name", "Lander", "text", "Where do I land?"));
        String location = posted.headers().firstValue("Location").orElseThrow();
        String anchor = location.substring(location.indexOf('#') + 1);

        Document landed = page(client, demo.base() + location);
        List<String> all = allRoots(client);

        assertThat(all.size()).isGreaterThan(2 * ROOTS_PER_PAGE);
        assertThat(all.get(all.size() - 1)).isEqualTo(anchor);
        assertThat(roots(landed)).isEqualTo(all.subList(all.size() - ROOTS_PER_PAGE, all.size()));

        Element previous = landed.selectFirst("nav.pages a[rel=prev]");
        assertThat(previous).isNotNull();
        assertThat(previous.text()).isEqualTo("‹ Previous comments");
        assertThat(roots(page(client, previous.absUrl("href"))))
                .isEqualTo(all.subList(all.size() - 2 * ROOTS_PER_PAGE, all.size() - ROOTS_PER_PAGE));
        assertThat(landed.select("nav.pages a").eachText()).contains("« First comments");
    }

    @Test
    @DisplayName("a reply to a comment on the first page lands on the first page, at the reply")
    void replyOnTheFirstPageLandsThere() throws Exception {
        HttpClient client = RunningDemo.client();
        Document first = page(client, demo.postUrl());
        String parent = roots(first).get(1).substring(2);

        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(),
                Map.of("name", "Replier", "text", "Answering on page one.", "parent", parent));

        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(demo.post().path() + "#c-");
        Document landed = page(client, demo.base() + location);
        assertThat(landed.getElementById("c-" + parent).select("li.comment").eachAttr("id"))
                .contains(location.substring(location.indexOf('#') + 1));
        assertThat(landed.select("nav.pages a[rel=prev]")).isEmpty();
    }

    @Test
    @DisplayName("the second page links back to the first page as the previous one, once")
    void secondPageLinksBackToTheFirst() throws Exception {
        HttpClient client = RunningDemo.client();
        Document first = page(client, demo.postUrl());
        Document second = page(client, first.selectFirst("nav.pages a[rel=next]").absUrl("href"));

        Element previous = second.selectFirst("nav.pages a[rel=prev]");
        assertThat(previous.attr("href")).isEqualTo(demo.post().path() + "#comments");
        assertThat(second.select("nav.pages a").eachText()).doesNotContain("« First comments");
        assertThat(roots(page(client, previous.absUrl("href")))).isEqualTo(roots(first));
    }

    @Test
    @DisplayName("a permalink lands on the page that ends with the comment's root")
    void permalinkLandsInContext() throws Exception {
        ensureRoots(2 * ROOTS_PER_PAGE);
        HttpClient client = RunningDemo.client();
        List<String> all = allRoots(client);
        String target = all.get(ROOTS_PER_PAGE + 2);

        HttpResponse<String> redirect = RunningDemo.get(client, demo.postUrl() + "/comments/" + target.substring(2));

        assertThat(redirect.statusCode()).isEqualTo(303);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("#" + target);
        assertThat(roots(page(client, demo.base() + location)))
                .isEqualTo(all.subList(ROOTS_PER_PAGE + 3 - ROOTS_PER_PAGE, ROOTS_PER_PAGE + 3));
    }
}
