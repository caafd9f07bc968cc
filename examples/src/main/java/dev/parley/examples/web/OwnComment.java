package dev.parley.examples.web;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment the reader wrote and may still change: what its edit and delete controls need. Immutable and
 * thread-safe.
 *
 * @param csrf the CSRF token its forms carry ({@link EditTokenCookie#csrfToken})
 * @param until when its edit window closes
 */
public record OwnComment(String csrf, Instant until) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if one is null
     */
    public OwnComment {
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(until, "until");
    }
}
