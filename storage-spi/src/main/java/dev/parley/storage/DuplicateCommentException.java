package dev.parley.storage;

/** An insert was refused because a comment with the same id is already stored. */
public class DuplicateCommentException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final CommentId id;

    /**
     * Creates the exception.
     *
     * @param id the id already stored
     */
    public DuplicateCommentException(CommentId id) {
        super("a comment with id " + id + " is already stored");
        this.id = id;
    }

    /**
     * Returns the id already stored.
     *
     * @return the id
     */
    public CommentId id() {
        return id;
    }
}
