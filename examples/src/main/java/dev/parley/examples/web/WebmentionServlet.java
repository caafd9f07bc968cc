package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.pingback.LinkbackResult;
import dev.parley.pingback.webmention.WebmentionAnswer;
import dev.parley.pingback.webmention.WebmentionParse;
import dev.parley.pingback.webmention.WebmentionParser;
import dev.parley.pingback.webmention.WebmentionRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Webmention endpoint ({@code POST /webmention}, advertised by the post page's {@code Link} header and
 * {@code <link rel="webmention">}).
 *
 * <p>As the W3C Recommendation suggests, the request is checked synchronously (form fields, URLs, that the
 * target is a post of this blog) and the source is verified later: the servlet answers 202 Accepted once the
 * mention is a durable job on the {@link WebmentionQueue}, which any instance's workers may verify. When the
 * backlog is full it answers 503 with {@code Retry-After} rather than queueing without limit.
 *
 * <p>It takes POST only: the demo mounts it behind {@link AllowedMethods}, which answers every other method
 * with 405 and {@code Allow: POST} in the endpoint's own error shape.
 *
 * <p>Thread-safe: immutable.
 */
public final class WebmentionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Seconds a sender is asked to wait when the queue is full. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final transient WebmentionParser parser = WebmentionParser.create();
    private final transient LinkbackRecorder recorder;
    private final transient WebmentionQueue queue;

    /**
     * Creates the endpoint.
     *
     * @param recorder checks that a mention's target is a post
     * @param queue where mentions wait for verification
     */
    public WebmentionServlet(LinkbackRecorder recorder, WebmentionQueue queue) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebmentionParse parse = parser.parse(request.getMethod(), request.getContentType(), request.getInputStream());
        if (parse instanceof WebmentionParse.Refused refused) {
            write(response, WebmentionAnswer.fault(refused));
            return;
        }
        WebmentionRequest mention = ((WebmentionParse.Parsed) parse).request();
        // The checks that need no fetch answer 400 now, before the 202 (Webmention 3.2.1).
        Optional<LinkbackResult.Rejected> rejected = recorder.precheck(mention.source(), mention.target());
        if (rejected.isPresent()) {
            write(response, WebmentionAnswer.fault(rejected.get().fault(), rejected.get().message()));
            return;
        }
        ClientContext client = ClientContext.of(request.getRemoteAddr(), request.getHeader("User-Agent"));
        boolean queued = queue.offer(mention.source(), mention.target(), client);
        if (!queued) {
            write(response, new WebmentionAnswer(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)),
                    "Too many webmentions are waiting for verification; please retry later.\n"));
            return;
        }
        write(response, WebmentionAnswer.accepted());
    }

    private static void write(HttpServletResponse response, WebmentionAnswer answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        byte[] body = answer.bodyBytes();
        if (!answer.headers().containsKey("Content-Type")) {
            response.setContentType(WebmentionAnswer.TEXT_PLAIN);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
