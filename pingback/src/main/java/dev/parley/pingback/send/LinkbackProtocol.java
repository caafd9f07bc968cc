package dev.parley.pingback.send;

/**
 * The three linkback protocols, in the order a sender tries them: Webmention (W3C Recommendation), then
 * Pingback 1.0, then TrackBack 1.2.
 */
public enum LinkbackProtocol {
    /** W3C Webmention: a form POST of {@code source} and {@code target} to the advertised endpoint. */
    WEBMENTION,
    /** Pingback 1.0: an XML-RPC {@code pingback.ping} call. */
    PINGBACK,
    /** TrackBack 1.2: a form POST of {@code url} (and optionally title, excerpt, blog name) to the ping URL. */
    TRACKBACK
}
