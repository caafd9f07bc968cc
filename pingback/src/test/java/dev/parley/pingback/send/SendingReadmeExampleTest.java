package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.send.ReceiverServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's "Sending linkbacks" snippet, run as written (between the markers) against real loopback receivers,
 * and compared with the README so the two cannot drift apart.
 */
@DisplayName("The README's sending snippet works as written")
class SendingReadmeExampleTest {

    private static final Path SELF = Path.of("src/test/java/dev/parley/pingback/send/SendingReadmeExampleTest.java");
    private static final String BEGIN = "// README: sending";
    private static final String END = "// README: end";
    /** The README's fetcher is the default one; the test's also allows the one loopback receiver. */
    private static final String README_FETCHER = "SafeFetcher.builder().build()";
    private static final String TEST_FETCHER = "server.fetcherBuilder().build()";

    private final ReceiverServer server = ReceiverServer.start();
    private final List<String> remembered = new ArrayList<>();
    private final List<URI> retried = new ArrayList<>();
    private final List<SendOutcome> givenUp = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private void remember(URI target, LinkbackProtocol protocol, Optional<URI> location) {
        remembered.add(target.getPath() + " " + protocol + " " + location.map(URI::getPath).orElse("-"));
    }

    private void retryLater(URI target) {
        retried.add(target);
    }

    private void giveUp(SendOutcome outcome) {
        givenUp.add(outcome);
    }

    @Test
    @DisplayName("the snippet sends to every link and to the earlier target, and sorts the outcomes")
    void snippetRuns() {
        server.reply("/a", Reply.html("<link rel=webmention href=/wm>"));
        server.reply("/wm", Reply.status(201).header("Location", "/wm/status/1"));
        server.reply("/b", Reply.html("<p>b</p>").header("X-Pingback", server.uri("/xmlrpc").toString()));
        server.reply("/xmlrpc", Reply.text(503, "down for maintenance"));
        server.reply("/c", Reply.html("<p>no endpoints here</p>"));
        URI postUrl = server.uri("/posts/hello");
        String postHtml = "<p><a href=\"/a\">A</a>, <a href=\"/b\">B</a> and <a href=\"/c\">C</a></p>";
        Collection<URI> previousTargets = List.of(server.uri("/gone"));

        // README: sending
        // One sender for the whole application. Every request, to a target page or to an endpoint,
        // goes through the SafeFetcher's address policy: no loopback or private address, ever.
        LinkbackSender sender = LinkbackSender.builder()
                .fetcher(server.fetcherBuilder().build())
                .userAgent("MyBlog/1.0 (+https://my.blog.example/)")
                .build();

        // On publish, update or delete: the post's URL, its HTML now, the targets sent to before.
        List<SendOutcome> outcomes = sender.sendAll(postUrl, postHtml, previousTargets);
        for (SendOutcome outcome : outcomes) {
            if (outcome instanceof SendOutcome.Sent sent) {
                remember(sent.target(), sent.protocol(), sent.location());   // location: a 201/202 status page
            } else if (outcome.retryable()) {
                retryLater(outcome.target());          // time-out, 429, 5xx: back off, then send() again
            } else {
                giveUp(outcome);                       // NoEndpoint, Refused (unsafe address) or a final Failed
            }
        }
        // README: end

        assertThat(remembered).containsExactly("/a WEBMENTION /wm/status/1");
        assertThat(retried).containsExactly(server.uri("/b"));
        assertThat(givenUp).extracting(SendOutcome::target).containsExactly(server.uri("/c"), server.uri("/gone"));
        assertThat(givenUp.get(0)).isInstanceOf(SendOutcome.NoEndpoint.class);
        assertThat(givenUp.get(1)).isInstanceOfSatisfying(SendOutcome.Failed.class,
                failed -> assertThat(failed.status()).isEqualTo(404));
    }

    @Test
    @DisplayName("the README shows exactly the code this test runs, after its imports")
    void readmeMatchesTheTestedSnippet() throws IOException {
        List<String> source = Files.readAllLines(SELF);
        int begin = indexOf(source, BEGIN);
        int end = indexOf(source, END);
        String indent = source.get(begin).substring(0, source.get(begin).indexOf(BEGIN));
        String tested = source.subList(begin + 1, end).stream()
                .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
                .collect(Collectors.joining("\n"))
                .replace(TEST_FETCHER, README_FETCHER);

        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Sending linkbacks");
        assertThat(section).as("the README has a Sending linkbacks section").isNotNegative();
        int open = readme.indexOf("```java\n", section) + "```java\n".length();
        String block = readme.substring(open, readme.indexOf("```", open)).stripTrailing();
        String code = block.lines().dropWhile(line -> line.startsWith("import ") || line.isBlank())
                .collect(Collectors.joining("\n"));

        assertThat(code).isEqualTo(tested.stripTrailing());
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }
}
