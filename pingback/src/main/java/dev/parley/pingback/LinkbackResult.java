package dev.parley.pingback;

import java.util.Objects;

/**
 * The outcome of receiving a linkback: accepted with the verified linkback, or rejected with a fault the
 * caller sends back in the protocol's own form (an XML-RPC fault, a TrackBack error, a Webmention HTTP
 * status). Rejections caused by the sender or the source are data, never exceptions.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface LinkbackResult permits LinkbackResult.Accepted, LinkbackResult.Rejected {

    /**
     * The source was fetched, links to the target, and its title, excerpt and author were extracted.
     *
     * <p>Immutable and thread-safe.
     *
     * @param linkback the verified linkback
     */
    record Accepted(VerifiedLinkback linkback) implements LinkbackResult {

        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code linkback} is null
         */
        public Accepted {
            Objects.requireNonNull(linkback, "linkback must not be null");
        }
    }

    /**
     * The linkback was refused.
     *
     * <p>Immutable and thread-safe.
     *
     * @param fault why, as the Pingback fault the protocols' answers derive from
     * @param message a human-readable reason, safe to send to the sender (it never names internal addresses
     *     or exception details); not blank
     */
    record Rejected(Fault fault, String message) implements LinkbackResult {

        /**
         * Checks both components.
         *
         * @throws NullPointerException naming the component, if one is null
         * @throws IllegalArgumentException if {@code message} is blank
         */
        public Rejected {
            Objects.requireNonNull(fault, "fault must not be null");
            Objects.requireNonNull(message, "message must not be null");
            if (message.isBlank()) {
                throw new IllegalArgumentException("message must not be blank");
            }
        }
    }
}
