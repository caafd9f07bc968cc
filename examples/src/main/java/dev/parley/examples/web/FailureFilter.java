package dev.parley.examples.web;

import dev.parley.storage.StoreException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a servlet throws into an answer that says nothing about the inside, and logs the cause: a failed
 * database ({@link StoreException} or {@link SQLException} anywhere in the causes) is 503 with
 * {@code Retry-After}, a request body cut off for coming too slowly is 408, a request Jetty found malformed keeps
 * its 4xx, anything else is 500. Each in its
 * endpoint's shape ({@link ErrorAnswers}): JSON on the API, the site's page on pages and forms.
 *
 * <p>Thread-safe: immutable.
 */
public final class FailureFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The seconds a 503 asks the client to wait. */
    public static final long RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(FailureFilter.class);

    private final transient ErrorAnswers answers;

    /**
     * Creates the filter.
     *
     * @param answers the error answers
     */
    public FailureFilter(ErrorAnswers answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            int status;
            int clientError = clientError(e);
            if (clientError > 0) {
                // Jetty's own verdict on a malformed request (a form that is not UTF-8, ...): the client's fault.
                status = clientError;
                LOG.debug("answered {} {} with {}", request.getMethod(), request.getRequestURI(), status, e);
            } else if (causedBy(e, TimeoutException.class)) {
                status = HttpServletResponse.SC_REQUEST_TIMEOUT;
                LOG.warn("cut off a request body from {} to {} {}: it came too slowly", request.getRemoteAddr(),
                        request.getMethod(), request.getRequestURI());
            } else if (causedBy(e, StoreException.class) || causedBy(e, SQLException.class)) {
                status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                LOG.warn("the database failed while answering {} {}; answered 503", request.getMethod(),
                        request.getRequestURI(), e);
            } else if (causedBy(e, org.eclipse.jetty.io.EofException.class)) {
                // The client went away: nobody is left to answer.
                throw e;
            } else {
                status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
                LOG.error("failed to answer {} {}", request.getMethod(), request.getRequestURI(), e);
            }
            if (response.isCommitted()) {
                throw e;
            }
            answer(request, response, status);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ErrorAnswers.Answer answer = answers.answer(path, status);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(answer.contentType());
        response.setHeader("Cache-Control", "no-store");
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        }
        if (status == HttpServletResponse.SC_REQUEST_TIMEOUT) {
            response.setHeader("Connection", "close");
        }
        byte[] body = answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The 4xx status of a Jetty {@link HttpException} among the causes, else 0. */
    private static int clientError(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
        }
        return 0;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
