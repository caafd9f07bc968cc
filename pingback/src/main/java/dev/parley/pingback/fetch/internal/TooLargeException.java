package dev.parley.pingback.fetch.internal;

import java.io.IOException;

/** A body passed the byte cap; thrown from inside stream reads so decoding stops at once. */
final class TooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
        super(message);
    }
}
