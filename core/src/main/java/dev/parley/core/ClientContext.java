package dev.parley.core;

import dev.parley.storage.Author;
import org.jspecify.annotations.Nullable;

/**
 * What the host knows about the HTTP request a submission came in: used by flood control, word lists and
 * spam checks, and stored with the comment (address and User-Agent only; they never reach public output).
 *
 * <p>Immutable and thread-safe.
 *
 * @param ip the client address, or null; at most {@value Author#MAX_IP_LENGTH} characters
 * @param userAgent the User-Agent header, or null; cut to {@value Author#MAX_USER_AGENT_LENGTH} characters
 * @param referrer the Referer header, or null
 * @param permalink the URL of the page the thread belongs to, or null
 */
public record ClientContext(
        @Nullable String ip, @Nullable String userAgent, @Nullable String referrer, @Nullable String permalink) {

    private static final ClientContext NONE = new ClientContext(null, null, null, null);

    /**
     * Checks the address and trims the other fields; blank values become null.
     *
     * @throws IllegalArgumentException if the address is too long
     */
    public ClientContext {
        ip = blankToNull(ip);
        if (ip != null && ip.length() > Author.MAX_IP_LENGTH) {
            throw new IllegalArgumentException(
                    "ip must be at most " + Author.MAX_IP_LENGTH + " characters, was " + ip.length());
        }
        userAgent = blankToNull(userAgent);
        if (userAgent != null && userAgent.length() > Author.MAX_USER_AGENT_LENGTH) {
            // Clients send what they like; a long header is not the host's mistake, so keep its head.
            userAgent = userAgent.substring(0, Author.MAX_USER_AGENT_LENGTH);
        }
        referrer = blankToNull(referrer);
        permalink = blankToNull(permalink);
    }

    /**
     * Returns a context with nothing known, for imports and tests.
     *
     * @return the empty context
     */
    public static ClientContext none() {
        return NONE;
    }

    /**
     * Returns a context with an address and User-Agent.
     *
     * @param ip the client address, or null
     * @param userAgent the User-Agent, or null
     * @return the context
     */
    public static ClientContext of(@Nullable String ip, @Nullable String userAgent) {
        return new ClientContext(ip, userAgent, null, null);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
