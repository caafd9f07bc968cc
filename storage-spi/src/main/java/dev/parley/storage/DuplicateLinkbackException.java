package dev.parley.storage;

/**
 * An insert was refused because the thread already holds a linkback from the same source URL. Exactly one of
 * several concurrent inserts of the same (thread, source URL) succeeds; the others get this exception.
 */
public class DuplicateLinkbackException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final ThreadKey thread;
    private final String sourceUrl;

    /**
     * Creates the exception.
     *
     * @param thread the thread
     * @param sourceUrl the source already registered
     */
    public DuplicateLinkbackException(ThreadKey thread, String sourceUrl) {
        super("thread " + thread + " already holds a linkback from " + sourceUrl);
        this.thread = thread;
        this.sourceUrl = sourceUrl;
    }

    /**
     * Returns the thread.
     *
     * @return the thread
     */
    public ThreadKey thread() {
        return thread;
    }

    /**
     * Returns the source URL already registered.
     *
     * @return the URL
     */
    public String sourceUrl() {
        return sourceUrl;
    }
}
