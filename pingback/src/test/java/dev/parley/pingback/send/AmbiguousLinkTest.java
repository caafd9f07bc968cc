package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.send.ReceiverServer.Reply;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sender applies the fetcher's URL rules to the links it finds: a link or an advertised endpoint that URL
 * parsers read differently (a backslash, a control character, a scheme without its slashes) is dropped, even when a
 * browser-style reading would reach a real server.
 */
@DisplayName("Ambiguous links and endpoints are dropped by the sender")
class AmbiguousLinkTest extends SenderTestBase {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://evil.example\\@good.example/", "http:\\\\evil.example\\x",
        "//evil.example\\@good.example/", "http://evil.exa\tmple/", "http://evil.example/a\u0001b",
        "http:evil.example/x", "http:/evil.example/x", "http:///evil.example/x"})
    @DisplayName("an ambiguous link is not a target")
    void ambiguousLinkIsDropped(String href) {
        String html = "<p><a href=\"https://good.example/ok\">ok</a> <a href=\"" + href + "\">odd</a></p>";

        assertThat(LinkExtractor.extract(SOURCE, html)).containsExactly(URI.create("https://good.example/ok"));
    }

    @Test
    @DisplayName("a link longer than the fetcher's default URL cap is not a target")
    void overlongLinkIsDropped() {
        String html = "<a href=\"https://good.example/" + "a".repeat(2_100) + "\">long</a>";

        assertThat(LinkExtractor.extract(SOURCE, html)).isEmpty();
    }

    @Test
    @DisplayName("an ambiguous Webmention endpoint in a <link> is ignored: no endpoint, nothing posted")
    void ambiguousEndpointElementIsIgnored() {
        server.reply("/post", webmentionPage("http://127.0.0.1:" + server.port() + "\\@good.example/wm"));
        server.reply("/@good.example/wm", Reply.status(202));

        SendOutcome outcome = server.sender().send(SOURCE, target());

        assertThat(outcome).isInstanceOf(SendOutcome.NoEndpoint.class);
        assertThat(server.requests()).containsExactly("GET /post");
    }

    @Test
    @DisplayName("an ambiguous endpoint in a Link header or X-Pingback is ignored too")
    void ambiguousEndpointHeaderIsIgnored() {
        String odd = "http://127.0.0.1:" + server.port() + "\\@good.example/wm";
        server.reply("/post", Reply.html("<p>post</p>").header("Link", "<" + odd + ">; rel=\"webmention\"")
                .header("X-Pingback", odd));
        server.reply("/@good.example/wm", Reply.status(202));

        SendOutcome outcome = server.sender().send(SOURCE, target());

        assertThat(outcome).isInstanceOf(SendOutcome.NoEndpoint.class);
        assertThat(server.requests()).isEqualTo(List.of("GET /post"));
    }
}
