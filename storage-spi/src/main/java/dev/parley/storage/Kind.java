package dev.parley.storage;

/** What kind of contribution a stored comment is. */
public enum Kind {
    /** A comment or reply written on the page itself. */
    COMMENT,
    /** A Pingback 1.0 notification from another site that links to the page. */
    PINGBACK,
    /** A TrackBack 1.2 ping from another site. */
    TRACKBACK,
    /** A W3C Webmention from another site. */
    WEBMENTION;

    /**
     * Tells whether this kind is a linkback, which carries a {@link Linkback} source.
     *
     * @return true for every kind but {@link #COMMENT}
     */
    public boolean isLinkback() {
        return this != COMMENT;
    }
}
