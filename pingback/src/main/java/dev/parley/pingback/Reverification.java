package dev.parley.pingback;

import java.util.Objects;

/**
 * The outcome of checking a known linkback's source again ({@link LinkbackReceiver#reverify(String, String)}),
 * which drives Webmention's update and delete semantics (W3C Webmention 3.2.4):
 *
 * <table>
 *   <caption>What a host does with each outcome</caption>
 *   <tr><th>outcome</th><th>stored linkback</th></tr>
 *   <tr><td>{@link StillLinks}</td><td>update title, excerpt, author from the fresh linkback</td></tr>
 *   <tr><td>{@link NoLongerLinks}</td><td>delete: the page was edited and the link removed</td></tr>
 *   <tr><td>{@link Gone}</td><td>delete: the page answered 410 Gone</td></tr>
 *   <tr><td>{@link Unavailable}</td><td>keep and try later: a 404, 500, time-out or refused address says
 *       nothing reliable about the page's content</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Reverification permits Reverification.StillLinks, Reverification.NoLongerLinks,
        Reverification.Gone, Reverification.Unavailable {

    /**
     * The source still links to the target.
     *
     * @param linkback the linkback as the source says it now
     */
    record StillLinks(VerifiedLinkback linkback) implements Reverification {

        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code linkback} is null
         */
        public StillLinks {
            Objects.requireNonNull(linkback, "linkback must not be null");
        }
    }

    /**
     * The source was fetched and no longer links to the target.
     *
     * @param finalUrl the canonical URL of the page read, after redirects
     */
    record NoLongerLinks(String finalUrl) implements Reverification {

        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code finalUrl} is null
         */
        public NoLongerLinks {
            Objects.requireNonNull(finalUrl, "finalUrl must not be null");
        }
    }

    /**
     * The source answered 410 Gone.
     */
    record Gone() implements Reverification {
    }

    /**
     * The source could not be checked now.
     *
     * @param fault why, as a Pingback fault
     * @param message a reason safe to show or send
     */
    record Unavailable(Fault fault, String message) implements Reverification {

        /**
         * Checks both components.
         *
         * @throws NullPointerException naming the component, if one is null
         */
        public Unavailable {
            Objects.requireNonNull(fault, "fault must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }
    }
}
