package dev.parley.migrate;

/**
 * The root of the exceptions this module throws for a failed import, export or restore (a source it cannot
 * read, a file it cannot write). Caller mistakes are {@link NullPointerException}, {@link
 * IllegalArgumentException} or {@link IllegalStateException}; store failures keep their own
 * {@link dev.parley.storage.StoreException}.
 */
public class MigrateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public MigrateException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed
     * @param cause why
     */
    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
