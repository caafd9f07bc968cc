package dev.parley.pingback.send.internal;

import dev.parley.pingback.send.SendOutcome;
import java.util.Objects;

/**
 * The result of one delivery attempt to one endpoint.
 *
 * @param outcome what became of it
 * @param notServed true when the answer says this endpoint does not serve the protocol (a {@link SendOutcome.Failed}
 *     that is not retryable), so the sender may try the next protocol
 */
public record Attempt(SendOutcome outcome, boolean notServed) {

    /** Checks that only a non-retryable failure is marked "not served". */
    public Attempt {
        Objects.requireNonNull(outcome, "outcome");
        if (notServed && !(outcome instanceof SendOutcome.Failed failed && !failed.retryable())) {
            throw new IllegalArgumentException("only a non-retryable failure can say the protocol is not served");
        }
    }

    static Attempt done(SendOutcome outcome) {
        return new Attempt(outcome, false);
    }

    static Attempt notServed(SendOutcome.Failed failed) {
        return new Attempt(failed, true);
    }
}
