package dev.parley.examples.web;

import jakarta.servlet.http.Cookie;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error answers Jetty itself writes, outside any servlet (a body over the limit, a request too slow), in
 * each endpoint's own shape ({@link ErrorAnswers}) and without Jetty's message. A comment form refused for its
 * size gets the post page with the form and a message instead ({@link RefusedForms}), as its reader sees it
 * (their cookies: edit tokens, remembered details, moderator session), so the reader is not left on a bare error
 * page.
 *
 * <p>Thread-safe: immutable.
 */
public final class DemoErrorHandler extends ErrorHandler {

    private final ErrorAnswers answers;
    private final RefusedForms forms;

    /**
     * The pages that answer a form whose body was refused before a servlet read it.
     *
     * <p>Implementations are called from any thread and must be thread-safe.
     */
    @FunctionalInterface
    public interface RefusedForms {
        /**
         * The page for a form posted to this path and refused for its size, as the reader the cookies stand for
         * sees it.
         *
         * @param path the path in the site
         * @param cookies the request's cookies, possibly none
         * @return the page, or empty for the plain error answer
         */
        Optional<ErrorAnswers.Answer> refusedForm(String path, Cookie[] cookies);
    }

    /**
     * Creates the handler, with plain error answers for refused forms too.
     *
     * @param answers the answers
     */
    public DemoErrorHandler(ErrorAnswers answers) {
        this(answers, (path, cookies) -> Optional.empty());
    }

    /**
     * Creates the handler.
     *
     * @param answers the answers
     * @param forms the pages for comment forms refused for their size
     */
    public DemoErrorHandler(ErrorAnswers answers, RefusedForms forms) {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        String path = Request.getPathInContext(request);
        ErrorAnswers.Answer answer = status == 413 && "POST".equals(request.getMethod())
                ? forms.refusedForm(path, cookies(request)).orElseGet(() -> answers.answer(path, status))
                : answers.answer(path, status);
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

    /** The request's cookies as a servlet reads them: the refused form's page is the servlet's. */
    private static Cookie[] cookies(Request request) {
        List<Cookie> cookies = new ArrayList<>();
        for (HttpCookie cookie : Request.getCookies(request)) {
            try {
                cookies.add(new Cookie(cookie.getName(), cookie.getValue()));
            } catch (IllegalArgumentException e) {
                // A name a servlet could not hold either: that cookie is not one of the demo's.
            }
        }
        return cookies.toArray(Cookie[]::new);
    }
}
