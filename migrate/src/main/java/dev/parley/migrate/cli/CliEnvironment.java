package dev.parley.migrate.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What a command sees of the process around it: its output streams, whether a person watches a terminal, its
 * environment variables and a monotonic clock. Tests pass their own, so that nothing reads the real process.
 *
 * <p>Immutable; thread-safe as far as its parts are.
 *
 * @param out standard output: reports
 * @param err standard error: progress, messages and errors
 * @param terminal true when a person watches a terminal, which gets a progress bar redrawn in place; false
 *     for a pipe, a file or a dumb terminal, which get plain lines
 * @param variables environment variables by name; null when unset
 * @param nanoTime a monotonic clock in nanoseconds, as {@link System#nanoTime()}
 */
record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        boolean terminal,
        Function<String, @Nullable String> variables,
        LongSupplier nanoTime) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if one is null
     */
    CliEnvironment {
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(err, "err must not be null");
        Objects.requireNonNull(variables, "variables must not be null");
        Objects.requireNonNull(nanoTime, "nanoTime must not be null");
    }

    /**
     * Returns the real process's environment: {@code System.out}, {@code System.err}, a terminal when the JVM
     * has a console on one and {@code TERM} is not {@code dumb}, {@code System.getenv} and
     * {@code System.nanoTime}.
     *
     * @return the environment
     */
    static CliEnvironment system() {
        Console console = System.console();
        boolean terminal = console != null && onTerminal(console) && !"dumb".equals(System.getenv("TERM"));
        return new CliEnvironment(new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal,
                System::getenv, System::nanoTime);
    }

    /**
     * Tells whether a console is a terminal. Before Java 22 a console exists only when it is; from Java 22 on
     * one may exist with the streams redirected, and {@code Console.isTerminal()} (absent from Java 17, hence
     * looked up) tells.
     */
    private static boolean onTerminal(Console console) {
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Returns an environment variable.
     *
     * @param name its name
     * @return its value, or null when unset
     */
    @Nullable String variable(String name) {
        return variables.apply(name);
    }
}
