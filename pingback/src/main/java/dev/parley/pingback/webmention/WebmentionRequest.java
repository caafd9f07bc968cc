package dev.parley.pingback.webmention;

import java.util.Objects;

/**
 * A Webmention's two URLs, as checked by {@link WebmentionParser}: both absolute http or https URLs with a
 * host, naming different documents.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the page that mentions, trimmed
 * @param target the page mentioned, trimmed
 */
public record WebmentionRequest(String source, String target) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public WebmentionRequest {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(target, "target must not be null");
    }
}
