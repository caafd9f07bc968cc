package dev.parley.examples.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Sends a tagged answer of a thread view, or 304 Not Modified when the request's {@code If-None-Match} names
 * its entity tag (RFC 9110, 13.1.2: weak comparison, {@code *} matches any).
 *
 * <p>The anonymous view is {@link #PUBLIC}: any cache may keep it, but must ask again before every reuse
 * ({@code max-age=0, must-revalidate}), so a new comment shows at once and the question costs the server one
 * state read and a 304. Every other view is {@link #PRIVATE}: a browser may keep it and revalidate, a shared
 * cache may not. Both carry {@code Vary} naming what selects the variant (the cookies, the token header), so a
 * shared cache never gives the anonymous bytes to a reader whose cookies ask for another view, nor the reverse.
 *
 * <p>Thread-safe: stateless.
 */
public final class ConditionalGet {

    /** The cache policy of the anonymous view. */
    public static final String PUBLIC = "public, max-age=0, must-revalidate";
    /** The cache policy of a reader's own or a moderator's view. */
    public static final String PRIVATE = "private, no-cache";

    private ConditionalGet() {
    }

    /**
     * Answers a GET or HEAD with 200 and the bytes, or 304 with no body when the client holds them already. Both
     * carry the entity tag, the cache policy and the {@code Vary} header, as RFC 9110 asks of a 304.
     *
     * @param request the request
     * @param response the response, with no status or body written yet
     * @param rendered the answer
     * @param contentType the body's media type
     * @param cacheControl {@link #PUBLIC} or {@link #PRIVATE}
     * @param vary the {@code Vary} header's value, or {@code null} when nothing in the request selects the bytes
     * @throws IOException if writing fails
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, Rendered rendered,
            String contentType, String cacheControl, @Nullable String vary) throws IOException {
        response.setHeader("ETag", rendered.etag());
        response.setHeader("Cache-Control", cacheControl);
        if (vary != null) {
            response.setHeader("Vary", vary);
        }
        if (matches(request.getHeader("If-None-Match"), rendered.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        byte[] body = rendered.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Tells whether an {@code If-None-Match} value names an entity tag, by weak comparison: {@code W/"x"} names
     * {@code "x"}, and {@code *} names any.
     *
     * @param header the header's value, or {@code null} when absent
     * @param etag the current tag, quoted
     * @return true if the client's copy is current
     */
    public static boolean matches(@Nullable String header, String etag) {
        if (header == null) {
            return false;
        }
        if (header.equals(etag)) {
            return true;
        }
        int at = 0;
        int length = header.length();
        while (at < length) {
            char c = header.charAt(at);
            if (c == ' ' || c == '\t' || c == ',') {
                at++;
            } else if (c == '*') {
                return true;
            } else {
                if (header.startsWith("W/", at)) {
                    at += 2;
                }
                if (at >= length || header.charAt(at) != '"') {
                    return false;
                }
                int close = header.indexOf('"', at + 1);
                if (close < 0) {
                    return false;
                }
                if (close + 1 - at == etag.length() && header.regionMatches(at, etag, 0, etag.length())) {
                    return true;
                }
                at = close + 1;
            }
        }
        return false;
    }
}
