package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.examples.Post;
import dev.parley.pingback.Protocol;
import dev.parley.storage.StatusCounts;
import dev.parley.store.jdbc.PostgresServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three demo instances over one PostgreSQL, as a site behind a load balancer runs them: one public base URL,
 * requests spread over the instances, nothing shared but the database.
 *
 * <p>Each instance has its own connection pool, Jetty, engine, secrets read from the database and Webmention
 * workers; they share a JVM only for speed, and nothing in the demo is static. Each test spreads one kind of
 * traffic over them and checks, in the database and through the other instances, that nothing was lost,
 * duplicated or processed twice.
 */
@DisplayName("Three demo instances on one PostgreSQL")
class SeveralInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The public address every instance answers for, as behind a load balancer. */
    private static final String PUBLIC_BASE = "http://blog.example";
    private static final int INSTANCES = 3;

    private static PostgresServer postgres;
    private static String jdbcUrl;
    private static HttpServer sources;
    private static final Map<String, AtomicInteger> sourceFetches = new ConcurrentHashMap<>();
    private static final BlockingQueue<LinkbackRecorder.Outcome> linkbacks = new LinkedBlockingQueue<>();
    private static final Map<Integer, AtomicInteger> verifiedBy = new ConcurrentHashMap<>();
    private static final List<DemoServer> servers = new ArrayList<>();
    private static final List<String> addresses = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        jdbcUrl = postgres.createDatabase("parley_instances");
        sources = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sources.setExecutor(Executors.newFixedThreadPool(4));
        sources.start();
        for (int i = 0; i < INSTANCES; i++) {
            int instance = i;
            DemoConfig config = DemoConfig.from(Map.of("parley.port", "0", "parley.base.url", PUBLIC_BASE,
                    "parley.jdbc.url", jdbcUrl, "parley.jdbc.user", PostgresServer.USER,
                    "parley.admin.password", RunningDemo.PASSWORD)::get);
            DemoServer server = DemoServer.builder().config(config)
                    .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).linkLimit(2)
                            .floodInterval(Duration.ZERO).build())
                    .addressPolicy(RunningDemo.allowing(sources.getAddress()))
                    .webmentionQueue(2, 1_000)
                    .webmentionPollInterval(Duration.ofMillis(200))
                    // Every instance reads the database on every request: what one writes, the others show at once.
                    .freshness(Duration.ZERO)
                    .linkbackListener(outcome -> {
                        verifiedBy.computeIfAbsent(instance, n -> new AtomicInteger()).incrementAndGet();
                        linkbacks.add(outcome);
                    })
                    .build();
            servers.add(server);
        }
        // All at once on the empty database, as a deployment starts them: exactly one may seed it.
        ExecutorService starting = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (DemoServer server : servers) {
                started.add(starting.submit(() -> {
                    server.start();
                    return null;
                }));
            }
            for (Future<?> future : started) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            starting.shutdownNow();
        }
        for (DemoServer server : servers) {
            addresses.add("http://127.0.0.1:" + server.port());
        }
        seeded = servers.get(0).comments().counts(List.of(post().thread())).get(post().thread());
    }

    /** The main post's counts right after the concurrent start. */
    private static StatusCounts seeded;

    @Test
    @DisplayName("three instances started together on an empty database seed the demo conversation exactly once")
    void seededOnce() {
        assertThat(seeded.approved()).isEqualTo(12);
        assertThat(seeded.pending()).isEqualTo(1);
    }

    @AfterAll
    static void stop() throws Exception {
        for (DemoServer server : servers) {
            server.close();
        }
        if (sources != null) {
            sources.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Post post() {
        return servers.get(0).blog().posts().get(0);
    }

    /** Where instance {@code i} really listens; the public base URL is not reachable from the test. */
    private static String instance(int i) {
        return addresses.get(Math.floorMod(i, INSTANCES));
    }

    private static String threadApi(int i) {
        return instance(i) + "/api/threads/" + post().slug() + "/comments";
    }

    private static HttpResponse<String> json(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header(CommentApiServlet.TOKEN_HEADER, token);
        }
        return RunningDemo.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> withCookie(String method, String url, String cookie, Map<String, String> form)
            throws Exception {
        // A fresh client with the cookie set by hand: the session travels only as a browser would carry it.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(RunningDemo.form(form)));
        } else {
            request.GET();
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Waits, up to 30 seconds, until the query counts {@code expected}; fails showing the last count. */
    private static void awaitCount(String sql, long expected, Object... parameters) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long last = count(sql, parameters);
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = count(sql, parameters);
        }
        assertThat(last).as(sql).isEqualTo(expected);
    }

    @Test
    @DisplayName("8 clients posting 25 comments each, round-robin over the instances: every acknowledged comment"
            + " is stored exactly once and readable from every instance")
    void postingSpreadOverInstances() throws Exception {
        int clients = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int n = 0; n < each; n++) {
                        String text = "load " + client + "-" + n;
                        HttpResponse<String> answer = json("POST", threadApi(client + n),
                                "{\"name\":\"Reader " + client + "\",\"text\":\"" + text + "\"}", null);
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                        acknowledged.put(JSON.readTree(answer.body()).get("comment").get("id").asString(), text);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(acknowledged).hasSize(clients * each);
        assertThat(count("SELECT COUNT(*) FROM parley_comment WHERE body_text LIKE 'load %'"))
                .as("comments stored").isEqualTo(clients * each);
        assertThat(count("SELECT COUNT(DISTINCT body_text) FROM parley_comment WHERE body_text LIKE 'load %'"))
                .as("distinct texts stored").isEqualTo(clients * each);
        int i = 0;
        for (Map.Entry<String, String> comment : acknowledged.entrySet()) {
            HttpResponse<String> read = RunningDemo.get(RunningDemo.client(), instance(i++) + "/api/comments/" + comment.getKey());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(read.body()).get("html").asString()).contains(comment.getValue());
        }
        long[] totals = new long[INSTANCES];
        for (int n = 0; n < INSTANCES; n++) {
            String url = instance(n) + "/api/counts?thread=" + post().slug();
            totals[n] = JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body()).get("counts")
                    .get(post().slug()).asLong();
        }
        assertThat(totals[1]).isEqualTo(totals[0]);
        assertThat(totals[2]).isEqualTo(totals[0]);
    }

    @Test
    @DisplayName("an edit token issued by one instance is accepted by the others, and a forged one by none")
    void editTokenWorksOnEveryInstance() throws Exception {
        HttpResponse<String> created = json("POST", threadApi(0), "{\"name\":\"Roaming\",\"text\":\"Draft one\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("comment").get("id").asString();
        String token = body.get("editToken").asString();

        assertThat(json("PUT", instance(1) + "/api/comments/" + id, "{\"text\":\"Forged\"}", token + "x").statusCode())
                .isEqualTo(403);
        HttpResponse<String> edited = json("PUT", instance(1) + "/api/comments/" + id, "{\"text\":\"Draft two\"}", token);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(RunningDemo.get(RunningDemo.client(), instance(2) + "/api/comments/" + id).body())
                .get("html").asString()).contains("Draft two");
        assertThat(json("DELETE", instance(2) + "/api/comments/" + id, "", token).statusCode()).isEqualTo(200);
        assertThat(RunningDemo.get(RunningDemo.client(), instance(0) + "/api/comments/" + id).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a moderator logged in on one instance moderates on another, and every instance shows the result")
    void moderationAcrossInstances() throws Exception {
        String approveMe = heldComment(0, "Held Hanna");
        String spamMe = heldComment(1, "Held Henrik");

        HttpResponse<String> login = RunningDemo.postForm(RunningDemo.client(), instance(1) + "/admin/login",
                Map.of("password", RunningDemo.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith(AdminSession.COOKIE + "=");

        // The session from instance 1 opens the queue on instance 2; its CSRF token is good on instance 0.
        HttpResponse<String> queue = withCookie("GET", instance(2) + "/admin", cookie, Map.of());
        assertThat(queue.statusCode()).isEqualTo(200);
        Element row = Jsoup.parse(queue.body()).getElementById("q-" + approveMe);
        assertThat(row).as("the held comment in the queue read from instance 2").isNotNull();
        String csrf = row.selectFirst("input[name=csrf]").attr("value");
        assertThat(withCookie("POST", instance(0) + "/admin/moderate", cookie,
                Map.of("id", approveMe, "action", "approve", "csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(withCookie("POST", instance(2) + "/admin/moderate", cookie,
                Map.of("id", spamMe, "action", "spam", "csrf", csrf)).statusCode()).isEqualTo(303);

        for (int i = 0; i < INSTANCES; i++) {
            assertThat(RunningDemo.get(RunningDemo.client(), instance(i) + "/api/comments/" + approveMe).statusCode())
                    .as("the approved comment on instance %d", i).isEqualTo(200);
            assertThat(RunningDemo.get(RunningDemo.client(), instance(i) + "/api/comments/" + spamMe).statusCode())
                    .as("the spam on instance %d", i).isEqualTo(404);
            assertThat(Jsoup.parse(withCookie("GET", instance(i) + "/admin", cookie, Map.of()).body())
                    .getElementById("q-" + approveMe)).as("the queue on instance %d", i).isNull();
        }
        assertThat(withCookie("POST", instance(0) + "/admin/moderate", cookie + "x",
                Map.of("id", approveMe, "action", "delete", "csrf", csrf)).statusCode()).isEqualTo(401);
    }

    private static String heldComment(int instance, String name) throws Exception {
        HttpResponse<String> created = json("POST", threadApi(instance), "{\"name\":\"" + name + "\",\"text\":"
                + "\"Links: https://a.example/1 https://b.example/2\"}", null);
        JsonNode comment = JSON.readTree(created.body()).get("comment");
        assertThat(comment.get("status").asString()).isEqualTo("pending");
        return comment.get("id").asString();
    }

    @Test
    @DisplayName("a mention whose instance died while verifying it is verified by another once the lease ends")
    void abandonedMentionIsTakenOver() throws Exception {
        String target = PUBLIC_BASE + post().path();
        String path = "/abandoned";
        byte[] html = ("<html><head><title>Abandoned</title></head><body><p>Still linking to <a href=\"" + target
                + "\">the post</a>.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        sources.createContext(path, exchange -> {
            sourceFetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        String source = "http://" + sources.getAddress().getAddress().getHostAddress() + ":"
                + sources.getAddress().getPort() + path;
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(PostgresServer.USER);
        pool.setMaximumPoolSize(2);
        LinkbackRecorder.Outcome outcome;
        dev.parley.storage.jobs.Job job;
        try (com.zaxxer.hikari.HikariDataSource database = new com.zaxxer.hikari.HikariDataSource(pool)) {
            // An instance that answered 202, claimed the job and died: its lease is all that is left of it. Its
            // clock runs 5 s ahead and the job is due at its "now", so it claims the job before the running
            // instances, for which it is due only 5 s later, can take it first.
            java.time.Clock ahead = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofSeconds(5));
            dev.parley.storage.jobs.JobQueue jobs = dev.parley.store.jdbc.JdbcJobQueue.create(database, ahead);
            job = jobs.enqueue(WebmentionQueue.job(source, target, dev.parley.core.ClientContext.of("192.0.2.7", null),
                    ahead.instant()));
            assertThat(jobs.claim("crashed-instance/webmention-1", 1, Duration.ofSeconds(1))).hasSize(1);

            outcome = linkbacks.poll(60, TimeUnit.SECONDS);
        }
        // The listener hears the outcome just before the worker completes the job.
        awaitCount("SELECT COUNT(*) FROM parley_job WHERE id = ? AND state = 'DONE'", 1, job.id().value());
        dev.parley.storage.jobs.Job done;
        try (com.zaxxer.hikari.HikariDataSource database = new com.zaxxer.hikari.HikariDataSource(pool)) {
            done = dev.parley.store.jdbc.JdbcJobQueue.create(database).find(job.id()).orElseThrow();
        }

        assertThat(outcome).as("the taken-over verification").isNotNull();
        assertThat(outcome.source()).isEqualTo(source);
        assertThat(outcome.accepted()).as(outcome.message()).isTrue();
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.owner()).isNotEqualTo("crashed-instance/webmention-1");
        assertThat(sourceFetches.get(path)).hasValue(1);
    }

    @Test
    @DisplayName("30 Webmentions sent round-robin to the instances are each verified once (one fetch of the"
            + " source), recorded once, and their jobs done after one attempt")
    void webmentionsProcessedExactlyOnce() throws Exception {
        int mentions = 30;
        String target = PUBLIC_BASE + post().path();
        List<String> sent = new ArrayList<>();
        for (int m = 0; m < mentions; m++) {
            String path = "/mention-" + m;
            byte[] html = ("<!doctype html><html><head><title>Mention " + m + "</title></head><body>"
                    + "<article class=\"h-entry\"><p>Reply " + m + " to <a href=\"" + target + "\">the post</a>.</p>"
                    + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
            sources.createContext(path, exchange -> {
                sourceFetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
                exchange.close();
            });
            sent.add("http://" + sources.getAddress().getAddress().getHostAddress() + ":"
                    + sources.getAddress().getPort() + path);
        }
        for (int m = 0; m < mentions; m++) {
            HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), instance(m) + "/webmention",
                    Map.of("source", sent.get(m), "target", target));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }

        Map<String, LinkbackRecorder.Outcome> outcomes = new HashMap<>();
        for (int m = 0; m < mentions; m++) {
            LinkbackRecorder.Outcome outcome = linkbacks.poll(60, TimeUnit.SECONDS);
            assertThat(outcome).as("outcome %d of %d", m + 1, mentions).isNotNull();
            assertThat(outcome.protocol()).isEqualTo(Protocol.WEBMENTION);
            assertThat(outcome.accepted()).as(outcome.message()).isTrue();
            assertThat(outcomes.put(outcome.source(), outcome)).as("a second outcome for %s", outcome.source())
                    .isNull();
        }

        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(sourceFetches).hasSize(mentions);
        assertThat(sourceFetches.values()).allSatisfy(fetches -> assertThat(fetches.get()).isEqualTo(1));
        for (String source : sent) {
            assertThat(count("SELECT COUNT(*) FROM parley_comment WHERE linkback_source = ?", source))
                    .as("linkbacks from %s", source).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM parley_job WHERE kind = 'webmention' AND payload LIKE '%mention-%'"))
                .isEqualTo(mentions);
        awaitCount("SELECT COUNT(*) FROM parley_job WHERE kind = 'webmention' AND payload LIKE '%mention-%'"
                + " AND state = 'DONE'", mentions);
        assertThat(count("SELECT COUNT(*) FROM parley_job WHERE kind = 'webmention' AND payload LIKE '%mention-%'"
                + " AND state = 'DONE' AND attempts = 1")).as("jobs done after one attempt").isEqualTo(mentions);
        assertThat(linkbacks.poll(1, TimeUnit.SECONDS)).as("no further verification").isNull();
        assertThat(sourceFetches.values()).allSatisfy(fetches -> assertThat(fetches.get()).isEqualTo(1));
    }
}
