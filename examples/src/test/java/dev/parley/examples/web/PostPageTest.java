package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The post page, without JavaScript")
class PostPageTest {

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    @DisplayName("shows the post, the seeded thread nested several levels, and advertises the linkback endpoints")
    void showsSeededThreadAndLinkbackDiscovery() throws Exception {
        HttpResponse<String> page = RunningDemo.get(RunningDemo.client(), demo.postUrl());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Pingback")).hasValue(demo.base() + "/pingback");
        assertThat(page.headers().firstValue("Link")).hasValue("<" + demo.base() + "/webmention>; rel=\"webmention\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Document html = Jsoup.parse(page.body(), demo.base());
        assertThat(html.select("link[rel=pingback]").attr("href")).isEqualTo(demo.base() + "/pingback");
        assertThat(html.select("link[rel=webmention]").attr("href")).isEqualTo(demo.base() + "/webmention");
        assertThat(html.select("h1").text()).isEqualTo(demo.post().title());
        assertThat(html.select(".e-content p").last().text()).contains("What made you stop");
        assertThat(html.select("ol.thread ol.replies ol.replies ol.replies li.comment")).isNotEmpty();
        assertThat(html.select(".badge").text()).contains("author");
        assertThat(html.select("li.linkback .comment-meta").eachText())
                .anySatisfy(meta -> assertThat(meta).startsWith("Pingback from"));
        assertThat(html.select("li.linkback .excerpt").text()).contains("what brings me back");
        assertThat(page.body()).doesNotContain("deals.example/watches");
        assertThat(html.select("script")).isEmpty();
    }

    @Test
    @DisplayName("pages the roots five at a time and a permalink redirects to the page that ends with the comment")
    void paginationAndPermalinks() throws Exception {
        HttpClient client = RunningDemo.client();
        Document first = Jsoup.parse(RunningDemo.get(client, demo.postUrl()).body(), demo.base());
        Element next = first.selectFirst("nav.pages a[rel=next]");
        assertThat(next).isNotNull();

        Document second = Jsoup.parse(RunningDemo.get(client, next.absUrl("href")).body(), demo.base());
        Element onSecond = second.selectFirst("ol.thread > li.comment");
        assertThat(onSecond).isNotNull();
        String permalink = onSecond.selectFirst("a.permalink").absUrl("href");

        HttpResponse<String> redirect = RunningDemo.get(client, permalink);
        assertThat(redirect.statusCode()).isEqualTo(303);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("#" + onSecond.id());
        List<String> landed = Jsoup.parse(RunningDemo.get(client, demo.base() + location).body())
                .select("ol.thread > li.comment").eachAttr("id");
        assertThat(landed).hasSize(5).last().isEqualTo(onSecond.id());
    }

    @Test
    @DisplayName("a comment posts, redirects 303 to its fragment, and shows on the page")
    void postRedirectGet() throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(),
                Map.of("name", "Wren", "text", "Plain forms still work."));

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(demo.post().path()).contains("#c-");
        assertThat(posted.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(EditTokenCookie.NAME + "=").containsIgnoringCase("HttpOnly"));

        Document page = Jsoup.parse(RunningDemo.get(client, demo.base() + location).body());
        Element mine = page.getElementById(location.substring(location.indexOf('#') + 1));
        assertThat(mine).isNotNull();
        assertThat(mine.select(".comment-text").text()).isEqualTo("Plain forms still work.");
    }

    @Test
    @DisplayName("a held comment is shown to its author only, with an awaiting-moderation notice")
    void heldCommentVisibleToItsAuthorOnly() throws Exception {
        HttpClient author = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(author, demo.postUrl(), Map.of("name", "Linky",
                "text", "See https://one.example/a and https://two.example/b please."));
        String location = posted.headers().firstValue("Location").orElseThrow();
        String anchor = location.substring(location.indexOf('#') + 1);

        Document authorView = Jsoup.parse(RunningDemo.get(author, demo.base() + location).body());
        assertThat(authorView.getElementById(anchor).select(".notice").text()).contains("awaiting moderation");

        Document strangerView = Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo.base() + location).body());
        assertThat(strangerView.getElementById(anchor)).isNull();
    }

    @Test
    @DisplayName("a rejected form comes back with its messages and the input kept, escaped")
    void badFormKeepsInput() throws Exception {
        HttpResponse<String> rejected = RunningDemo.postForm(RunningDemo.client(), demo.postUrl(),
                Map.of("name", "", "email", "not-an-address", "url", "\"><b>x</b>", "text", "Kept <as typed>"));

        assertThat(rejected.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(rejected.body());
        Element form = page.selectFirst("form#respond");
        assertThat(form.select(".errors li")).isNotEmpty();
        assertThat(form.selectFirst("textarea[name=text]").text()).isEqualTo("Kept <as typed>");
        assertThat(form.selectFirst("input[name=url]").attr("value")).isEqualTo("\"><b>x</b>");
        assertThat(page.select("form#respond b")).isEmpty();
    }

    @Test
    @DisplayName("a reply with a malformed parent id is a form error, not a server error")
    void malformedParent() throws Exception {
        HttpResponse<String> rejected = RunningDemo.postForm(RunningDemo.client(), demo.postUrl(),
                Map.of("name", "Quill", "text", "Hello", "parent", "../../etc"));

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(rejected.body()).select(".errors").text()).contains("does not exist");
    }

    @Test
    @DisplayName("names, URLs and text with markup are escaped on the page")
    void escapesEverything() throws Exception {
        HttpClient client = RunningDemo.client();
        HttpResponse<String> posted = RunningDemo.postForm(client, demo.postUrl(), Map.of(
                "name", "<img src=x onerror=alert(1)>",
                "text", "<script>alert(1)</script> and <b onclick=x>bold</b> and javascript:alert(1)"));
        String location = posted.headers().firstValue("Location").orElseThrow();
        String body = RunningDemo.get(client, demo.base() + location).body();

        Document page = Jsoup.parse(body);
        Element comment = page.getElementById(location.substring(location.indexOf('#') + 1));
        assertThat(comment.select(".author").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(comment.select("img[onerror], script, [onclick]")).isEmpty();
        assertThat(comment.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    @DisplayName("a javascript: website is refused, and the form echoes it back as text")
    void javascriptUrlRefused() throws Exception {
        HttpResponse<String> rejected = RunningDemo.postForm(RunningDemo.client(), demo.postUrl(),
                Map.of("name", "Mallory", "url", "javascript:alert(1)", "text", "Hi"));

        assertThat(rejected.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(rejected.body());
        assertThat(page.selectFirst("form#respond input[name=url]").attr("value")).isEqualTo("javascript:alert(1)");
        assertThat(page.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    @DisplayName("avatars are local SVG identicons, the same picture for the same author")
    void localIdenticons() throws Exception {
        HttpClient client = RunningDemo.client();
        Document page = Jsoup.parse(RunningDemo.get(client, demo.postUrl()).body(), demo.base());
        List<String> sources = page.select("img.avatar").eachAttr("abs:src");
        assertThat(sources).isNotEmpty().allSatisfy(src -> assertThat(src).startsWith(demo.base() + "/avatars/"));

        HttpResponse<String> svg = RunningDemo.get(client, sources.get(0));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").doesNotContain("<script");
        List<String> jonas = page.select("img.avatar[title=Jonas Weber]").eachAttr("src");
        assertThat(jonas).hasSizeGreaterThan(1).containsOnly(jonas.get(0));
    }
}
