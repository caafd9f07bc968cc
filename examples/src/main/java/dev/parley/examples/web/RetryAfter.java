package dev.parley.examples.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * How the demo tells a commenter refused by the flood rule how long to wait: a {@code Retry-After} header in
 * whole seconds (RFC 9110 10.2.3) and the same number in words. Stateless.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Sends the wait as {@code Retry-After}.
     *
     * @param response the response
     * @param wait the engine's wait, positive
     * @return the wait in whole seconds, rounded up
     */
    static long send(HttpServletResponse response, Duration wait) {
        long seconds = seconds(wait);
        response.setHeader("Retry-After", Long.toString(seconds));
        return seconds;
    }

    /**
     * Returns the rejection's message followed by the wait in words.
     *
     * @param message the engine's message
     * @param wait the engine's wait, positive
     * @return e.g. {@code "You are posting comments too quickly. Please slow down. Try again in 11 seconds."}
     */
    static String message(String message, Duration wait) {
        long seconds = seconds(wait);
        return message + " Try again in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}
