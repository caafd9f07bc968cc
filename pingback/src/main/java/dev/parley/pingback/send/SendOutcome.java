package dev.parley.pingback.send;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of sending one linkback to one target: {@link Sent}, {@link NoEndpoint}, {@link Refused} (unsafe)
 * or {@link Failed}. Only a failure can be worth retrying; see {@link Failed#retryable()}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface SendOutcome
        permits SendOutcome.Sent, SendOutcome.NoEndpoint, SendOutcome.Refused, SendOutcome.Failed {

    /**
     * The target the linkback was for.
     *
     * @return the target URL
     */
    URI target();

    /**
     * Whether trying again later may succeed: true only for a {@link Failed} that says so.
     *
     * @return true if a retry is worthwhile
     */
    boolean retryable();

    /**
     * The receiver accepted the linkback.
     *
     * @param target the target
     * @param protocol the protocol it went by
     * @param endpoint the endpoint that accepted it (the last one, if the endpoint redirected)
     * @param status the HTTP status of the accepting answer
     * @param location a Webmention receiver's status URL ({@code Location} of a 201 or 202), if it gave one
     */
    record Sent(URI target, LinkbackProtocol protocol, URI endpoint, int status, Optional<URI> location)
            implements SendOutcome {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Sent {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(protocol, "protocol must not be null");
            Objects.requireNonNull(endpoint, "endpoint must not be null");
            Objects.requireNonNull(location, "location must not be null");
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /**
     * The target page was read but advertises no endpoint for any protocol.
     *
     * @param target the target
     * @param reason a human-readable explanation
     */
    record NoEndpoint(URI target, String reason) implements SendOutcome {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public NoEndpoint {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /**
     * Nothing was sent because the target page or an endpoint is, or redirects to, an address the policy
     * refuses (loopback, private, link-local and so on). No connection was made to that address.
     *
     * @param target the target
     * @param reason a human-readable explanation naming the refused URL
     */
    record Refused(URI target, String reason) implements SendOutcome {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Refused {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /**
     * Sending failed.
     *
     * @param target the target
     * @param protocol the protocol of the last attempt, or null if discovery itself failed
     * @param endpoint the endpoint of the last attempt, or null if discovery itself failed
     * @param status the HTTP status of the failing answer, or 0 if there was none (timeout, connection failure)
     * @param faultCode the Pingback fault code, or 0 when there is none
     * @param retryable whether trying again later may succeed (timeouts, connection failures, 5xx and 429)
     * @param reason a human-readable explanation, such as the receiver's fault string or error message
     */
    record Failed(URI target, @Nullable LinkbackProtocol protocol, @Nullable URI endpoint, int status, int faultCode,
            boolean retryable, String reason) implements SendOutcome {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if {@code target} or {@code reason} is null
         * @throws IllegalArgumentException if exactly one of {@code protocol} and {@code endpoint} is null, or
         *     {@code status} is neither 0 nor 100 to 599
         */
        public Failed {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
            if ((protocol == null) != (endpoint == null)) {
                throw new IllegalArgumentException("protocol and endpoint are given together");
            }
            if (status != 0 && (status < 100 || status > 599)) {
                throw new IllegalArgumentException("status must be 0 or 100..599, was " + status);
            }
        }
    }
}
