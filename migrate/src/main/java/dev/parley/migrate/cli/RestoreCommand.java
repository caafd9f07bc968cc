package dev.parley.migrate.cli;

import dev.parley.migrate.ImportSource;
import dev.parley.migrate.backup.BackupReader;
import dev.parley.migrate.backup.RestoreReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley-migrate restore}: reads a backup written by {@code backup} back into a database.
 *
 * <p>Not thread-safe: picocli fills it, then calls it once.
 */
@Command(name = "restore", sortOptions = false,
        description = {"Reads a Parley backup (gzip-compressed or not) into a Parley database. The whole file is"
                + " checked first; nothing is written if it is not a complete backup. Comments the database"
                + " holds with the backup's values are left alone, so restoring twice changes nothing the"
                + " second time."})
final class RestoreCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    private @Nullable Path file;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--dry-run", order = 20,
            description = "Reads, checks and compares with the database, and writes nothing.")
    private boolean dryRun;

    /**
     * Creates the command.
     *
     * @param environment the process's environment
     */
    RestoreCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment must not be null");
    }

    @Override
    public Integer call() {
        Path backup = Objects.requireNonNull(file, "FILE is required");
        database.check(environment);
        if (!Files.isRegularFile(backup)) {
            throw new CommandFailure("no such file: " + backup);
        }
        ImportSource source = ImportSource.of(backup);
        try (Database target = dryRun
                ? database.openExisting(environment).orElseGet(() -> Database.empty(database.url()))
                : database.open(environment)) {
            if (dryRun) {
                environment.err().println("Dry run against " + target.description() + ": nothing will be written.");
            }
            ProgressPrinter progress = new ProgressPrinter(environment);
            RestoreReport report;
            try {
                report = BackupReader.builder().dryRun(dryRun).build().restore(source, target.store(), progress);
            } catch (RuntimeException e) {
                progress.finish(false);
                throw e;
            }
            progress.finish(true);
            PrintWriter out = environment.out();
            out.print(format(report));
            out.flush();
        }
        return 0;
    }

    /**
     * Renders what a restore did, or in a dry run would do.
     *
     * @param report the report
     * @return the text, lines ending in {@code \n}
     */
    static String format(RestoreReport report) {
        boolean dry = report.dryRun();
        return (dry ? "Dry run: nothing was written.\n" : "")
                + "Read " + report.read() + (report.read() == 1 ? " comment: " : " comments: ")
                + report.inserted() + (dry ? " to insert, " : " inserted, ")
                + report.updated() + (dry ? " to update, " : " updated, ")
                + report.replaced() + (dry ? " to replace, " : " replaced, ")
                + report.unchanged() + " unchanged.\n";
    }
}
