package dev.parley.pingback.webmention;

import dev.parley.pingback.Fault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer to a Webmention request, free of any servlet or server API: write {@link #status()}, each of
 * {@link #headers()} and {@link #bodyBytes()} with whatever HTTP server the host runs.
 *
 * <p>The answers a receiver owes (W3C Webmention, 3.2): {@link #badRequest(String) 400} with a plain-text
 * reason when the request is at fault; {@link #accepted() 202 Accepted} when verification happens later, with
 * an optional {@code Location} of a status page; {@link #created(URI) 201 Created} with the {@code Location}
 * of the status page that was created; {@link #ok() 200 OK} when verification already happened synchronously;
 * and, for a fault found during verification, the fault's {@link Fault#httpStatus() HTTP status} with its
 * reason ({@link #fault(Fault, String)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the HTTP status code
 * @param headers header name to value, in the order to write them; unmodifiable
 * @param body the body text, written as UTF-8; empty for none
 */
public record WebmentionAnswer(int status, Map<String, String> headers, String body) {

    /** The Content-Type of every answer that has a body. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    /**
     * Checks and copies the arguments.
     *
     * @throws NullPointerException if an argument, a header name or a header value is null
     * @throws IllegalArgumentException if {@code status} is not 100..599 or a header contains CR or LF
     */
    public WebmentionAnswer {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        Objects.requireNonNull(headers, "headers must not be null");
        Objects.requireNonNull(body, "body must not be null");
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            Objects.requireNonNull(name, "headers must not contain a null name");
            Objects.requireNonNull(value, "headers must not contain a null value");
            if (hasLineBreak(name) || hasLineBreak(value)) {
                throw new IllegalArgumentException("headers must not contain CR or LF: " + name);
            }
            copy.put(name, value);
        });
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns 200 OK without a body: the Webmention was verified synchronously and accepted.
     *
     * @return the answer
     */
    public static WebmentionAnswer ok() {
        return new WebmentionAnswer(200, Map.of(), "");
    }

    /**
     * Returns 202 Accepted without a body: the request is queued for asynchronous verification.
     *
     * @return the answer
     */
    public static WebmentionAnswer accepted() {
        return new WebmentionAnswer(202, Map.of(), "");
    }

    /**
     * Returns 202 Accepted with the {@code Location} of a page where the sender can follow the verification.
     *
     * @param statusPage the status page, absolute or relative to the request
     * @return the answer
     * @throws NullPointerException if {@code statusPage} is null
     */
    public static WebmentionAnswer accepted(URI statusPage) {
        Objects.requireNonNull(statusPage, "statusPage must not be null");
        return new WebmentionAnswer(202, Map.of("Location", statusPage.toString()), "");
    }

    /**
     * Returns 201 Created with the {@code Location} of the status page created for this request, which the
     * specification requires with 201.
     *
     * @param statusPage the status page, absolute or relative to the request
     * @return the answer
     * @throws NullPointerException if {@code statusPage} is null
     */
    public static WebmentionAnswer created(URI statusPage) {
        Objects.requireNonNull(statusPage, "statusPage must not be null");
        return new WebmentionAnswer(201, Map.of("Location", statusPage.toString()), "");
    }

    /**
     * Returns the answer to a request with another method than {@code POST} (a browser following the endpoint
     * link, a crawler): 405 Method Not Allowed with {@code Allow: POST} and a plain-text reason, as RFC 9110
     * 15.5.6 requires. Check the method before parsing.
     *
     * @return the answer
     */
    public static WebmentionAnswer methodNotAllowed() {
        return new WebmentionAnswer(405, Map.of("Allow", "POST", "Content-Type", TEXT_PLAIN),
                "Webmentions are POSTed as a form with source and target.\n");
    }

    /**
     * Returns 400 Bad Request with a plain-text reason.
     *
     * @param reason what the sender did wrong
     * @return the answer
     * @throws NullPointerException if {@code reason} is null
     */
    public static WebmentionAnswer badRequest(String reason) {
        return withReason(400, reason);
    }

    /**
     * Returns the answer for a fault: its {@link Fault#httpStatus() HTTP status} with a plain-text reason.
     *
     * @param fault the fault
     * @param reason the explanation for the sender
     * @return the answer
     * @throws NullPointerException if an argument is null
     */
    public static WebmentionAnswer fault(Fault fault, String reason) {
        Objects.requireNonNull(fault, "fault must not be null");
        return withReason(fault.httpStatus(), reason);
    }

    /**
     * Returns the answer for a refused parse.
     *
     * @param refused what the parser refused
     * @return the answer
     * @throws NullPointerException if {@code refused} is null
     */
    public static WebmentionAnswer fault(WebmentionParse.Refused refused) {
        Objects.requireNonNull(refused, "refused must not be null");
        return fault(refused.fault(), refused.reason());
    }

    private static WebmentionAnswer withReason(int status, String reason) {
        Objects.requireNonNull(reason, "reason must not be null");
        return new WebmentionAnswer(status, Map.of("Content-Type", TEXT_PLAIN), reason);
    }

    /**
     * Returns the body as the bytes to write.
     *
     * @return a new array holding the UTF-8 body
     */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }
}
