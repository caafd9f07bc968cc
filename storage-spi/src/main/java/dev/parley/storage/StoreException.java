package dev.parley.storage;

/**
 * The root of every exception a {@link CommentStore} throws: a storage failure (the database is down, a
 * query failed), or, through its subtypes, a refused write. Unchecked, like JDBI's and Jackson 3's.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
