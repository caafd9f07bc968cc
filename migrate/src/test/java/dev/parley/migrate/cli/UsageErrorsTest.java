package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageErrorsTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return new Cli().run(args);
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli.Result result = run();

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required subcommand").contains("Usage: parley-migrate");
    }

    @Test
    void helpListsTheFourCommandsAndExitsZero() {
        Cli.Result result = run("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("import", "export", "backup", "restore", "Exit codes: 0 done, 1 a file,"
                + " database or format error, 2 a usage error.");
    }

    @Test
    void unknownFormatNamesTheFormatsThereAre() {
        Cli.Result result = run("import", "--format", "csv", "comments.csv", "--db", Cli.h2Url(dir, "db"));

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("expected one of wxr, disqus, remark42, isso; was 'csv'");
    }

    @Test
    void formatIsReadInAnyCase() {
        Cli.Result result = run("import", "--format", "WXR", dir.resolve("missing.xml").toString(), "--db",
                Cli.h2Url(dir, "db"));

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
    }

    @Test
    void missingDatabaseOptionIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--db=JDBC_URL'");
    }

    @Test
    void missingFileParameterIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "--db", Cli.h2Url(dir, "db"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", Cli.h2Url(dir, "db"),
                "--password", "secret");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown options: '--password', 'secret'");
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db",
                "jdbc:postgresql://127.0.0.1/blog?user=blog&password=secret");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("the --db URL must not hold a password, which any user could read in the"
                + " process list: use --password-file or --password-env");
    }

    @Test
    void passwordFileAndVariableTogetherAreAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", Cli.h2Url(dir, "db"),
                "--password-file", "pw.txt", "--password-env", "PW");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--password-file=FILE, --password-env=VAR are mutually exclusive");
    }

    @Test
    void anUnsetPasswordVariableIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", Cli.h2Url(dir, "db"),
                "--password-env", "PARLEY_NO_SUCH_VARIABLE");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--password-env: the environment variable PARLEY_NO_SUCH_VARIABLE is not"
                + " set");
    }

    @Test
    void anotherDatabaseIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", "jdbc:mysql://127.0.0.1/blog");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--db must be a jdbc:h2:, jdbc:postgresql: or jdbc:sqlite: URL, was"
                + " jdbc:mysql://127.0.0.1/blog");
    }

    @Test
    void anInMemoryDatabaseIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", "jdbc:h2:mem:parley");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("an in-memory H2 database is gone when the command ends");
    }

    @Test
    void batchSizeOutOfRangeIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", Cli.h2Url(dir, "db"),
                "--batch-size", "0");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--batch-size must be between 1 and 1000, was 0");
    }

    @Test
    void aMapEntryWithoutKeyIsAUsageError() {
        Cli.Result result = run("import", "--format", "wxr", "export.xml", "--db", Cli.h2Url(dir, "db"),
                "--map", "/2019/05/hello-world/");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--map must be OLD=KEY (an old link, path, identifier or id, then the"
                + " Parley thread key), was /2019/05/hello-world/");
    }

    @Test
    void usageErrorsTouchNoDatabase() {
        run("import", "--format", "wxr", "export.xml", "--db", Cli.h2Url(dir, "db"), "--batch-size", "0");

        assertThat(dir.resolve("db.mv.db")).doesNotExist();
    }
}
