package dev.parley.migrate.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code parley-migrate} command line: {@code import}, {@code export}, {@code backup} and {@code restore}.
 *
 * <p>Exit codes: 0 when the command did its work (an import with warnings included), 1 when a file, the
 * database or the source's format failed it (the message on standard error, the stack trace only with
 * {@code --verbose}), 2 for a usage error (picocli's message and the command's usage).
 *
 * <p>Reports go to standard output; progress, notes and errors to standard error.
 */
@Command(name = "parley-migrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Brings comments into a Parley database from WordPress, Disqus, Remark42 and Isso, exports"
                + " them as WordPress WXR or Disqus's import format, and backs the database up and restores it."},
        footer = {"", "Exit codes: 0 done, 1 a file, database or format error, 2 a usage error."})
public final class Main {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print its stack trace; log the database's schema migrations.")
    private boolean verbose;

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose"));
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    /**
     * Builds the command line over an environment: what {@link #main} runs, and what the tests run in-process.
     *
     * @param environment the streams, terminal, variables and clock the commands use
     * @return the command line, ready for {@link CommandLine#execute(String...)}
     */
    static CommandLine commandLine(CliEnvironment environment) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main)
                .addSubcommand(new ImportCommand(environment))
                .addSubcommand(new ExportCommand(environment))
                .addSubcommand(new BackupCommand(environment))
                .addSubcommand(new RestoreCommand(environment));
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setExecutionExceptionHandler(new Failures(main));
        return commandLine;
    }

    /**
     * Sends the libraries' logging (Flyway, the JDBC store) to standard error through slf4j-simple, warnings
     * only unless {@code --verbose}; a {@code -Dorg.slf4j.simpleLogger...} property given to the JVM wins.
     */
    private static void configureLogging(boolean verbose) {
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showLogName", "false");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Prints a failed command's message, and its stack trace with {@code --verbose}; exit code 1. */
    private static final class Failures implements IExecutionExceptionHandler {
        private final Main main;

        Failures(Main main) {
            this.main = main;
        }

        @Override
        public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
            PrintWriter err = command.getErr();
            err.println(command.getCommandSpec().qualifiedName() + ": " + message(failure));
            if (main.verbose) {
                failure.printStackTrace(err);
            }
            err.flush();
            return 1;
        }

        /** The message and those of its causes that it does not already say. */
        static String message(Throwable failure) {
            String first = failure.getMessage();
            StringBuilder text = new StringBuilder(first == null || first.isBlank() ? failure.toString() : first);
            Set<Throwable> seen = new LinkedHashSet<>();
            for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
                String message = cause.getMessage();
                if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                    text.append("\n  caused by: ").append(message);
                }
            }
            return text.toString();
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"parley-migrate " + (version == null ? "(development build)" : version)};
        }
    }
}
