package dev.parley.pingback.send;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One response a {@link DiscoveryServer} serves at a path; {@code {o}} in any text stands for the server's origin
 * and {@code {other}} for a second server's, filled in when the server starts.
 *
 * @param path the path (and query) served
 * @param status the HTTP status
 * @param contentType the Content-Type, or null to send none
 * @param body the body text, UTF-8 on the wire
 * @param headers further header lines, name and value, in order
 */
record Route(String path, int status, @Nullable String contentType, String body, List<String[]> headers) {

    static Route html(String path, String html) {
        return new Route(path, 200, "text/html; charset=utf-8", html, List.of());
    }

    static Route raw(String path, int status, @Nullable String contentType, String body) {
        return new Route(path, status, contentType, body, List.of());
    }

    static Route redirect(String path, int status, String location) {
        return new Route(path, status, null, "", List.of()).header("Location", location);
    }

    Route header(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] {name, value});
        return new Route(path, status, contentType, body, List.copyOf(more));
    }

    /** Serves this route, placeholders filled in. */
    void serveOn(DiscoveryServer server, Placeholders placeholders) {
        DiscoveryServer.ResponseBuilder response = DiscoveryServer.status(status);
        if (contentType != null) {
            response.header("Content-Type", contentType);
        }
        for (String[] header : headers) {
            response.header(header[0], placeholders.fill(header[1]));
        }
        server.on(path, response.body(placeholders.fill(body)));
    }

    /**
     * The texts the placeholders stand for.
     *
     * @param origin the serving server's origin
     * @param other a second server's origin, which must never be contacted
     */
    record Placeholders(String origin, String other) {
        @Nullable String fill(@Nullable String text) {
            return text == null ? null : text.replace("{o}", origin).replace("{other}", other);
        }
    }
}
