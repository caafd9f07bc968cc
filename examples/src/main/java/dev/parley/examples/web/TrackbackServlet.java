package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.examples.Blog;
import dev.parley.examples.Post;
import dev.parley.pingback.Fault;
import dev.parley.pingback.trackback.TrackbackParse;
import dev.parley.pingback.trackback.TrackbackParser;
import dev.parley.pingback.trackback.TrackbackPing;
import dev.parley.pingback.trackback.TrackbackResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The TrackBack ping endpoint of each post ({@code POST /trackback/<slug>}, a form post with {@code url},
 * {@code title}, {@code excerpt} and {@code blog_name}).
 *
 * <p>TrackBack itself does not ask the receiver to check anything; this one does what Pingback does, fetching
 * the source and recording the ping only if the page really links to the post, which takes away most
 * TrackBack spam. The answer is TrackBack's small XML document ({@code <error>0</error>} or 1 with a message).
 *
 * <p>It takes POST only: the demo mounts it behind {@link AllowedMethods}, which answers every other method
 * with 405 and {@code Allow: POST} in the endpoint's own error shape.
 *
 * <p>Thread-safe: immutable.
 */
public final class TrackbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient TrackbackParser parser = TrackbackParser.create();
    private final transient LinkbackRecorder recorder;
    private final transient Blog blog;

    /**
     * Creates the endpoint.
     *
     * @param recorder verifies and records the pings
     * @param blog the posts that can be pinged
     */
    public TrackbackServlet(LinkbackRecorder recorder, Blog blog) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.blog = Objects.requireNonNull(blog, "blog");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<Post> post = blog.post(slug);
        byte[] answer;
        if (post.isEmpty()) {
            answer = TrackbackResponses.fault(Fault.TARGET_NOT_FOUND, "no post has this TrackBack URL");
        } else {
            TrackbackParse parse = parser.parse(request.getMethod(), request.getContentType(), request.getInputStream());
            if (parse instanceof TrackbackParse.Refused refused) {
                answer = TrackbackResponses.fault(refused);
            } else {
                TrackbackPing ping = ((TrackbackParse.Parsed) parse).ping();
                LinkbackRecorder.Outcome outcome = recorder.receiveTrackback(post.get(), ping.url(), ping.title(),
                        ping.excerpt(), ping.blogName(),
                        ClientContext.of(request.getRemoteAddr(), request.getHeader("User-Agent")));
                answer = outcome.fault() == null
                        ? TrackbackResponses.success()
                        : TrackbackResponses.fault(outcome.fault(), outcome.message());
            }
        }
        response.setContentType(TrackbackResponses.CONTENT_TYPE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
