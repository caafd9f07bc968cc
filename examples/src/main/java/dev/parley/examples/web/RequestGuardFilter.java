package dev.parley.examples.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Answers the requests no servlet should see with a 4xx, before they reach one: methods the demo does not
 * use (which {@code HttpServlet} would answer with 501) get 405, and a {@code Content-Type} naming a charset
 * Java does not know gets 415 (the container would otherwise fail with 500 when a servlet reads the type or
 * the form).
 *
 * <p>Thread-safe: stateless.
 */
public final class RequestGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    /** Creates the filter. */
    public RequestGuardFilter() {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        try {
            request.getContentType();
            request.getCharacterEncoding();
        } catch (IllegalArgumentException e) {
            // Jetty reports an unknown or malformed charset as an unchecked exception.
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported charset");
            return;
        }
        chain.doFilter(request, response);
    }
}
