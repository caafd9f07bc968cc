package dev.parley.examples.web;

import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 413 to a request whose {@code Content-Length} is over its path's {@link BodyLimits} before any of its
 * body is read, so the client gets a status instead of a reset connection. A body without a length (chunked)
 * is measured while it is read, by the eager loading that follows this handler.
 *
 * <p>Thread-safe: immutable.
 */
public final class BodyLimitHandler extends Handler.Wrapper {

    private final BodyLimits limits;

    /**
     * Creates the handler.
     *
     * @param limits the limits
     * @param next the handler that gets the requests within them
     */
    public BodyLimitHandler(BodyLimits limits, Handler next) {
        super(next);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() > limits.forPath(Request.getPathInContext(request))) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
