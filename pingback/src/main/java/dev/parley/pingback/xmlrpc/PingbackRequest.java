package dev.parley.pingback.xmlrpc;

import java.util.Objects;

/**
 * The two arguments of a {@code pingback.ping} call, exactly as the caller sent them.
 *
 * <p>The parser checks only the call's shape; whether the URIs are absolute http(s) URLs, differ, and name a
 * target of this site is the receiving pipeline's business, because the Pingback specification gives those
 * checks their own fault codes (0x10, 0x20, 0x21). Immutable and thread-safe.
 *
 * @param sourceUri the page that links, as sent (whitespace preserved, per XML-RPC string rules)
 * @param targetUri the page linked to, as sent
 */
public record PingbackRequest(String sourceUri, String targetUri) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if either argument is null
     */
    public PingbackRequest {
        Objects.requireNonNull(sourceUri, "sourceUri must not be null");
        Objects.requireNonNull(targetUri, "targetUri must not be null");
    }
}
