package dev.parley.examples.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers the requests no servlet should see with a 4xx, before they reach one: a {@code Content-Type} naming
 * a charset Java does not know gets 415 (the container would otherwise fail with 500 when a servlet reads the
 * type or the form). Methods are each endpoint's own business: {@link AllowedMethods} answers the ones it
 * does not take with 405 and an {@code Allow} header naming those it does.
 *
 * <p>It also reads what is left of a request body (up to {@value #MAX_DRAIN_BYTES} bytes) once the answer is
 * decided: a server that answers early and closes the connection with unread bytes in the socket makes the
 * client's TCP stack discard the answer (a reset), so an early 4xx would reach the client as a broken
 * connection.
 *
 * <p>Thread-safe: stateless.
 */
public final class RequestGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The most request-body bytes read and thrown away after an answer. */
    public static final int MAX_DRAIN_BYTES = 1 << 20;

    /** Creates the filter. */
    public RequestGuardFilter() {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            request.getContentType();
            request.getCharacterEncoding();
        } catch (IllegalArgumentException e) {
            // Jetty reports an unknown or malformed charset as an unchecked exception.
            drain(request);
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported charset");
            return;
        }
        chain.doFilter(request, response);
        drain(request);
    }

    private static void drain(HttpServletRequest request) {
        try {
            java.io.InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; total < MAX_DRAIN_BYTES && (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The body was read as a reader, or the client went away: nothing left to protect.
        }
    }
}
