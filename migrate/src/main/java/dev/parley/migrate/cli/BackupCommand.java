package dev.parley.migrate.cli;

import dev.parley.migrate.backup.BackupWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-migrate backup}: writes Parley's own lossless backup of a database, which {@code restore}
 * reads back.
 *
 * <p>Not thread-safe: picocli fills it, then calls it once.
 */
@Command(name = "backup", sortOptions = false,
        description = {"Writes every comment of a Parley database, every field and its provenance, to Parley's"
                + " backup format (JSON lines): restoring it into an empty database gives the same database"
                + " back. Write no comments meanwhile for a consistent backup."})
final class BackupCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", order = 20,
            description = "The file to write; it is replaced only once complete.")
    private @Nullable Path output;

    @Option(names = "--gzip", order = 21, description = "Compress the file with gzip; restore reads either.")
    private boolean gzip;

    /**
     * Creates the command.
     *
     * @param environment the process's environment
     */
    BackupCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment must not be null");
    }

    @Override
    public Integer call() {
        Exporting.run(environment, database, Objects.requireNonNull(output, "-o is required"), gzip,
                BackupWriter.builder().build());
        return 0;
    }
}
