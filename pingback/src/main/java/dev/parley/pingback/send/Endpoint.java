package dev.parley.pingback.send;

import java.net.URI;
import java.util.Objects;

/**
 * An endpoint a target page advertises for one protocol.
 *
 * <p>Immutable and thread-safe.
 *
 * @param protocol the protocol the endpoint speaks
 * @param uri the absolute endpoint URL, resolved against the page it was found on
 */
public record Endpoint(LinkbackProtocol protocol, URI uri) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code uri} is not absolute
     */
    public Endpoint {
        Objects.requireNonNull(protocol, "protocol must not be null");
        Objects.requireNonNull(uri, "uri must not be null");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("endpoint URL must be absolute, was " + uri);
        }
    }
}
