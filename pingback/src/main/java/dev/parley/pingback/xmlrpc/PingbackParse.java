package dev.parley.pingback.xmlrpc;

import dev.parley.pingback.Fault;
import java.util.Objects;

/**
 * What {@link PingbackRequestParser} made of a request body: a {@code pingback.ping} call, or the fault the
 * caller should answer with (see {@link PingbackResponses#fault(Fault, String)}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface PingbackParse {

    /**
     * A well-formed {@code pingback.ping(sourceURI, targetURI)} call.
     *
     * @param request the call's arguments
     */
    record Parsed(PingbackRequest request) implements PingbackParse {

        /**
         * Checks the argument.
         *
         * @throws NullPointerException if {@code request} is null
         */
        public Parsed {
            Objects.requireNonNull(request, "request must not be null");
        }
    }

    /**
     * A body that is not a usable {@code pingback.ping} call.
     *
     * @param fault the XML-RPC fault to answer with
     * @param message a short English explanation for the caller, safe to send back (never echoes file or
     *     network content)
     */
    record Refused(Fault fault, String message) implements PingbackParse {

        /**
         * Checks the arguments.
         *
         * @throws NullPointerException if an argument is null
         */
        public Refused {
            Objects.requireNonNull(fault, "fault must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }
    }
}
