package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreCommandTest {

    @TempDir
    Path dir;

    private String original;

    @BeforeEach
    void importTheExample() {
        original = Cli.h2Url(dir, "original");
        Cli.Result imported = new Cli().run("import", "--format", "wxr", ImportCommandTest.EXAMPLE, "--db",
                original, "--map-file", ImportCommandTest.EXAMPLE_MAP);
        assertThat(imported.exit()).as(imported.toString()).isZero();
    }

    private Cli.Result run(String... args) {
        Cli.Result result = new Cli().run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void backupRestoreBackupGivesTheSameFile() throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        String restored = Cli.h2Url(dir, "restored");

        Cli.Result backup = run("backup", "--db", original, "-o", first.toString());
        Cli.Result restore = run("restore", first.toString(), "--db", restored);
        run("backup", "--db", restored, "-o", second.toString());

        assertThat(backup.out()).isEqualTo("Wrote 8 comments in 2 threads to " + first + ".\nWarnings: 0\n");
        assertThat(restore.out()).isEqualTo("Read 8 comments: 8 inserted, 0 updated, 0 replaced, 0 unchanged.\n");
        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
        assertThat(Cli.all(Cli.h2Store(restored))).isEqualTo(Cli.all(Cli.h2Store(original)));
    }

    @Test
    void aGzipBackupRestoresAsThePlainOne() throws IOException {
        Path plain = dir.resolve("backup.jsonl");
        Path gzip = dir.resolve("backup.jsonl.gz");
        run("backup", "--db", original, "-o", plain.toString());
        run("backup", "--db", original, "-o", gzip.toString(), "--gzip");
        String restored = Cli.h2Url(dir, "restored");

        run("restore", gzip.toString(), "--db", restored);

        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(plain));
        }
        assertThat(Cli.all(Cli.h2Store(restored))).isEqualTo(Cli.all(Cli.h2Store(original)));
    }

    @Test
    void restoringTwiceChangesNothingTheSecondTime() {
        Path backup = dir.resolve("backup.jsonl");
        run("backup", "--db", original, "-o", backup.toString());

        Cli.Result again = run("restore", backup.toString(), "--db", original);

        assertThat(again.out()).isEqualTo("Read 8 comments: 0 inserted, 0 updated, 0 replaced, 8 unchanged.\n");
    }

    @Test
    void aDryRunRestoreWritesNothing() {
        Path backup = dir.resolve("backup.jsonl");
        run("backup", "--db", original, "-o", backup.toString());
        String empty = Cli.h2Url(dir, "empty");
        Cli.h2Store(empty);

        Cli.Result dry = run("restore", backup.toString(), "--db", empty, "--dry-run");

        assertThat(dry.out()).isEqualTo("Dry run: nothing was written.\n"
                + "Read 8 comments: 8 to insert, 0 to update, 0 to replace, 0 unchanged.\n");
        assertThat(Cli.all(Cli.h2Store(empty))).isEmpty();
    }

    @Test
    void aCutBackupExitsWithOneAndRestoresNothing() throws IOException {
        Path backup = dir.resolve("backup.jsonl");
        run("backup", "--db", original, "-o", backup.toString());
        String whole = Files.readString(backup);
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), whole.substring(0, whole.lastIndexOf("{\"end\"")));
        String restored = Cli.h2Url(dir, "restored");

        Cli.Result result = new Cli().run("restore", cut.toString(), "--db", restored);

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("parley-migrate restore: ").doesNotContain("\tat ");
        assertThat(Cli.all(Cli.h2Store(restored))).isEmpty();
    }

    @Test
    void aMissingBackupFileIsNamed() {
        Cli.Result result = new Cli().run("restore", "nowhere.jsonl", "--db", original);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("parley-migrate restore: no such file: nowhere.jsonl"
                + System.lineSeparator());
    }

    @Test
    void backingUpADatabaseThatDoesNotExistFailsAndCreatesNone() {
        String missing = Cli.h2Url(dir, "missing");

        Cli.Result result = new Cli().run("backup", "--db", missing, "-o", dir.resolve("b.jsonl").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("parley-migrate backup: no database at " + missing + ": nothing to"
                + " export" + System.lineSeparator());
        assertThat(dir.resolve("missing.mv.db")).doesNotExist();
        assertThat(dir.resolve("b.jsonl")).doesNotExist();
    }

    @Test
    void aBackupIntoAMissingDirectoryFailsWithItsName() {
        Path target = dir.resolve("no-such-dir").resolve("b.jsonl");

        Cli.Result result = new Cli().run("backup", "--db", original, "-o", target.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("parley-migrate backup: cannot write " + target + ": no such directory "
                + target.getParent() + System.lineSeparator());
    }

    @Test
    void aBackupLeavesNoPartialFileBehind() throws IOException {
        run("backup", "--db", original, "-o", dir.resolve("b.jsonl").toString());

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }
}
