package dev.parley.pingback.webmention;

/**
 * What fetching a Webmention's source found, as far as the Webmention lifecycle cares.
 *
 * <p>Thread-safe (an enum).
 */
public enum SourceCheck {
    /** The source answered 2xx and links to the target. */
    LINKS_TO_TARGET,
    /** The source answered 2xx but does not (or no longer) link to the target. */
    LINK_REMOVED,
    /** The source answered 410 Gone: it was deleted on purpose. */
    GONE,
    /** The source could not be checked: another status, a refused address, a time-out or a network failure. */
    UNAVAILABLE;

    /**
     * Classifies a fetch that got an HTTP answer.
     *
     * @param httpStatus the final status after redirects
     * @param linksToTarget whether verification found the link (ignored unless the status is 2xx)
     * @return the classification
     */
    public static SourceCheck of(int httpStatus, boolean linksToTarget) {
        if (httpStatus == 410) {
            return GONE;
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            return linksToTarget ? LINKS_TO_TARGET : LINK_REMOVED;
        }
        return UNAVAILABLE;
    }
}
