package dev.parley.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.storage.subscriptions.InMemorySubscriptions;
import dev.parley.storage.subscriptions.Subscriptions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The project README's privacy snippet, run as written between the markers, and compared with the README so
 * that the two cannot drift apart.
 */
@DisplayName("The README's privacy snippet works as written")
class PrivacyReadmeTest {

    private static final Path SELF = Path.of("src/test/java/dev/parley/core/privacy/PrivacyReadmeTest.java");
    private static final Path README = Path.of("../README.md");
    private static final String BEGIN = "// README: privacy";
    private static final String END = "// README: end";

    @Test
    @DisplayName("the snippet exports, erases and runs retention")
    void snippetRuns() {
        CommentStore store = new InMemoryCommentStore();
        Subscriptions subscriptions = new InMemorySubscriptions();
        Comment ann = Comment.builder().id(CommentId.of("c1")).thread(ThreadKey.of("post"))
                .author(Author.named("Ann").withEmail("ann@example.org").withClient("192.0.2.1", "Browser"))
                .text("hello").html("<p>hello</p>").createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        store.insert(ann);
        StringWriter writer = new StringWriter();

        // README: privacy
        PrivacyTools privacy = PrivacyTools.builder().store(store).subscriptions(subscriptions).build();
        privacy.export("ann@example.org", writer);        // one JSON object: comments, linkbacks, subscriptions
        ErasureReport report = privacy.erase("ann@example.org", ErasureMode.ANONYMIZE, false);
        Retention retention = Retention.builder().store(store).build();
        retention.run(1_000);                              // at most 1,000 batches; schedule it daily
        // README: end

        assertThat(writer.toString()).contains("hello");
        assertThat(report.anonymized()).isEqualTo(1);
        assertThat(store.find(ann.id()).orElseThrow().author().email()).isNull();
    }

    @Test
    @DisplayName("the README shows exactly the snippet this test runs")
    void readmeMatchesSnippet() throws IOException {
        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains("```java\n" + snippet() + "\n```");
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
                lines.add(line.substring(8));
            }
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
