package dev.parley.migrate.cli;

import dev.parley.migrate.CommentWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley-migrate export}: writes a Parley database's comments as WordPress WXR or Disqus's import
 * format.
 *
 * <p>Not thread-safe: picocli fills it, then calls it once.
 */
@Command(name = "export", sortOptions = false,
        description = {"Writes every comment of a Parley database as a WordPress export (WXR), which WordPress's"
                + " importer reads, or in Disqus's import format. Comments imported from WordPress get their"
                + " WordPress values back."})
final class ExportCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", order = 1,
            converter = ExportFormat.Converter.class, completionCandidates = ExportFormat.Names.class,
            description = "The format to write: ${COMPLETION-CANDIDATES}.")
    private @Nullable ExportFormat format;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", order = 20,
            description = "The file to write; it is replaced only once complete.")
    private @Nullable Path output;

    @Option(names = "--site-url", paramLabel = "URL", order = 21,
            description = "The site's address, the start of each thread's link (a thread key that is a path"
                    + " is appended to it). Default: http://localhost.")
    private @Nullable String siteUrl;

    /**
     * Creates the command.
     *
     * @param environment the process's environment
     */
    ExportCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment must not be null");
    }

    @Override
    public Integer call() {
        CommandSpec command = Objects.requireNonNull(spec, "picocli injects the spec");
        ExportFormat exportFormat = Objects.requireNonNull(format, "--format is required");
        CommentWriter writer;
        try {
            writer = exportFormat.writer(siteUrl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--site-url: " + e.getMessage());
        }
        Exporting.run(environment, database, Objects.requireNonNull(output, "-o is required"), false, writer);
        return 0;
    }
}
