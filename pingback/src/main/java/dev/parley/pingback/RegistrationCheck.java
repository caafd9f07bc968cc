package dev.parley.pingback;

/**
 * The host's answer to "do I already have this linkback?", which decides Pingback's
 * {@link Fault#ALREADY_REGISTERED} (0x30) and TrackBack's matching error before anything is fetched. Only the
 * host's store knows; this check is a courtesy that saves a fetch, and the store's own uniqueness (for
 * example {@code CommentStore}'s one linkback per thread and source) stays the final word under concurrency.
 *
 * <p>Not consulted for Webmention: a repeated Webmention is an update (W3C Webmention 3.2.4), so it is
 * verified again; use {@link LinkbackReceiver#reverify(String, String)} or the accepted result to update.
 *
 * <p>Implementations must be thread-safe. Arguments are canonical URLs (see {@link TargetCheck}).
 */
@FunctionalInterface
public interface RegistrationCheck {

    /**
     * Returns whether a linkback from this source to this target is already stored.
     *
     * @param protocol {@link Protocol#PINGBACK} or {@link Protocol#TRACKBACK}
     * @param source the canonical source URL
     * @param target the canonical target URL
     * @return true to refuse the linkback as already registered
     */
    boolean isRegistered(Protocol protocol, String source, String target);

    /**
     * Returns a check that knows no linkbacks: every linkback is verified and, if it links, accepted.
     *
     * @return the check
     */
    static RegistrationCheck none() {
        return (protocol, source, target) -> false;
    }
}
