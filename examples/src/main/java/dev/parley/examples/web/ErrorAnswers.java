package dev.parley.examples.web;

import dev.parley.pingback.Fault;
import dev.parley.pingback.trackback.TrackbackResponses;
import dev.parley.pingback.xmlrpc.PingbackResponses;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the demo's error answers, in the shape each endpoint speaks: the API's JSON error object under
 * {@code /api}, an XML-RPC fault on {@code /pingback}, a TrackBack error response under {@code /trackback},
 * plain text on {@code /webmention}, and the site's own page everywhere else. They never carry an exception's
 * message: what went wrong inside goes to the log.
 *
 * <p>Immutable and thread-safe.
 */
public final class ErrorAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Layout layout;
    private final BodyLimits limits;

    /**
     * Creates the answers.
     *
     * @param layout the site's page frame
     * @param limits the body limits, named in 413 answers
     */
    public ErrorAnswers(Layout layout, BodyLimits limits) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * One error answer.
     *
     * @param contentType the {@code Content-Type}
     * @param body the body
     */
    public record Answer(String contentType, byte[] body) {
        /**
         * Copies the body.
         */
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * The answer for this status on this path.
     *
     * @param path the path in the site
     * @param status the HTTP status, 4xx or 5xx
     * @return the answer
     */
    public Answer answer(String path, int status) {
        String message = message(path, status);
        if (path.equals("/api") || path.startsWith("/api/")) {
            ObjectNode out = JSON.createObjectNode();
            ObjectNode error = out.putObject("error");
            error.put("code", code(status));
            error.put("message", message);
            return new Answer("application/json; charset=utf-8", (JSON.writeValueAsString(out) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/pingback")) {
            return new Answer(PingbackResponses.CONTENT_TYPE, PingbackResponses.fault(Fault.GENERIC, message));
        }
        if (path.startsWith("/trackback/")) {
            return new Answer(TrackbackResponses.CONTENT_TYPE, TrackbackResponses.fault(Fault.GENERIC, message));
        }
        if (path.equals("/webmention")) {
            return new Answer("text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String body = new Html().raw("<h1>").text(title(status)).raw("</h1><p>").text(message).raw("</p>")
                .raw("<p><a href=\"/\">Back to the blog</a></p>").toString();
        return new Answer("text/html; charset=utf-8",
                layout.page(title(status), "", body).getBytes(StandardCharsets.UTF_8));
    }

    private String message(String path, int status) {
        return switch (status) {
            case 408 -> "The request came too slowly and was cut off.";
            case 413 -> "The request body is too large: this address takes at most " + limits.forPath(path)
                    + " bytes.";
            case 503 -> "The site cannot reach its database just now. Please try again in a minute.";
            case 404 -> "Nothing is here.";
            case 405 -> "This address does not take that method; its Allow header names those it takes.";
            case 415 -> "This address does not read a body of that type or charset.";
            default -> status >= 500 ? "Something went wrong on our side; it has been logged."
                    : "The request could not be handled.";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 408 -> "Too slow";
            case 413 -> "Too large";
            case 503 -> "Back soon";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 415 -> "Unsupported type";
            default -> status >= 500 ? "Something went wrong" : "Bad request";
        };
    }

    private static String code(int status) {
        return switch (status) {
            case 408 -> "timeout";
            case 413 -> "too_large";
            case 503 -> "unavailable";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }
}
