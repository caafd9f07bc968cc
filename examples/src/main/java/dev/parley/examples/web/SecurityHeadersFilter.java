package dev.parley.examples.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds the security headers every response of the demo carries.
 *
 * <p>The Content-Security-Policy allows no script at all: the pages work without JavaScript, so an injected
 * {@code <script>} or event handler that slipped past escaping would still not run. Images, styles and form
 * targets are limited to this origin (avatars are local identicons, so no third-party image host is needed).
 *
 * <p>Thread-safe: stateless.
 */
public final class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The policy sent with every response. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; "
            + "style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Creates the filter. */
    public SecurityHeadersFilter() {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
