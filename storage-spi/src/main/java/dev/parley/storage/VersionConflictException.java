package dev.parley.storage;

/**
 * An update was refused because the stored comment changed since it was read: its version is not the one
 * the update was based on. Read it again and retry, or give up.
 */
public class VersionConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final CommentId id;
    private final long expectedVersion;

    /**
     * Creates the exception.
     *
     * @param id the comment
     * @param expectedVersion the version the update was based on
     * @param actualVersion the version stored, or -1 when unknown
     */
    public VersionConflictException(CommentId id, long expectedVersion, long actualVersion) {
        super("comment " + id + " was changed concurrently: update based on version " + expectedVersion
                + (actualVersion < 0 ? "" : ", stored version is " + actualVersion));
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    /**
     * Returns the comment whose update was refused.
     *
     * @return its id
     */
    public CommentId id() {
        return id;
    }

    /**
     * Returns the version the refused update was based on.
     *
     * @return the version
     */
    public long expectedVersion() {
        return expectedVersion;
    }
}
