package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.pingback.Protocol;
import dev.parley.pingback.xmlrpc.PingbackParse;
import dev.parley.pingback.xmlrpc.PingbackRequest;
import dev.parley.pingback.xmlrpc.PingbackRequestParser;
import dev.parley.pingback.xmlrpc.PingbackResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * The XML-RPC Pingback endpoint ({@code POST /pingback}, advertised by the post page's {@code X-Pingback}
 * header and {@code <link rel="pingback">}).
 *
 * <p>The request is parsed by {@code parley-pingback} (no DOCTYPE, no entities, bounded size), the source is
 * fetched and verified synchronously as the Pingback spec expects, and the answer is an XML-RPC success string
 * or a fault with the spec's code. As XML-RPC requires, faults travel in a 200 response.
 *
 * <p>It takes POST only: the demo mounts it behind {@link AllowedMethods}, which answers every other method
 * with 405 and {@code Allow: POST} in the endpoint's own error shape.
 *
 * <p>Thread-safe: immutable.
 */
public final class PingbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PingbackRequestParser parser = PingbackRequestParser.create();
    private final transient LinkbackRecorder recorder;

    /**
     * Creates the endpoint.
     *
     * @param recorder verifies and records the pingbacks
     */
    public PingbackServlet(LinkbackRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PingbackParse parse = parser.parse(request.getMethod(), request.getContentType(), request.getInputStream());
        byte[] answer;
        if (parse instanceof PingbackParse.Refused refused) {
            answer = PingbackResponses.fault(refused);
        } else {
            PingbackRequest ping = ((PingbackParse.Parsed) parse).request();
            LinkbackRecorder.Outcome outcome = recorder.receive(Protocol.PINGBACK, ping.sourceUri(), ping.targetUri(),
                    ClientContext.of(request.getRemoteAddr(), request.getHeader("User-Agent")));
            answer = outcome.fault() == null
                    ? PingbackResponses.success("Pingback from " + ping.sourceUri() + " recorded. Thank you.")
                    : PingbackResponses.fault(outcome.fault(), outcome.message());
        }
        response.setContentType(PingbackResponses.CONTENT_TYPE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
