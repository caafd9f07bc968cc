package dev.parley.benchmarks.web;

import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.examples.Post;
import dev.parley.examples.PostDraft;
import dev.parley.examples.PostSave;
import dev.parley.storage.CommentId;
import dev.parley.store.jdbc.PostgresServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read path of the demo under 16 concurrent loopback clients, on a database store, each view against a
 * fixed response of the same bytes from the same Jetty in the same run.
 *
 * <p>The demo runs in this JVM on a SQLite file (the demo's default), an H2 file (the embedded database of the
 * issue's figures) or a throwaway PostgreSQL ({@code store} parameter), seeded with the demo content plus a post whose one root has 2,000
 * replies. At setup each view is fetched once and its bytes captured; a plain servlet on the same Jetty then
 * serves exactly those bytes ({@code pageFixed}, {@code jsonFixed}), and an empty-bodied 304
 * ({@code notModifiedFixed}). The ratios reported in the README are {@code postPage / pageFixed},
 * {@code threadJson / jsonFixed} and {@code postPageNotModified / notModifiedFixed}: the share of Jetty's own
 * throughput for the same answer that the view keeps. {@code floor} is a tiny fixed page, for reference. The
 * long root's page and JSON ({@code longRootPage}, {@code longRootJson} with {@code limit=1}) are reported as
 * requests per second; their sizes are printed at setup.
 *
 * <p>Each benchmark method is one blocking HTTP/1.1 GET with {@link HttpClient} (keep-alive, one client shared
 * by the 16 threads), anonymous (no cookie); an answer with another status than expected throws, so an error
 * can never be counted as throughput. Bounded: 2 warm-up and 4 measured iterations of 2 seconds per method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@Threads(16)
public class ThreadViewsLoadBenchmark {

    /** The replies under the long root. */
    static final int LONG_ROOT_REPLIES = 2_000;

    /** The store: {@code sqlite} (the demo's default file), {@code h2} (an H2 file) or {@code postgres}. */
    @Param({"sqlite", "h2", "postgres"})
    public String store;

    /**
     * The demo's freshness window for anonymous reads, in milliseconds: its default (1,000), or 0 to read the post
     * and the thread's state from the database on every request.
     */
    @Param({"1000", "0"})
    public long freshnessMillis = DemoServer.DEFAULT_FRESHNESS.toMillis();

    private final CapturedServlet pageFixed = new CapturedServlet();
    private final CapturedServlet jsonFixed = new CapturedServlet();
    private final CapturedServlet notModifiedFixed = new CapturedServlet();
    private final CapturedServlet floorFixed = new CapturedServlet();

    private Path directory;
    private PostgresServer postgres;
    private DemoServer server;
    private HttpClient client;
    private HttpRequest postPage;
    private HttpRequest threadJson;
    private HttpRequest postPageNotModified;
    private HttpRequest longRootPage;
    private HttpRequest longRootJson;
    private HttpRequest pageFixedRequest;
    private HttpRequest jsonFixedRequest;
    private HttpRequest notModifiedFixedRequest;
    private HttpRequest floorRequest;

    /** Starts the database and the seeded demo, and captures each view's bytes for the fixed responses. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        directory = Files.createTempDirectory("parley-bench-views-");
        Map<String, String> settings = new HashMap<>();
        settings.put("parley.port", "0");
        settings.put("parley.admin.password", "benchmark-password");
        if (store.equals("postgres")) {
            postgres = PostgresServer.start();
            settings.put("parley.jdbc.url", postgres.createDatabase("parley_views"));
            settings.put("parley.jdbc.user", PostgresServer.USER);
        } else if (store.equals("h2")) {
            settings.put("parley.store", "h2");
            settings.put("parley.h2.file", directory.resolve("blog").toString());
        } else {
            settings.put("parley.store", "sqlite");
            settings.put("parley.sqlite.file", directory.resolve("blog.db").toString());
        }
        server = DemoServer.builder()
                .config(DemoConfig.from(settings::get))
                .settings(Settings.builder().requireEmail(false).holdNewAuthors(false)
                        .floodInterval(Duration.ZERO).build())
                .freshness(Duration.ofMillis(freshnessMillis))
                .servlet("/fixed/page", pageFixed)
                .servlet("/fixed/json", jsonFixed)
                .servlet("/fixed/not-modified", notModifiedFixed)
                .servlet("/floor", floorFixed)
                .build();
        server.start();
        String longRoot = seedLongRoot();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = server.baseUrl();
        String slug = server.blog().posts().stream().filter(post -> !post.slug().equals(longRoot)).findFirst()
                .orElseThrow().slug();
        postPage = get(base + "/posts/" + slug).build();
        threadJson = get(base + "/api/threads/" + slug + "/comments").build();
        longRootPage = get(base + "/posts/" + longRoot).build();
        longRootJson = get(base + "/api/threads/" + longRoot + "/comments?limit=1").build();

        HttpResponse<byte[]> page = client.send(postPage, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> json = client.send(threadJson, HttpResponse.BodyHandlers.ofByteArray());
        pageFixed.answer(200, page.headers().firstValue("Content-Type").orElseThrow(), page.body(), null);
        jsonFixed.answer(200, json.headers().firstValue("Content-Type").orElseThrow(), json.body(), null);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        notModifiedFixed.answer(304, null, new byte[0], etag);
        floorFixed.answer(200, "text/html; charset=UTF-8", ("<!doctype html><html><head><title>floor</title></head>"
                + "<body><p>A fixed response.</p></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null);
        postPageNotModified = get(base + "/posts/" + slug).header("If-None-Match", etag).build();
        pageFixedRequest = get(base + "/fixed/page").build();
        jsonFixedRequest = get(base + "/fixed/json").build();
        notModifiedFixedRequest = get(base + "/fixed/not-modified").build();
        floorRequest = get(base + "/floor").build();

        System.out.printf("%n[%s] post page %,d bytes, thread JSON %,d bytes; long root (%,d replies): page %,d"
                + " bytes, JSON limit=1 %,d bytes%n", store, page.body().length, json.body().length,
                LONG_ROOT_REPLIES, send(longRootPage, 200), send(longRootJson, 200));
        send(postPageNotModified, 304);
        send(notModifiedFixedRequest, 304);
    }

    /** A post whose one root has {@link #LONG_ROOT_REPLIES} replies, written through the engine. */
    private String seedLongRoot() {
        PostSave saved = server.blog().create(new PostDraft("one-long-root", "One long root",
                "A post whose first comment drew two thousand replies."));
        Post post = ((PostSave.Saved) saved).post();
        CommentId root = accepted(server.comments().post(PostRequest.builder(post.thread(), "The root.")
                .author("Root", null, null).build()));
        for (int i = 0; i < LONG_ROOT_REPLIES; i++) {
            accepted(server.comments().post(PostRequest.builder(post.thread(), "Reply number " + i + ".")
                    .inReplyTo(root).author("Replier " + i, null, null).build()));
        }
        return post.slug();
    }

    private static CommentId accepted(PostResult result) {
        if (result instanceof PostResult.Accepted accepted) {
            return accepted.comment().id();
        }
        throw new IllegalStateException("seeding was refused: " + result);
    }

    /** Stops the server and the database, and deletes the files. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The anonymous post page.
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int postPage() throws Exception {
        return send(postPage, 200);
    }

    /**
     * The post page's bytes from a servlet that does no work.
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int pageFixed() throws Exception {
        return send(pageFixedRequest, 200);
    }

    /**
     * The anonymous first page of the thread as JSON.
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int threadJson() throws Exception {
        return send(threadJson, 200);
    }

    /**
     * The thread JSON's bytes from a servlet that does no work.
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int jsonFixed() throws Exception {
        return send(jsonFixedRequest, 200);
    }

    /**
     * The post page asked for with the tag the client holds: 304.
     *
     * @return the body length, 0
     * @throws Exception on an I/O failure or another status than 304
     */
    @Benchmark
    public int postPageNotModified() throws Exception {
        return send(postPageNotModified, 304);
    }

    /**
     * A fixed 304 with the same tag from a servlet that does no work.
     *
     * @return the body length, 0
     * @throws Exception on an I/O failure or another status than 304
     */
    @Benchmark
    public int notModifiedFixed() throws Exception {
        return send(notModifiedFixedRequest, 304);
    }

    /**
     * The page of the post whose root has 2,000 replies.
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int longRootPage() throws Exception {
        return send(longRootPage, 200);
    }

    /**
     * The JSON of that post's first root ({@code limit=1}).
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int longRootJson() throws Exception {
        return send(longRootJson, 200);
    }

    /**
     * A tiny fixed page: the floor.
     *
     * @return the body length
     * @throws Exception on an I/O failure or another status than 200
     */
    @Benchmark
    public int floor() throws Exception {
        return send(floorRequest, 200);
    }

    private int send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    }

    /** A servlet that writes the answer captured at setup every time: what Jetty alone costs for it. */
    static final class CapturedServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private transient volatile Answer answer = new Answer(503, null, new byte[0], null);

        private record Answer(int status, String type, byte[] body, String etag) {
        }

        void answer(int status, String type, byte[] body, String etag) {
            answer = new Answer(status, type, body, etag);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Answer now = answer;
            response.setStatus(now.status());
            if (now.etag() != null) {
                response.setHeader("ETag", now.etag());
            }
            if (now.type() != null) {
                response.setContentType(now.type());
            }
            if (now.status() != 304) {
                response.setContentLength(now.body().length);
                response.getOutputStream().write(now.body());
            }
        }
    }
}
