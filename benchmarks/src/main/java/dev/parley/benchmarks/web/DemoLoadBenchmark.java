package dev.parley.benchmarks.web;

import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests per second of the demo's post page and thread JSON under 16 concurrent loopback clients, against a
 * fixed response of the same size class served by a plain servlet on the same Jetty, in the same run.
 *
 * <p>The server runs in this JVM on the in-memory store, seeded with the demo content. Each benchmark method is
 * one blocking HTTP/1.1 GET with {@link HttpClient} (keep-alive, one client shared by the 16 threads); a
 * non-200 answer throws, so an error page can never be counted as throughput. The ratios reported in the
 * README are {@code postPage / staticResponse} and {@code threadJson / staticResponse}: the share of a bare
 * servlet's throughput the rendered page and the API keep.
 *
 * <p>Bounded: 3 warm-up and 5 measured iterations of 2 seconds each per method, one fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(16)
public class DemoLoadBenchmark {

    private DemoServer server;
    private HttpClient client;
    private HttpRequest postPage;
    private HttpRequest threadJson;
    private HttpRequest staticResponse;

    /** Starts the seeded demo server and the fixed-response servlet on a free loopback port. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        server = DemoServer.builder()
                .config(DemoConfig.inMemory("benchmark-password"))
                .servlet("/floor", new FixedResponseServlet())
                .build();
        server.start();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = server.baseUrl();
        String slug = server.blog().posts().get(0).slug();
        postPage = get(base + "/posts/" + slug);
        threadJson = get(base + "/api/threads/" + slug + "/comments");
        staticResponse = get(base + "/floor");
        for (HttpRequest request : new HttpRequest[] {postPage, threadJson, staticResponse}) {
            send(request);
        }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /**
     * Reads the server-rendered post page with its nested thread.
     *
     * @return the body length, so the work is not dead code
     * @throws Exception on an I/O failure or a non-200 answer
     */
    @Benchmark
    public int postPage() throws Exception {
        return send(postPage);
    }

    /**
     * Reads the first page of the thread as JSON.
     *
     * @return the body length
     * @throws Exception on an I/O failure or a non-200 answer
     */
    @Benchmark
    public int threadJson() throws Exception {
        return send(threadJson);
    }

    /**
     * Reads a fixed response from a servlet that does no work: the floor.
     *
     * @return the body length
     * @throws Exception on an I/O failure or a non-200 answer
     */
    @Benchmark
    public int staticResponse() throws Exception {
        return send(staticResponse);
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** A servlet that writes the same small HTML page every time: what Jetty alone costs per request. */
    static final class FixedResponseServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private static final byte[] BODY = ("<!doctype html><html><head><title>floor</title></head>"
                + "<body><p>A fixed response.</p></body></html>").getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html; charset=UTF-8");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}
