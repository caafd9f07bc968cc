package dev.parley.pingback.send.internal;

import dev.parley.pingback.fetch.FetchFailure;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.fetch.PostResult;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.send.Endpoint;
import dev.parley.pingback.send.LinkbackProtocol;
import dev.parley.pingback.send.SendOutcome;
import dev.parley.pingback.send.TrackbackDetails;
import dev.parley.pingback.xmlrpc.internal.XmlText;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one linkback to one endpoint through a {@link SafeFetcher} POST and reads the answer:
 *
 * <ul>
 * <li>Webmention: a form POST of {@code source} and {@code target}; any 2xx is sent (the {@code Location} of a 201
 *     or 202 is kept, resolved against the answering URL), and so is a 303 See Other (processed, with its
 *     {@code Location}).</li>
 * <li>Pingback: an XML-RPC {@code pingback.ping(source, target)}; a {@code params} answer is sent, whatever its
 *     value's type; a fault is a failure with its code and string, except fault 48 (0x30, already registered),
 *     which counts as sent because the receiver holds the linkback, fault 50 (0x32, upstream error), which is
 *     retryable like a 502, and fault -32601 (method not found), which says pingbacks are not served here.</li>
 * <li>TrackBack: a form POST of {@code url} and the optional fields, declared UTF-8; {@code <error>0</error>} is
 *     sent, any other error code a failure with the {@code <message>}.</li>
 * </ul>
 *
 * Answers to Pingback and TrackBack are read with the hardened XML reader ({@link XmlAnswer}); a malformed answer is
 * a failure that is not retryable. A non-2xx status is judged by {@link RetryTable}; a refusal by the address policy
 * is {@link SendOutcome.Refused}. Immutable and thread-safe.
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** The Webmention form, as the W3C Recommendation shows it. */
    static final String FORM = "application/x-www-form-urlencoded";
    /** TrackBack 1.2 lets the sender declare the form's charset. */
    static final String TRACKBACK_FORM = "application/x-www-form-urlencoded; charset=utf-8";
    static final String XML = "text/xml";

    /** Pingback fault 0x30: the pingback has already been registered. */
    static final int ALREADY_REGISTERED = 0x30;
    /** Pingback fault 0x32: the receiver could not talk to an upstream server. */
    static final int UPSTREAM_ERROR = 0x32;
    /** XML-RPC fault: the requested method does not exist here. */
    static final int METHOD_NOT_FOUND = -32601;

    private static final int REASON_CHARS = 300;

    private final SafeFetcher fetcher;

    /**
     * Creates a delivery over a fetcher.
     *
     * @param fetcher the fetcher every POST goes through
     */
    public Delivery(SafeFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * Delivers one linkback.
     *
     * @param source the linking post
     * @param target the linked page
     * @param endpoint where, and by which protocol
     * @param details the optional TrackBack fields
     * @return the attempt
     */
    public Attempt deliver(URI source, URI target, Endpoint endpoint, TrackbackDetails details) {
        Attempt attempt = switch (endpoint.protocol()) {
            case WEBMENTION -> webmention(source, target, endpoint);
            case PINGBACK -> pingback(source, target, endpoint);
            case TRACKBACK -> trackback(source, target, endpoint, details);
        };
        LOG.debug("{} to {} for {}: {}", endpoint.protocol(), endpoint.uri(), target, attempt);
        return attempt;
    }

    private Attempt webmention(URI source, URI target, Endpoint endpoint) {
        String form = "source=" + encode(source.toString()) + "&target=" + encode(target.toString());
        PostResult result = fetcher.post(endpoint.uri(), FORM, form.getBytes(StandardCharsets.US_ASCII));
        if (!(result instanceof PostResult.Answered answer)) {
            return refused(target, endpoint, (FetchResult.Refused) result);
        }
        int status = answer.status();
        if (answer.successful() || status == 303) {
            Optional<URI> location = status == 201 || status == 202 || status == 303
                    ? location(answer) : Optional.empty();
            return Attempt.done(new SendOutcome.Sent(target, LinkbackProtocol.WEBMENTION, answer.uri(), status,
                    location));
        }
        return byStatus(target, endpoint, answer);
    }

    private Attempt pingback(URI source, URI target, Endpoint endpoint) {
        StringBuilder call = new StringBuilder(300)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>pingback.ping</methodName>")
                .append("<params><param><value><string>");
        XmlText.appendEscaped(call, source.toString());
        call.append("</string></value></param><param><value><string>");
        XmlText.appendEscaped(call, target.toString());
        call.append("</string></value></param></params></methodCall>");
        return postXml(target, endpoint, XML, call.toString().getBytes(StandardCharsets.UTF_8), "methodResponse",
                (answer, response) -> pingbackAnswer(target, endpoint, answer, response));
    }

    private static Attempt pingbackAnswer(URI target, Endpoint endpoint, PostResult.Answered answer,
                                          XmlAnswer.Element response) {
        if (response.child("params").isPresent()) {
            return Attempt.done(new SendOutcome.Sent(target, LinkbackProtocol.PINGBACK, answer.uri(),
                    answer.status(), Optional.empty()));
        }
        Optional<XmlAnswer.Element> struct = response.child("fault").flatMap(f -> f.child("value"))
                .flatMap(v -> v.child("struct"));
        if (struct.isEmpty()) {
            return malformed(target, endpoint, answer, "neither <params> nor <fault><value><struct>");
        }
        Integer code = null;
        String message = "";
        for (XmlAnswer.Element member : struct.get().children()) {
            String name = member.child("name").map(n -> n.text().strip()).orElse("");
            String value = member.child("value").map(Delivery::scalar).orElse("");
            if (name.equals("faultCode")) {
                try {
                    code = Integer.valueOf(value.strip());
                } catch (NumberFormatException e) {
                    return malformed(target, endpoint, answer, "faultCode is not an integer");
                }
            } else if (name.equals("faultString")) {
                message = value;
            }
        }
        if (code == null) {
            return malformed(target, endpoint, answer, "the fault has no faultCode");
        }
        if (code == ALREADY_REGISTERED) {
            return Attempt.done(new SendOutcome.Sent(target, LinkbackProtocol.PINGBACK, answer.uri(),
                    answer.status(), Optional.empty()));
        }
        SendOutcome.Failed failed = new SendOutcome.Failed(target, LinkbackProtocol.PINGBACK, answer.uri(),
                answer.status(), code, code == UPSTREAM_ERROR,
                "Pingback fault " + code + ": " + shorten(message));
        return code == METHOD_NOT_FOUND ? Attempt.notServed(failed) : Attempt.done(failed);
    }

    private Attempt trackback(URI source, URI target, Endpoint endpoint, TrackbackDetails details) {
        StringBuilder form = new StringBuilder("url=").append(encode(source.toString()));
        field(form, "title", details.title());
        field(form, "excerpt", details.excerpt());
        field(form, "blog_name", details.blogName());
        return postXml(target, endpoint, TRACKBACK_FORM, form.toString().getBytes(StandardCharsets.US_ASCII),
                "response", (answer, response) -> trackbackAnswer(target, endpoint, answer, response));
    }

    private static Attempt trackbackAnswer(URI target, Endpoint endpoint, PostResult.Answered answer,
                                           XmlAnswer.Element response) {
        Optional<XmlAnswer.Element> error = response.child("error");
        if (error.isEmpty()) {
            return malformed(target, endpoint, answer, "the answer has no <error>");
        }
        int code;
        try {
            code = Integer.parseInt(error.get().text().strip());
        } catch (NumberFormatException e) {
            return malformed(target, endpoint, answer, "<error> is not an integer");
        }
        if (code == 0) {
            return Attempt.done(new SendOutcome.Sent(target, LinkbackProtocol.TRACKBACK, answer.uri(),
                    answer.status(), Optional.empty()));
        }
        String message = response.child("message").map(XmlAnswer.Element::text).orElse("");
        return Attempt.done(new SendOutcome.Failed(target, LinkbackProtocol.TRACKBACK, answer.uri(),
                answer.status(), code, false, "TrackBack error " + code + ": " + shorten(message)));
    }

    /** Reads a 2xx answer whose root element is {@code root}; the answer and its root are both in hand. */
    @FunctionalInterface
    private interface XmlReply {
        Attempt read(PostResult.Answered answer, XmlAnswer.Element root);
    }

    /**
     * POSTs a request answered in XML: a refusal, a non-2xx status, a malformed answer and a root element other than
     * {@code root} end the attempt here; any other answer goes to {@code reply}.
     */
    private Attempt postXml(URI target, Endpoint endpoint, String contentType, byte[] body, String root,
                            XmlReply reply) {
        PostResult result = fetcher.post(endpoint.uri(), contentType, body);
        if (!(result instanceof PostResult.Answered answer)) {
            return refused(target, endpoint, (FetchResult.Refused) result);
        }
        if (!answer.successful()) {
            return byStatus(target, endpoint, answer);
        }
        XmlAnswer.Element response;
        try {
            response = XmlAnswer.parse(answer.body(), answer.charset());
        } catch (XmlAnswer.Malformed e) {
            return malformed(target, endpoint, answer, e.getMessage());
        }
        if (!response.name().equals(root)) {
            return malformed(target, endpoint, answer, "the root element is not <" + root + ">");
        }
        return reply.read(answer, response);
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!value.isEmpty()) {
            form.append('&').append(name).append('=').append(encode(value));
        }
    }

    /** An XML-RPC value's text: its typed child's ({@code <string>}, {@code <int>}, ...) or its own. */
    private static String scalar(XmlAnswer.Element value) {
        return value.first().map(XmlAnswer.Element::text).orElse(value.text());
    }

    private static Attempt byStatus(URI target, Endpoint endpoint, PostResult.Answered answer) {
        int status = answer.status();
        String body = shorten(answer.body());
        SendOutcome.Failed failed = new SendOutcome.Failed(target, endpoint.protocol(), answer.uri(), status, 0,
                RetryTable.retryable(status), name(endpoint.protocol()) + " endpoint answered HTTP " + status
                + (body.isEmpty() ? "" : ": " + body));
        return RetryTable.notServed(status) ? Attempt.notServed(failed) : Attempt.done(failed);
    }

    private static Attempt malformed(URI target, Endpoint endpoint, PostResult.Answered answer, String problem) {
        return Attempt.done(new SendOutcome.Failed(target, endpoint.protocol(), answer.uri(), answer.status(), 0,
                false, name(endpoint.protocol()) + " answer is malformed: " + problem));
    }

    private static Attempt refused(URI target, Endpoint endpoint, FetchResult.Refused refusal) {
        if (refusal.failure() == FetchFailure.BLOCKED_ADDRESS) {
            return Attempt.done(new SendOutcome.Refused(target, "the " + name(endpoint.protocol()) + " endpoint "
                    + endpoint.uri() + " is refused by the address policy: " + refusal.detail()));
        }
        SendOutcome.Failed failed = new SendOutcome.Failed(target, endpoint.protocol(), endpoint.uri(), 0, 0,
                RetryTable.retryable(refusal.failure()), name(endpoint.protocol()) + " endpoint not reached ("
                + refusal.failure() + "): " + refusal.detail());
        // An endpoint URL that is not a usable http(s) URL cannot serve the protocol.
        return refusal.failure() == FetchFailure.BAD_URL ? Attempt.notServed(failed) : Attempt.done(failed);
    }

    private static Optional<URI> location(PostResult.Answered answer) {
        Optional<String> location = answer.header("location");
        if (location.isEmpty() || location.get().isBlank()) {
            return Optional.empty();
        }
        try {
            URI resolved = answer.uri().resolve(location.get().strip());
            return Optional.of(resolved);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String name(LinkbackProtocol protocol) {
        return switch (protocol) {
            case WEBMENTION -> "Webmention";
            case PINGBACK -> "Pingback";
            case TRACKBACK -> "TrackBack";
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whitespace collapsed, at most {@value #REASON_CHARS} characters: a reason fit for a log and an admin page. */
    private static String shorten(String text) {
        String collapsed = text.replaceAll("\\s+", " ").strip();
        return collapsed.length() <= REASON_CHARS ? collapsed : collapsed.substring(0, REASON_CHARS) + "…";
    }
}
