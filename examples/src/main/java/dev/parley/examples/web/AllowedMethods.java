package dev.parley.examples.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Puts a servlet behind the methods its endpoint takes: any other method, {@code OPTIONS} and ones no servlet
 * knows included, is answered 405 with an {@code Allow} header that names exactly those methods, before the
 * servlet runs, so {@code HttpServlet}'s defaults (a 405 without {@code Allow}, an {@code OPTIONS} answer
 * listing {@code TRACE}, 501 for an unknown method) never reach a client. {@code HEAD} is taken wherever
 * {@code GET} is. The body of the 405 is the error answer of the path ({@link ErrorAnswers}).
 *
 * <p>Thread-safe: immutable once created; the wrapped servlet's own thread-safety applies to the calls it gets.
 */
public final class AllowedMethods implements Servlet {

    private final Servlet servlet;
    private final Set<String> methods;
    private final String allow;

    private AllowedMethods(Servlet servlet, Set<String> methods) {
        this.servlet = servlet;
        this.methods = methods;
        this.allow = String.join(", ", methods);
    }

    /**
     * Wraps a servlet.
     *
     * @param servlet the endpoint
     * @param methods the methods it takes, upper case, not empty; {@code HEAD} is added after {@code GET}
     * @return the guarded servlet
     * @throws IllegalArgumentException if no method is given
     */
    public static AllowedMethods of(Servlet servlet, String... methods) {
        Objects.requireNonNull(servlet, "servlet");
        if (methods.length == 0) {
            throw new IllegalArgumentException("methods must name at least one method");
        }
        Set<String> taken = new LinkedHashSet<>();
        for (String method : List.of(methods)) {
            taken.add(method);
            if (method.equals("GET")) {
                taken.add("HEAD");
            }
        }
        return new AllowedMethods(servlet, java.util.Collections.unmodifiableSet(taken));
    }

    /**
     * The value of the {@code Allow} header: the methods in the order given, {@code HEAD} after {@code GET}.
     *
     * @return e.g. {@code GET, HEAD, POST}
     */
    public String allow() {
        return allow;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        servlet.init(config);
    }

    @Override
    public ServletConfig getServletConfig() {
        return servlet.getServletConfig();
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && !methods.contains(http.getMethod())) {
            answer.setHeader("Allow", allow);
            answer.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        servlet.service(request, response);
    }

    @Override
    public String getServletInfo() {
        return servlet.getServletInfo();
    }

    @Override
    public void destroy() {
        servlet.destroy();
    }
}
