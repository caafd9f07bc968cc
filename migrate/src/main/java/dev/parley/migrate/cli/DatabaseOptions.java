package dev.parley.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command shares to reach its database: {@code --db}, {@code --user}, and a password from a
 * file or an environment variable, never from the command line itself, where any user of the machine could
 * read it in the process list.
 *
 * <p>Not thread-safe: picocli fills it, then one command uses it.
 */
final class DatabaseOptions {

    @Spec(Spec.Target.MIXEE)
    private @Nullable CommandSpec command;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", order = 10,
            description = {"The Parley database: jdbc:h2:file:PATH (an embedded H2 file, as the demo's"
                    + " jdbc:h2:file:./data/parley-demo), jdbc:sqlite:PATH (the demo's default,"
                    + " ./data/parley-demo.db) or jdbc:postgresql://HOST/DB. Its schema is brought up to date."})
    private String url = "";

    @Option(names = "--user", paramLabel = "USER", order = 11,
            description = "The database user (default: sa on H2, the driver's default on PostgreSQL).")
    private @Nullable String user;

    @ArgGroup(exclusive = true, multiplicity = "0..1", order = 12)
    private @Nullable PasswordSource password;

    /** Where the password comes from: one of the two. */
    static final class PasswordSource {

        @Option(names = "--password-file", paramLabel = "FILE", required = true,
                description = "Read the password from FILE (its first line).")
        private @Nullable Path file;

        @Option(names = "--password-env", paramLabel = "VAR", required = true,
                description = "Read the password from the environment variable VAR.")
        private @Nullable String variable;
    }

    /**
     * Returns the URL as given.
     *
     * @return the JDBC URL
     */
    String url() {
        return url;
    }

    /**
     * Checks the URL and the password's source before any work starts.
     *
     * @param environment the process's environment
     * @throws ParameterException if the URL is not one the command line opens, or the password variable is
     *     unset (exit code 2)
     * @throws CommandFailure if the password file cannot be read (exit code 1)
     */
    void check(CliEnvironment environment) {
        try {
            Database.engine(url);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        resolvePassword(environment);
    }

    /**
     * Opens the database, creating an H2 or SQLite file that does not exist yet.
     *
     * @param environment the process's environment
     * @return the open database
     */
    Database open(CliEnvironment environment) {
        check(environment);
        return Database.open(url, user, resolvePassword(environment));
    }

    /**
     * Opens the database if it exists.
     *
     * @param environment the process's environment
     * @return the open database, or empty if an H2 or SQLite file does not exist
     */
    Optional<Database> openExisting(CliEnvironment environment) {
        check(environment);
        return Database.openExisting(url, user, resolvePassword(environment));
    }

    private @Nullable String resolvePassword(CliEnvironment environment) {
        PasswordSource source = password;
        if (source == null) {
            return null;
        }
        if (source.variable != null) {
            String value = environment.variable(source.variable);
            if (value == null) {
                throw usage("--password-env: the environment variable " + source.variable + " is not set");
            }
            return value;
        }
        Path file = source.file;
        if (file == null) {
            return null;
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (NoSuchFileException e) {
            throw new CommandFailure("--password-file: no such file: " + file, e);
        } catch (IOException e) {
            throw new CommandFailure("--password-file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private ParameterException usage(String message) {
        CommandSpec spec = command;
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command");
        }
        return new ParameterException(spec.commandLine(), message);
    }
}
