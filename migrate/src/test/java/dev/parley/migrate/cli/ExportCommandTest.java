package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    private String database;

    @BeforeEach
    void importTheExample() {
        database = Cli.h2Url(dir, "parley");
        Cli.Result imported = new Cli().run("import", "--format", "wxr", ImportCommandTest.EXAMPLE, "--db",
                database, "--map-file", ImportCommandTest.EXAMPLE_MAP);
        assertThat(imported.exit()).as(imported.toString()).isZero();
    }

    @Test
    void exportsWxrThatImportsBackWithEveryComment() throws IOException {
        Path wxr = dir.resolve("export.xml");

        Cli.Result export = new Cli().run("export", "--format", "wxr", "--db", database, "-o", wxr.toString(),
                "--site-url", "https://blog.example.org/");

        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(export.out()).isEqualTo("Wrote 8 comments in 2 threads to " + wxr + ".\nWarnings: 0\n");
        assertThat(Files.readString(wxr)).contains("https://blog.example.org/do-comment-threads-still-matter");

        String copy = Cli.h2Url(dir, "copy");
        Cli.Result back = new Cli().run("import", "--format", "wxr", wxr.toString(), "--db", copy, "--map",
                "https://blog.example.org/do-comment-threads-still-matter=do-comment-threads-still-matter",
                "--map", "https://blog.example.org/a-moderation-queue-i-can-live-with"
                        + "=a-moderation-queue-i-can-live-with");
        assertThat(back.exit()).as(back.toString()).isZero();
        Map<String, Comment> before = ImportCommandTest.bySourceId(Cli.all(Cli.h2Store(database)));
        Map<String, Comment> after = ImportCommandTest.bySourceId(Cli.all(Cli.h2Store(copy)));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, comment) -> {
            Comment again = after.get(id);
            assertThat(again.thread()).as(id).isEqualTo(comment.thread());
            assertThat(again.status()).as(id).isEqualTo(comment.status());
            assertThat(again.kind()).as(id).isEqualTo(comment.kind());
            assertThat(again.text()).as(id).isEqualTo(comment.text());
            assertThat(again.createdAt()).as(id).isEqualTo(comment.createdAt());
        });
    }

    @Test
    void exportsDisqusLeavingSpamOutWithAWarning() {
        Path disqus = dir.resolve("disqus.xml");

        Cli.Result export = new Cli().run("export", "--format", "disqus", "--db", database, "-o",
                disqus.toString(), "--site-url", "https://blog.example.org");

        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(export.out()).startsWith("Wrote 7 comments in 2 threads to " + disqus + ".\nWarnings: 1\n");
        assertThat(disqus).isRegularFile();
    }

    @Test
    void aSiteUrlThatIsNotHttpIsAUsageError() {
        Cli.Result export = new Cli().run("export", "--format", "wxr", "--db", database, "-o",
                dir.resolve("x.xml").toString(), "--site-url", "ftp://blog.example.org");

        assertThat(export.exit()).isEqualTo(2);
        assertThat(export.err()).startsWith("--site-url: ");
        assertThat(dir.resolve("x.xml")).doesNotExist();
    }
}
