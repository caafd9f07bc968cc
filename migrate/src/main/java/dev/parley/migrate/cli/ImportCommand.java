package dev.parley.migrate.cli;

import dev.parley.migrate.ImportReport;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportStoppedException;
import dev.parley.migrate.Importer;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley-migrate import}: reads a WordPress, Disqus, Remark42 or Isso export into a Parley database with
 * the {@link Importer}, showing progress, then prints the {@link ImportReport}.
 *
 * <p>Not thread-safe: picocli fills it, then calls it once.
 */
@Command(name = "import", sortOptions = false, showDefaultValues = true,
        description = {"Imports comments from a WordPress (WXR), Disqus, Remark42 or Isso export into a Parley"
                + " database. The whole file is read and checked first; nothing is written if it is not"
                + " well-formed. Importing the same file again changes only what changed in it."})
final class ImportCommand implements Callable<Integer> {

    /** How many warnings the report lists; all are counted. */
    static final int WARNING_LINES = 50;
    /** How many threads the report lists with their Parley keys. */
    static final int THREAD_LINES = 20;

    private final CliEnvironment environment;

    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", order = 1,
            converter = ImportFormat.Converter.class, completionCandidates = ImportFormat.Names.class,
            description = "The source's format: ${COMPLETION-CANDIDATES}.")
    private @Nullable ImportFormat format;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The export file (gzip-compressed or not), or Isso's SQLite database.")
    private @Nullable Path file;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--source-name", paramLabel = "NAME", order = 20, defaultValue = "",
            description = {"Names the source, so that two sites of one system (two WordPress blogs) imported into"
                    + " one database get distinct comment ids. Give the same name at every import of a source."})
    private String sourceName = "";

    @Option(names = "--map", paramLabel = "OLD=KEY", order = 21,
            description = {"Puts the comments of an old page under a Parley thread key: OLD is the page's link,"
                    + " its path, its identifier or its id in the source; KEY is the key your pages use (the"
                    + " demo's: a post's slug). Repeatable. Pages not mapped get the path of their link."})
    private List<String> maps = new ArrayList<>();

    @Option(names = "--map-file", paramLabel = "CSV", order = 22,
            description = "Reads more OLD,KEY pairs from a CSV file, one a line (quote a field holding a comma).")
    private @Nullable Path mapFile;

    @Option(names = "--dry-run", order = 23,
            description = "Reads, checks and compares with the database, and writes nothing.")
    private boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "N", order = 24, defaultValue = "" + Importer.DEFAULT_BATCH_SIZE,
            description = "Comments written per transaction, 1 to " + CommentStore.MAX_BATCH + ".")
    private int batchSize = Importer.DEFAULT_BATCH_SIZE;

    @Option(names = "--two-passes", order = 25,
            description = "Reads the file twice, checking all of it before writing anything, instead of writing a"
                    + " WordPress export thread by thread as it reads.")
    private boolean twoPasses;

    /**
     * Creates the command.
     *
     * @param environment the process's environment
     */
    ImportCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment must not be null");
    }

    @Override
    public Integer call() {
        CommandSpec command = Objects.requireNonNull(spec, "picocli injects the spec");
        ImportFormat sourceFormat = Objects.requireNonNull(format, "--format is required");
        Path sourceFile = Objects.requireNonNull(file, "FILE is required");
        if (batchSize < 1 || batchSize > CommentStore.MAX_BATCH) {
            throw new ParameterException(command.commandLine(), "--batch-size must be between 1 and "
                    + CommentStore.MAX_BATCH + ", was " + batchSize);
        }
        if (sourceName.length() > 200) {
            throw new ParameterException(command.commandLine(), "--source-name must be at most 200 characters");
        }
        ThreadMappings mappings = new ThreadMappings();
        for (String entry : maps) {
            try {
                mappings.addOption(entry);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), e.getMessage());
            }
        }
        database.check(environment);
        if (!Files.isRegularFile(sourceFile)) {
            throw new CommandFailure("no such file: " + sourceFile);
        }
        if (mapFile != null) {
            mappings.addFile(mapFile);
        }
        ImportSource source = ImportSource.of(sourceFile);

        try (Database target = open()) {
            PrintWriter err = environment.err();
            if (dryRun) {
                err.println("Dry run against " + target.description() + ": nothing will be written.");
            }
            ProgressPrinter progress = new ProgressPrinter(environment);
            Importer importer = Importer.builder()
                    .store(target.store())
                    .threadMapper(mappings.mapper())
                    .sourceName(sourceName)
                    .dryRun(dryRun)
                    .batchSize(batchSize)
                    .twoPasses(twoPasses)
                    .progress(progress)
                    .build();
            ImportReport report;
            try {
                report = importer.run(sourceFormat.reader(), source);
            } catch (ImportStoppedException stopped) {
                progress.finish(false);
                // The threads written before the break are in the database: say which, then fail.
                PrintWriter out = environment.out();
                out.print(stopped.report().format(WARNING_LINES));
                out.print(threads(stopped.report().threads()));
                out.flush();
                throw stopped;
            } catch (RuntimeException e) {
                progress.finish(false);
                throw e;
            }
            progress.finish(true);
            PrintWriter out = environment.out();
            out.print(report.format(WARNING_LINES));
            out.print(threads(report.threads()));
            out.flush();
        }
        return 0;
    }

    private Database open() {
        if (!dryRun) {
            return database.open(environment);
        }
        return database.openExisting(environment).orElseGet(() -> Database.empty(database.url()));
    }

    /** The threads the comments went to, by Parley key: what a page must ask for to show them. */
    static String threads(Map<ThreadKey, Long> threads) {
        StringBuilder out = new StringBuilder("Threads by Parley key:");
        if (threads.isEmpty()) {
            return out.append(" none\n").toString();
        }
        out.append('\n');
        int listed = 0;
        for (Map.Entry<ThreadKey, Long> thread : threads.entrySet()) {
            if (listed == THREAD_LINES) {
                out.append("  ... and ").append(threads.size() - listed).append(" more\n");
                break;
            }
            out.append("  ").append(thread.getKey().value()).append("  ").append(thread.getValue())
                    .append(thread.getValue() == 1 ? " comment\n" : " comments\n");
            listed++;
        }
        return out.toString();
    }
}
