package dev.parley.migrate.cli;

/**
 * A command failed for a reason its message tells the user in full (a missing file, a map file that is not
 * CSV): printed without a stack trace, exit code 1.
 *
 * <p>Immutable and thread-safe.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what went wrong, for the user
     */
    CommandFailure(String message) {
        super(message);
    }

    /**
     * Creates the failure with its cause.
     *
     * @param message what went wrong, for the user
     * @param cause why
     */
    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
