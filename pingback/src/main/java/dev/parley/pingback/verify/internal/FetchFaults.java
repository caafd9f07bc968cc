package dev.parley.pingback.verify.internal;

import dev.parley.pingback.Fault;
import dev.parley.pingback.fetch.FetchResult;

/**
 * Maps a fetcher's refusal to the Pingback fault and a message safe to send back: the remote party learns what
 * kind of failure it was, never the address, the resolver's answer or an exception's text (the refusal's
 * detail is for logs). Stateless and thread-safe.
 *
 * <p>A source that does not exist for us is {@code SOURCE_NOT_FOUND} (0x10): a malformed or refused URL, an
 * unknown host, a 4xx answer, a body that is too large or not a page. A source whose server failed is
 * {@code UPSTREAM_ERROR} (0x32): no connection, time-out, TLS failure, broken HTTP, too many redirects, 5xx.
 */
public final class FetchFaults {

    private FetchFaults() {
    }

    /**
     * Returns the fault for a refusal.
     *
     * @param refused the refusal
     * @return the fault
     */
    public static Fault fault(FetchResult.Refused refused) {
        return switch (refused.failure()) {
            case BAD_URL, BLOCKED_ADDRESS, UNKNOWN_HOST, TOO_LARGE, UNSUPPORTED_CONTENT_TYPE ->
                    Fault.SOURCE_NOT_FOUND;
            case HTTP_STATUS -> refused.status() >= 500 ? Fault.UPSTREAM_ERROR : Fault.SOURCE_NOT_FOUND;
            case CONNECT_FAILED, TIMEOUT, TOO_MANY_REDIRECTS, PROTOCOL_ERROR, TLS_FAILED -> Fault.UPSTREAM_ERROR;
        };
    }

    /**
     * Returns the message for a refusal.
     *
     * @param refused the refusal
     * @return a short reason without internal detail
     */
    public static String message(FetchResult.Refused refused) {
        return switch (refused.failure()) {
            case BAD_URL -> "source URL cannot be fetched";
            // The same words as an unknown host: whether a name maps to a refused address is not for the sender.
            case BLOCKED_ADDRESS, UNKNOWN_HOST -> "source host cannot be reached";
            case CONNECT_FAILED -> "source server refused the connection";
            case TIMEOUT -> "source server did not answer in time";
            case TOO_MANY_REDIRECTS -> "source redirects too many times";
            case TOO_LARGE -> "source page is too large";
            case UNSUPPORTED_CONTENT_TYPE -> "source is not an HTML or plain text page";
            case HTTP_STATUS -> refused.status() == 410 ? "source is gone (HTTP 410)"
                    : "source answered HTTP " + refused.status();
            case PROTOCOL_ERROR -> "source server sent a malformed HTTP response";
            case TLS_FAILED -> "source server's TLS handshake failed";
        };
    }
}
