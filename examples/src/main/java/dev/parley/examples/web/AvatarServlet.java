package dev.parley.examples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves local identicon avatars ({@code GET /avatars/<key>.svg}), so pages load no third-party image and
 * leak no reader's address to an avatar service. The key is the HMAC {@link SiteUrls#avatar} put in the page;
 * anything but 64 lower-case hex digits is 404.
 *
 * <p>Thread-safe: stateless. Responses are cacheable for a day: a key always draws the same picture.
 */
public final class AvatarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Creates the servlet. */
    public AvatarServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String key = path != null && path.startsWith("/") && path.endsWith(".svg")
                ? path.substring(1, path.length() - ".svg".length()) : "";
        if (!Avatars.isKey(key)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such avatar");
            return;
        }
        byte[] svg = Avatars.identicon(key).getBytes(StandardCharsets.UTF_8);
        response.setContentType("image/svg+xml");
        response.setHeader("Cache-Control", "public, max-age=86400");
        // An SVG is a document that could carry script; this one never does, and the sandbox makes sure.
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        response.setContentLength(svg.length);
        response.getOutputStream().write(svg);
    }
}
