package dev.parley.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.outbox.InMemoryLinkbackOutbox;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The core README's outbox snippet, run as written between the markers, and compared with the README so that
 * the two cannot drift apart.
 */
@DisplayName("The README's outbox snippet works as written")
class OutboxReadmeTest {

    private static final Path SELF = Path.of("src/test/java/dev/parley/core/outbox/OutboxReadmeTest.java");
    private static final Path README = Path.of("README.md");
    private static final String BEGIN = "// README: outbox";
    private static final String END = "// README: end";
    /** The test leaves out the README's 30-second delay, so that the sends go out while it waits. */
    private static final String README_DELAY = ".delay(Duration.ofSeconds(30))";
    private static final String TEST_DELAY = ".delay(Duration.ZERO)";

    private final List<String> shown = new CopyOnWriteArrayList<>();

    private void show(String target, SendStatus status, String protocol, String reason) {
        shown.add(target + " " + status + " " + protocol + " " + reason);
    }

    @Test
    @DisplayName("the snippet queues, delivers and shows each target's result")
    void snippetRuns() throws Exception {
        LinkbackOutbox store = new InMemoryLinkbackOutbox(new InMemoryJobQueue());
        LinkbackDelivery delivery = (source, target) -> target.getHost().startsWith("a.")
                ? DeliveryResult.sent("WEBMENTION", "https://a.example/webmention", 202, null)
                : DeliveryResult.noEndpoint("the page advertises no endpoint");
        URI postUrl = URI.create("https://my.blog.example/posts/hello");
        List<URI> links = List.of(URI.create("https://a.example/one"), URI.create("https://b.example/two"));

        // README: outbox
        Outbox outbox = Outbox.builder(store, delivery)      // store: a LinkbackOutbox, delivery: a LinkbackDelivery
                .delay(Duration.ZERO)                // optional: time to fix a link before anyone is told
                .build()
                .start();                                     // background workers; or call runDue(max) yourself

        outbox.published(postUrl, links);                     // on publish and on every update: the post's links now
        // README: end
        awaitFinished(store);
        // README: outbox
        outbox.deleted(postUrl);                              // once the post answers 410 Gone
        // README: end
        awaitFinished(store);
        // README: outbox
        for (TargetRecord record : outbox.results(postUrl)) { // for the author and the moderator
            show(record.target(), record.status(), record.protocol(), record.reason());
        }
        // README: end
        outbox.close();

        assertThat(shown).containsExactly(
                "https://a.example/one SENT WEBMENTION null",
                "https://b.example/two NO_ENDPOINT null the page advertises no endpoint");
    }

    private static void awaitFinished(LinkbackOutbox store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.jobs().countUnfinished(LinkbackOutbox.SEND_KIND) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.jobs().countUnfinished(LinkbackOutbox.SEND_KIND)).as("sends still unfinished").isZero();
    }

    @Test
    @DisplayName("the README shows exactly the snippet this test runs")
    void readmeMatchesSnippet() throws IOException {
        // Compared with runs of spaces collapsed, since the delays differ in length and the comments are aligned.
        String readme = Files.readString(README, StandardCharsets.UTF_8).replaceAll(" +", " ");
        String snippet = snippet().replace(TEST_DELAY, README_DELAY).replaceAll(" +", " ");
        assertThat(readme).contains(snippet);
    }

    private static String snippet() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(SELF, StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (stripped.equals(BEGIN)) {
                inside = true;
            } else if (stripped.equals(END)) {
                inside = false;
            } else if (inside) {
                lines.add(line.length() >= 8 ? line.substring(8) : line.strip());
            }
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
