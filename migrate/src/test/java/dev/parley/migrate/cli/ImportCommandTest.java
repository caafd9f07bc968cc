package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class ImportCommandTest {

    static final String EXAMPLE = "examples/old-blog.wordpress.xml";
    static final String EXAMPLE_MAP = "examples/old-blog-threads.csv";
    static final ThreadKey HELLO = ThreadKey.of("do-comment-threads-still-matter");
    static final ThreadKey NOTES = ThreadKey.of("a-moderation-queue-i-can-live-with");

    @TempDir
    Path dir;

    private Cli.Result importExample(String url, String... more) {
        String[] args = {"import", "--format", "wxr", EXAMPLE, "--db", url, "--map-file", EXAMPLE_MAP};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return new Cli().run(all);
    }

    static Map<String, Comment> bySourceId(List<Comment> comments) {
        return comments.stream().collect(Collectors.toMap(c -> c.provenance().sourceId(), Function.identity()));
    }

    @Test
    void importsTheExampleIntoAnH2FileWhereTheStoreReadsItBack() {
        String url = Cli.h2Url(dir, "parley");

        Cli.Result result = importExample(url);

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Read 8 comments in 2 threads: 8 inserted, 0 updated, 0 replaced,"
                + " 0 unchanged.\n").endsWith("Threads by Parley key:\n"
                        + "  a-moderation-queue-i-can-live-with  2 comments\n"
                        + "  do-comment-threads-still-matter  6 comments\n");
        Map<String, Comment> stored = bySourceId(Cli.all(Cli.h2Store(url)));
        assertThat(stored).containsOnlyKeys("21", "22", "23", "24", "25", "26", "31", "32");
        assertThat(stored.get("21").thread()).isEqualTo(HELLO);
        assertThat(stored.get("31").thread()).isEqualTo(NOTES);
        assertThat(stored.get("23").parentId()).isEqualTo(stored.get("22").id());
        assertThat(stored.get("23").rootId()).isEqualTo(stored.get("21").id());
        assertThat(stored.get("23").author().name()).isEqualTo("Tom & Jerry");
        assertThat(stored.get("24").kind()).isEqualTo(Kind.PINGBACK);
        assertThat(stored.get("25").status()).isEqualTo(Status.PENDING);
        assertThat(stored.get("26").status()).isEqualTo(Status.SPAM);
    }

    @Test
    void importingTheSameFileAgainLeavesEveryCommentAsItWas() {
        String url = Cli.h2Url(dir, "parley");
        importExample(url);

        Cli.Result again = importExample(url);

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).startsWith("Read 8 comments in 2 threads: 0 inserted, 0 updated, 0 replaced,"
                + " 8 unchanged.\n");
        assertThat(Cli.all(Cli.h2Store(url))).hasSize(8);
    }

    @Test
    void aDryRunAgainstAnH2FileWritesNothing() {
        String url = Cli.h2Url(dir, "parley");
        JdbcCommentStore store = Cli.h2Store(url);

        Cli.Result result = importExample(url, "--dry-run");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Dry run: nothing was written.\nRead 8 comments in 2 threads: 8 to"
                + " insert, 0 to update, 0 to replace, 0 unchanged.\n");
        assertThat(result.err()).contains("Dry run against " + url + ": nothing will be written.");
        assertThat(Cli.all(store)).isEmpty();
    }

    @Test
    void aDryRunBeforeTheFirstImportCreatesNoDatabase() {
        String url = Cli.h2Url(dir, "parley");

        Cli.Result result = importExample(url, "--dry-run");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Dry run against an empty store (no database at " + url + " yet)");
        assertThat(result.out()).contains("8 to insert");
        assertThat(dir.resolve("parley.mv.db")).doesNotExist();
    }

    @Test
    void importsIntoTheDemosDefaultSqliteFileWithTheSettingsTheStoreNeeds() {
        Path file = dir.resolve("data").resolve("parley-demo.db");

        Cli.Result result = importExample("jdbc:sqlite:" + file);

        assertThat(result.exit()).as(result.toString()).isZero();
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(Database.withSqliteDefaults("jdbc:sqlite:" + file));
        assertThat(Cli.all(JdbcCommentStore.create(dataSource))).hasSize(8);
    }

    @Test
    void aMissingFileExitsWithOneAndItsNameAndNoStackTrace() {
        Cli.Result result = new Cli().run("import", "--format", "wxr", "nowhere/export.xml", "--db",
                Cli.h2Url(dir, "parley"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("parley-migrate import: no such file: nowhere/export.xml"
                + System.lineSeparator());
        assertThat(dir.resolve("parley.mv.db")).doesNotExist();
    }

    @Test
    void aTruncatedFileExitsWithOneSayingWhereAndWritesOnlyTheWholeThreadBeforeTheBreak() throws IOException {
        Path truncated = dir.resolve("truncated.xml");
        String whole = Files.readString(Path.of(EXAMPLE));
        Files.writeString(truncated, whole.substring(0, whole.indexOf("<wp:comment_id>32")));
        String url = Cli.h2Url(dir, "parley");

        Cli.Result result = new Cli().run("import", "--format", "wxr", truncated.toString(), "--db", url);

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("parley-migrate import: line ").doesNotContain("\tat ")
                .contains("the thread before the break was imported whole (6 comments, the last thread ");
        assertThat(result.out()).startsWith("Read 6 comments in 1 threads: 6 inserted, 0 updated, 0 replaced,"
                + " 0 unchanged.\n").endsWith("Threads by Parley key:\n  /2019/05/hello-world/  6 comments\n");
        assertThat(bySourceId(Cli.all(Cli.h2Store(url)))).containsOnlyKeys("21", "22", "23", "24", "25", "26");
    }

    @Test
    void aTruncatedFileReadInTwoPassesWritesNothing() throws IOException {
        Path truncated = dir.resolve("truncated.xml");
        String whole = Files.readString(Path.of(EXAMPLE));
        Files.writeString(truncated, whole.substring(0, whole.indexOf("<wp:comment_id>32")));
        String url = Cli.h2Url(dir, "parley");

        Cli.Result result = new Cli().run("import", "--format", "wxr", truncated.toString(), "--db", url,
                "--two-passes");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("parley-migrate import: line ").doesNotContain("imported whole");
        assertThat(Cli.all(Cli.h2Store(url))).isEmpty();
    }

    @Test
    void verbosePrintsTheStackTraceOfAFailure() {
        Cli.Result result = new Cli().run("import", "--format", "wxr", "nowhere/export.xml", "--db",
                Cli.h2Url(dir, "parley"), "--verbose");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("parley-migrate import: no such file: nowhere/export.xml")
                .contains("CommandFailure", "\tat dev.parley.migrate.cli.ImportCommand.call");
    }

    @Test
    void thePasswordComesFromAnEnvironmentVariable() {
        String url = Cli.h2Url(dir, "parley");
        Cli.h2Store(url, "migrator", "s3cret pass");

        Cli.Result result = new Cli().variable("PARLEY_DB_PASSWORD", "s3cret pass").run("import", "--format",
                "wxr", EXAMPLE, "--db", url, "--user", "migrator", "--password-env", "PARLEY_DB_PASSWORD");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Cli.all(Cli.h2Store(url, "migrator", "s3cret pass"))).hasSize(8);
    }

    @Test
    void thePasswordComesFromTheFirstLineOfAFile() throws IOException {
        String url = Cli.h2Url(dir, "parley");
        Cli.h2Store(url, "migrator", "s3cret pass");
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret pass\r\n");

        Cli.Result result = new Cli().run("import", "--format", "wxr", EXAMPLE, "--db", url, "--user",
                "migrator", "--password-file", passwordFile.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Cli.all(Cli.h2Store(url, "migrator", "s3cret pass"))).hasSize(8);
    }

    @Test
    void aWrongPasswordExitsWithOneAndTheDriversMessage() throws IOException {
        String url = Cli.h2Url(dir, "parley");
        Cli.h2Store(url, "migrator", "s3cret pass");
        Path passwordFile = Files.writeString(dir.resolve("password"), "guess\n");

        Cli.Result result = new Cli().run("import", "--format", "wxr", EXAMPLE, "--db", url, "--user",
                "migrator", "--password-file", passwordFile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("parley-migrate import: cannot open the database " + url + ": Wrong"
                + " user name or password").doesNotContain("guess");
    }

    @Test
    void aMissingPasswordFileIsNamed() {
        Cli.Result result = new Cli().run("import", "--format", "wxr", EXAMPLE, "--db", Cli.h2Url(dir, "parley"),
                "--password-file", "no-such-password-file");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("--password-file: no such file: no-such-password-file");
    }

    @Test
    void progressWithoutAConsoleIsPlainLinesWithoutCarriageReturnsNorEscapes() {
        Cli.Result result = new Cli().terminal(false).clockStep(6_000_000_000L).run("import", "--format", "wxr",
                EXAMPLE, "--db", Cli.h2Url(dir, "parley"), "--two-passes");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("checking: done, ", "writing: done, ")
                .doesNotContain("\r").doesNotContain("\u001b");
        assertThat(result.out()).doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void progressOnATerminalIsRedrawnInPlace() {
        Cli.Result result = new Cli().terminal(true).run("import", "--format", "wxr", EXAMPLE, "--db",
                Cli.h2Url(dir, "parley"), "--two-passes");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).startsWith("\rchecking  [####################] 100%").contains("\rwriting   [")
                .doesNotContain("\u001b");
    }

    @Test
    void aWordPressExportReadOnceShowsOnlyTheWritingPhase() {
        Cli.Result result = new Cli().terminal(false).clockStep(6_000_000_000L).run("import", "--format", "wxr",
                EXAMPLE, "--db", Cli.h2Url(dir, "parley"));

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("writing: done, 10 items").doesNotContain("checking");
    }
}
