package dev.parley.pingback.trackback;

import dev.parley.pingback.Fault;
import java.util.Objects;

/**
 * What {@link TrackbackParser} made of a request: a ping, or the error to answer with (see
 * {@link TrackbackResponses#error(String)}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface TrackbackParse {

    /**
     * A usable ping.
     *
     * @param ping the ping's fields
     */
    record Parsed(TrackbackPing ping) implements TrackbackParse {

        /**
         * Checks the argument.
         *
         * @throws NullPointerException if {@code ping} is null
         */
        public Parsed {
            Objects.requireNonNull(ping, "ping must not be null");
        }
    }

    /**
     * A request that records nothing: not a POST, not a form, no valid url, or too large.
     *
     * @param fault the fault, always {@link Fault#GENERIC} for request problems
     * @param message a short English explanation, safe to send back
     */
    record Refused(Fault fault, String message) implements TrackbackParse {

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
