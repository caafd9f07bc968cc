package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.migrate.SourceThread;
import dev.parley.storage.ThreadKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadMappingsTest {

    @TempDir
    Path dir;

    private final ThreadMappings mappings = new ThreadMappings();

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("map.csv"), content);
    }

    @Test
    void anOptionSplitsAtItsLastEqualsSign() {
        mappings.addOption("https://old.example.com/?p=4=hello-world");

        assertThat(mappings.keys()).containsExactly(Map.entry("https://old.example.com/?p=4",
                ThreadKey.of("hello-world")));
    }

    @Test
    void mappedLinksPathsAndIdsWinAndTheRestKeepTheirPath() {
        mappings.addOption("https://old.example.com/2019/05/hello-world/=hello-world");
        mappings.addOption("/2019/06/notes/=notes");
        mappings.addOption("42=answer");

        assertThat(mappings.mapper().map(new SourceThread("7", "https://old.example.com/2019/05/hello-world/",
                null, null))).isEqualTo(ThreadKey.of("hello-world"));
        assertThat(mappings.mapper().map(new SourceThread("12", "http://www.old.example.com/2019/06/notes/",
                null, null))).isEqualTo(ThreadKey.of("notes"));
        assertThat(mappings.mapper().map(SourceThread.ofId("42"))).isEqualTo(ThreadKey.of("answer"));
        assertThat(mappings.mapper().map(new SourceThread("9", "https://old.example.com/about/", null, null)))
                .isEqualTo(ThreadKey.of("/about/"));
    }

    @Test
    void aFileHoldsCsvPairsWithQuotesCommentsAndBlankLines() throws IOException {
        mappings.addFile(csv("\uFEFF# old,new\n"
                + "https://old.example.com/2019/05/hello-world/,hello-world\n"
                + "\n"
                + "  \"https://old.example.com/?s=a,b\" , \"say \"\"hi\"\"\"\r\n"
                + "/2019/06/notes/ , notes \n"));

        assertThat(mappings.keys()).containsOnly(
                Map.entry("https://old.example.com/2019/05/hello-world/", ThreadKey.of("hello-world")),
                Map.entry("https://old.example.com/?s=a,b", ThreadKey.of("say \"hi\"")),
                Map.entry("/2019/06/notes/", ThreadKey.of("notes")));
    }

    @Test
    void aLineWithThreeFieldsNamesItsLine() throws IOException {
        Path file = csv("/a/,a\n/b/,b,c\n");

        assertThatThrownBy(() -> mappings.addFile(file)).isInstanceOf(CommandFailure.class)
                .hasMessage(file + " line 2: expected two fields, old,new; found 3");
    }

    @Test
    void anUnclosedQuoteNamesItsLineAndColumn() throws IOException {
        Path file = csv("\"/a/,a\n");

        assertThatThrownBy(() -> mappings.addFile(file)).isInstanceOf(CommandFailure.class)
                .hasMessage(file + " line 1: a quote opened at column 1 is not closed");
    }

    @Test
    void anInvalidThreadKeyNamesItsLine() throws IOException {
        Path file = csv("/a/,\"\t\"\n");

        assertThatThrownBy(() -> mappings.addFile(file)).isInstanceOf(CommandFailure.class)
                .hasMessageStartingWith(file + " line 1: thread key");
    }

    @Test
    void anOldPageMappedToTwoKeysIsRefused() throws IOException {
        mappings.addOption("/a/=first");
        Path file = csv("/a/,second\n");

        assertThatThrownBy(() -> mappings.addFile(file)).isInstanceOf(CommandFailure.class)
                .hasMessage(file + " line 1: /a/ is mapped to first already, by --map /a/=first");
    }

    @Test
    void theSameMappingTwiceIsFine() throws IOException {
        mappings.addOption("/a/=first");
        mappings.addFile(csv("/a/,first\n"));

        assertThat(mappings.keys()).containsExactly(Map.entry("/a/", ThreadKey.of("first")));
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> mappings.addFile(file)).isInstanceOf(CommandFailure.class)
                .hasMessage("--map-file: no such file: " + file);
    }

    @Test
    void theShippedExampleMapsBothOldPostsToTheDemosSlugs() {
        mappings.addFile(Path.of("examples/old-blog-threads.csv"));

        assertThat(mappings.keys()).containsOnly(
                Map.entry("https://old.example.com/2019/05/hello-world/",
                        ThreadKey.of("do-comment-threads-still-matter")),
                Map.entry("/2019/06/notes-on-moderation/", ThreadKey.of("a-moderation-queue-i-can-live-with")));
    }
}
