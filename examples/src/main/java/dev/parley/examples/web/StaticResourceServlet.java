package dev.parley.examples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * Serves the demo's few static files (the style sheet) from the class path, from a fixed list, so no request
 * path ever reaches the file system or the class loader.
 *
 * <p>Thread-safe: the files are read once, at construction.
 */
public final class StaticResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FILES = Map.of("/parley.css", "text/css; charset=UTF-8");

    private final Map<String, byte[]> contents;

    /** Creates the servlet and reads its files. */
    public StaticResourceServlet() {
        this.contents = Map.copyOf(FILES.keySet().stream().collect(java.util.stream.Collectors.toMap(
                name -> name, StaticResourceServlet::read)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Objects.requireNonNullElse(request.getPathInfo(), "");
        byte[] body = contents.get(path);
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(FILES.get(path));
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticResourceServlet.class.getResourceAsStream("static" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource static" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
