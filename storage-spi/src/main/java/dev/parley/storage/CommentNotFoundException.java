package dev.parley.storage;

/** An update named a comment that is not stored (never inserted, or deleted since it was read). */
public class CommentNotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final CommentId id;

    /**
     * Creates the exception.
     *
     * @param id the missing comment
     */
    public CommentNotFoundException(CommentId id) {
        super("no comment with id " + id + " is stored");
        this.id = id;
    }

    /**
     * Returns the missing comment's id.
     *
     * @return the id
     */
    public CommentId id() {
        return id;
    }
}
