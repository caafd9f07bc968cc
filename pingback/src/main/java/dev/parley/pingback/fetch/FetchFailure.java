package dev.parley.pingback.fetch;

/**
 * Why a fetch was refused. Each value is something a URL or a remote server caused; the caller maps it to its
 * protocol's answer (for Pingback, mostly fault 0x10 "source not found"; for Webmention, {@link #HTTP_STATUS}
 * with 410 Gone means the source was deleted).
 */
public enum FetchFailure {
    /** The URL is malformed, not http(s), carries user-info, or spells its host in a way that is not accepted. */
    BAD_URL,
    /** The host is, or resolves to, an address the {@link AddressPolicy} refuses (or is {@code localhost}). */
    BLOCKED_ADDRESS,
    /** The host name did not resolve to any address. */
    UNKNOWN_HOST,
    /** No connection could be made to any of the host's (permitted) addresses. */
    CONNECT_FAILED,
    /** The total time cap was reached: connecting, TLS, reading and all redirect hops together. */
    TIMEOUT,
    /** The redirect chain is longer than the configured cap. */
    TOO_MANY_REDIRECTS,
    /** The body is larger than the byte cap, on the wire or once decoded. */
    TOO_LARGE,
    /** The response's media type is not one of the accepted ones. */
    UNSUPPORTED_CONTENT_TYPE,
    /** The final response has a non-2xx status; the code is in {@link FetchResult.Refused#status()}. */
    HTTP_STATUS,
    /** The server's response is not well-formed HTTP/1.x (bad status line, headers over limits, bad framing). */
    PROTOCOL_ERROR,
    /** The TLS handshake failed: untrusted certificate, a certificate for another name, or a protocol error. */
    TLS_FAILED
}
