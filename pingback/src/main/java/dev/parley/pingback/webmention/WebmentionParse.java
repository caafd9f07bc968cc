package dev.parley.pingback.webmention;

import dev.parley.pingback.Fault;
import java.util.Objects;

/**
 * What {@link WebmentionParser} made of a request: a Webmention, or the 400 answer it gets (see
 * {@link WebmentionAnswer#fault(Fault, String)}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface WebmentionParse {

    /**
     * A Webmention to verify.
     *
     * @param request the source and target
     */
    record Parsed(WebmentionRequest request) implements WebmentionParse {

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
     * A request refused before any fetch.
     *
     * @param fault the fault, always {@link Fault#GENERIC} (HTTP 400) for request problems
     * @param reason a short English explanation, safe to send back as the 400 body
     */
    record Refused(Fault fault, String reason) implements WebmentionParse {

        /**
         * Checks the arguments.
         *
         * @throws NullPointerException if an argument is null
         */
        public Refused {
            Objects.requireNonNull(fault, "fault must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }
}
