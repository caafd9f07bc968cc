package dev.parley.pingback.webmention;

import java.util.Objects;

/**
 * What a receiver does with a verified (or failed) Webmention, given whether it has seen the same source and
 * target before (W3C Webmention, 3.2.4 "Updating existing Webmentions").
 *
 * <table>
 *   <caption>Decisions</caption>
 *   <tr><th>source check</th><th>new</th><th>seen before</th></tr>
 *   <tr><td>{@link SourceCheck#LINKS_TO_TARGET}</td><td>{@link #CREATE}</td><td>{@link #UPDATE}</td></tr>
 *   <tr><td>{@link SourceCheck#LINK_REMOVED}</td><td>{@link #REJECT}</td><td>{@link #DELETE}</td></tr>
 *   <tr><td>{@link SourceCheck#GONE} (410)</td><td>{@link #REJECT}</td><td>{@link #DELETE}</td></tr>
 *   <tr><td>{@link SourceCheck#UNAVAILABLE}</td><td>{@link #REJECT}</td><td>{@link #KEEP}</td></tr>
 * </table>
 *
 * <p>An unavailable source never deletes a stored mention: a time-out or a 500 says nothing about the
 * page's content, and deleting on it would let an outage, or an attacker able to cause one, erase mentions.
 *
 * <p>Thread-safe (an enum).
 */
public enum WebmentionAction {
    /** Store a new mention (re-render its title, excerpt and author from the source). */
    CREATE,
    /** Replace the stored mention's content with what the source says now. */
    UPDATE,
    /** Delete the stored mention (or mark it deleted): the source is gone or no longer links. */
    DELETE,
    /** Leave the stored mention as it is and try again later. */
    KEEP,
    /** Store nothing: a new mention whose source does not link to the target. */
    REJECT;

    /**
     * Decides what to do.
     *
     * @param seenBefore whether a mention with the same source and target is stored
     * @param check what fetching the source found
     * @return the action
     * @throws NullPointerException if {@code check} is null
     */
    public static WebmentionAction decide(boolean seenBefore, SourceCheck check) {
        Objects.requireNonNull(check, "check must not be null");
        return switch (check) {
            case LINKS_TO_TARGET -> seenBefore ? UPDATE : CREATE;
            case LINK_REMOVED, GONE -> seenBefore ? DELETE : REJECT;
            case UNAVAILABLE -> seenBefore ? KEEP : REJECT;
        };
    }
}
