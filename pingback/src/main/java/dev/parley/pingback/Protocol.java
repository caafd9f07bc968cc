package dev.parley.pingback;

/**
 * The linkback protocol a request arrived by. It decides nothing in verification; it travels with the
 * result so a host can store the kind of linkback and answer in the protocol's own form.
 *
 * <p>Thread-safe (an enum).
 */
public enum Protocol {
    /** Pingback 1.0: an XML-RPC {@code pingback.ping(sourceURI, targetURI)} call. */
    PINGBACK,
    /** TrackBack 1.2: a form post carrying the source {@code url} (and optionally title and excerpt). */
    TRACKBACK,
    /** Webmention (W3C Recommendation): a form post carrying {@code source} and {@code target}. */
    WEBMENTION
}
