package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.DemoConfig;
import dev.parley.pingback.Protocol;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("parley.linkbacks.advertise: the post page advertises exactly the protocols set, and only their"
        + " endpoints answer")
class LinkbackAdvertiseTest {

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("webmention,pingback,trackback", EnumSet.allOf(Protocol.class)),
                Arguments.of("webmention", EnumSet.of(Protocol.WEBMENTION)),
                Arguments.of("PINGBACK", EnumSet.of(Protocol.PINGBACK)),
                Arguments.of(" trackback ", EnumSet.of(Protocol.TRACKBACK)),
                Arguments.of("trackback, webmention", EnumSet.of(Protocol.WEBMENTION, Protocol.TRACKBACK)),
                Arguments.of("none", EnumSet.noneOf(Protocol.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    @DisplayName("advertises exactly")
    void advertisesExactly(String setting, Set<Protocol> expected) throws Exception {
        DemoConfig config = DemoConfig.from(java.util.Map.of("parley.store", "memory", "parley.port", "0",
                "parley.admin.password", RunningDemo.PASSWORD, DemoConfig.ADVERTISE, setting)::get);
        assertThat(config.advertise()).isEqualTo(expected);
        try (RunningDemo demo = RunningDemo.start(builder -> builder.config(config))) {
            HttpClient client = RunningDemo.client();
            HttpResponse<String> page = RunningDemo.get(client, demo.postUrl());
            assertThat(page.statusCode()).isEqualTo(200);
            Document html = Jsoup.parse(page.body(), demo.base());

            boolean webmention = expected.contains(Protocol.WEBMENTION);
            assertThat(page.headers().allValues("Link")).isEqualTo(webmention
                    ? List.of("<" + demo.base() + "/webmention>; rel=\"webmention\"") : List.of());
            assertThat(html.select("link[rel=webmention]").eachAttr("href"))
                    .isEqualTo(webmention ? List.of(demo.base() + "/webmention") : List.of());

            boolean pingback = expected.contains(Protocol.PINGBACK);
            assertThat(page.headers().allValues("X-Pingback"))
                    .isEqualTo(pingback ? List.of(demo.base() + "/pingback") : List.of());
            assertThat(html.select("link[rel=pingback]").eachAttr("href"))
                    .isEqualTo(pingback ? List.of(demo.base() + "/pingback") : List.of());

            boolean trackback = expected.contains(Protocol.TRACKBACK);
            List<String> rdf = rdfBlocks(html);
            if (trackback) {
                assertThat(rdf).hasSize(1);
                assertThat(attribute(rdf.get(0), "dc:identifier")).isEqualTo(demo.postUrl());
                assertThat(attribute(rdf.get(0), "trackback:ping"))
                        .isEqualTo(demo.base() + "/trackback/" + demo.post().slug());
            } else {
                assertThat(rdf).isEmpty();
            }
            assertThat(page.body().contains("/trackback/")).isEqualTo(trackback);

            // The endpoints: a POST of nothing gets the endpoint's own refusal when mounted, 404 when not.
            assertThat(status(client, demo.base() + "/webmention")).isEqualTo(webmention ? 400 : 404);
            assertThat(status(client, demo.base() + "/pingback")).isEqualTo(pingback ? 200 : 404);
            assertThat(status(client, demo.base() + "/trackback/" + demo.post().slug()))
                    .isEqualTo(trackback ? 200 : 404);
        }
    }

    private static int status(HttpClient client, String url) throws Exception {
        return RunningDemo.send(client, url, "POST", "application/x-www-form-urlencoded", "").statusCode();
    }

    /** The text of every HTML comment holding an RDF block. */
    private static List<String> rdfBlocks(Document html) {
        List<String> blocks = new java.util.ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment comment && comment.getData().contains("<rdf:RDF")) {
                blocks.add(comment.getData());
            }
        }, html);
        return blocks;
    }

    private static String attribute(String rdf, String name) {
        Matcher matcher = Pattern.compile(Pattern.quote(name) + "=\"([^\"]*)\"").matcher(rdf);
        assertThat(matcher.find()).as(name + " in " + rdf).isTrue();
        return org.jsoup.parser.Parser.unescapeEntities(matcher.group(1), true);
    }
}
