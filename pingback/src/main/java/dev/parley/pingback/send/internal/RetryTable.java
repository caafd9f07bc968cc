package dev.parley.pingback.send.internal;

import dev.parley.pingback.fetch.FetchFailure;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.send.Discovery;
import dev.parley.pingback.send.SendOutcome;
import java.net.URI;
import java.util.Set;

/**
 * Which failures are worth a retry and which say "this endpoint does not serve the protocol". One table for the
 * target page (discovery) and for endpoints (delivery); {@code LinkbackSender}'s Javadoc and the module README
 * show it. Stateless.
 */
public final class RetryTable {

    /** Statuses that say the endpoint URL does not take this request at all: try the next protocol. */
    private static final Set<Integer> NOT_SERVED = Set.of(404, 405, 410, 501);

    private RetryTable() {
    }

    /**
     * Whether a fetch failure may pass by itself: a timeout, a failed connection or name lookup, a connection
     * broken mid-answer. An unusable URL, a refused address, too many redirects, a body over the cap and a failed
     * TLS handshake need someone to change something first.
     *
     * @param failure the failure
     * @return true if a retry later may succeed
     */
    public static boolean retryable(FetchFailure failure) {
        return switch (failure) {
            case TIMEOUT, CONNECT_FAILED, UNKNOWN_HOST, PROTOCOL_ERROR -> true;
            default -> false;
        };
    }

    /**
     * Whether an HTTP status may pass by itself: 429 Too Many Requests and every 5xx except 501 Not Implemented.
     *
     * @param status the status of a failing answer
     * @return true if a retry later may succeed
     */
    public static boolean retryable(int status) {
        return status == 429 || (status >= 500 && status <= 599 && status != 501);
    }

    /**
     * Whether an endpoint's HTTP status says it does not serve the protocol: 404, 405, 410 and 501.
     *
     * @param status the status of a failing answer
     * @return true if the sender should try the next protocol
     */
    public static boolean notServed(int status) {
        return NOT_SERVED.contains(status);
    }

    /**
     * The outcome for a target page that could not be read: a refused address is {@link SendOutcome.Refused};
     * otherwise a {@link SendOutcome.Failed} without protocol, retryable as {@link #retryable(FetchFailure)} and
     * {@link #retryable(int)} say (a 4xx such as 404 or 410 is final).
     *
     * @param unreachable what discovery reported
     * @return the outcome
     */
    public static SendOutcome unreachable(Discovery.Unreachable unreachable) {
        URI target = unreachable.target();
        FetchResult.Refused refusal = unreachable.refusal();
        if (refusal.failure() == FetchFailure.BLOCKED_ADDRESS) {
            return new SendOutcome.Refused(target, "the target page is refused by the address policy: "
                    + refusal.detail());
        }
        boolean retryable = refusal.failure() == FetchFailure.HTTP_STATUS
                ? retryable(refusal.status()) : retryable(refusal.failure());
        return new SendOutcome.Failed(target, null, null, refusal.status(), 0, retryable,
                "the target page could not be read (" + refusal.failure() + "): " + refusal.detail());
    }
}
