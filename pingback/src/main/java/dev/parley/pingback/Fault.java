package dev.parley.pingback;

/**
 * Why a linkback was refused: the fault codes of the Pingback 1.0 specification and the XML-RPC
 * interoperability codes for malformed calls. TrackBack and Webmention answers are derived from the same
 * value (see {@link #httpStatus()}).
 */
public enum Fault {
    /** 0: a generic fault, when no other code fits. */
    GENERIC(0, 400),
    /** 0x10: the source URI does not exist (or could not be fetched). */
    SOURCE_NOT_FOUND(0x10, 400),
    /** 0x11: the source URI does not contain a link to the target URI. */
    SOURCE_HAS_NO_LINK(0x11, 400),
    /** 0x20: the target URI does not exist. */
    TARGET_NOT_FOUND(0x20, 400),
    /** 0x21: the target URI exists but cannot be used as a target (not pingable, closed). */
    TARGET_NOT_PINGABLE(0x21, 400),
    /** 0x30: the linkback has already been registered. */
    ALREADY_REGISTERED(0x30, 400),
    /** 0x31: access denied. */
    ACCESS_DENIED(0x31, 403),
    /** 0x32: the server could not communicate with an upstream server, or received an error from it. */
    UPSTREAM_ERROR(0x32, 502),
    /** -32700: parse error, the request is not well-formed XML. */
    PARSE_ERROR(-32700, 400),
    /** -32600: the request is not a valid XML-RPC call. */
    INVALID_REQUEST(-32600, 400),
    /** -32601: the requested method does not exist here. */
    METHOD_NOT_FOUND(-32601, 400),
    /** -32602: the method's parameters are wrong in number or type. */
    INVALID_PARAMS(-32602, 400);

    private final int code;
    private final int httpStatus;

    Fault(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /**
     * Returns the fault code as the XML-RPC {@code faultCode} carries it.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * Returns the HTTP status a Webmention receiver answers with for this fault.
     *
     * @return a 4xx or 5xx status
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns the fault with the given code.
     *
     * @param code an XML-RPC fault code
     * @return the fault
     * @throws IllegalArgumentException if no fault has that code
     */
    public static Fault ofCode(int code) {
        for (Fault fault : values()) {
            if (fault.code == code) {
                return fault;
            }
        }
        throw new IllegalArgumentException("no fault has code " + code);
    }

    @Override
    public String toString() {
        return name() + "(" + code + ")";
    }
}
