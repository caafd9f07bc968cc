package dev.parley.examples.web;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error answers Jetty itself writes, outside any servlet (a body over the limit, a request too slow), in
 * each endpoint's own shape ({@link ErrorAnswers}) and without Jetty's message.
 *
 * <p>Thread-safe: immutable.
 */
public final class DemoErrorHandler extends ErrorHandler {

    private final ErrorAnswers answers;

    /**
     * Creates the handler.
     *
     * @param answers the answers
     */
    public DemoErrorHandler(ErrorAnswers answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        ErrorAnswers.Answer answer = answers.answer(Request.getPathInContext(request), status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // The headers SecurityHeadersFilter gives every servlet answer: these answers come before any servlet.
        response.getHeaders().put("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(FailureFilter.RETRY_AFTER_SECONDS));
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }
}
