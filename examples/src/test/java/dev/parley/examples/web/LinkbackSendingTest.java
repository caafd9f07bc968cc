package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.DemoConfig;
import dev.parley.pingback.Protocol;
import dev.parley.pingback.fetch.AddressPolicy;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two demo instances on loopback: A's admin publishes a post that links to a post of B, A's outbox discovers
 * B's endpoint and sends the linkback, and B verifies it against A's page and shows it. Each instance may reach
 * the other's port and nothing else on loopback. Done once per protocol, B advertising only that one, then for
 * an update that removes the link and for a deletion (410 Gone).
 */
@DisplayName("Sending linkbacks between two demo instances")
class LinkbackSendingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Allows exactly one loopback port, known only once the other instance has bound it. */
    private static final class OtherInstance implements AddressPolicy {
        private volatile int port;

        @Override
        public boolean permits(InetAddress address, int candidatePort) {
            return allowsExplicitly(address, candidatePort)
                    || AddressPolicy.publicUnicast().permits(address, candidatePort);
        }

        /** Named explicitly, so the fetcher reaches it on its random port, outside the web ports. */
        @Override
        public boolean allowsExplicitly(InetAddress address, int candidatePort) {
            return port != 0 && candidatePort == port && address.equals(LOOPBACK);
        }
    }

    private final List<RunningDemo> running = new ArrayList<>();
    private RunningDemo a;
    private RunningDemo b;

    @AfterEach
    void stop() {
        running.forEach(RunningDemo::close);
    }

    private void start(Set<Protocol> advertisedByB) throws Exception {
        OtherInstance toA = new OtherInstance();
        OtherInstance toB = new OtherInstance();
        b = RunningDemo.start(builder -> builder
                .config(DemoConfig.inMemory(RunningDemo.PASSWORD).withAdvertise(advertisedByB))
                .addressPolicy(toA));
        running.add(b);
        a = RunningDemo.start(builder -> builder.addressPolicy(toB));
        running.add(a);
        toA.port = a.server.port();
        toB.port = b.server.port();
    }

    private static HttpClient admin(RunningDemo demo) throws Exception {
        HttpClient client = RunningDemo.client();
        assertThat(RunningDemo.postForm(client, demo.base() + "/admin/login", Map.of("password", RunningDemo.PASSWORD))
                .statusCode()).isEqualTo(303);
        return client;
    }

    private static String csrf(HttpClient admin, RunningDemo demo) throws Exception {
        HttpResponse<String> page = RunningDemo.get(admin, demo.base() + "/admin/posts/new");
        return Jsoup.parse(page.body()).selectFirst("form.post-form input[name=csrf]").attr("value");
    }

    private String publish(HttpClient admin, String slug, String body) throws Exception {
        HttpResponse<String> created = RunningDemo.postForm(admin, a.base() + "/admin/posts/new",
                Map.of("csrf", csrf(admin, a), "slug", slug, "title", "An answer to B", "body", body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        return a.base() + "/posts/" + slug;
    }

    private void edit(HttpClient admin, String slug, String body) throws Exception {
        HttpResponse<String> saved = RunningDemo.postForm(admin, a.base() + "/admin/posts/" + slug + "/edit",
                Map.of("csrf", csrf(admin, a), "title", "An answer to B", "body", body));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    }

    private void delete(HttpClient admin, String slug) throws Exception {
        HttpResponse<String> deleted = RunningDemo.postForm(admin, a.base() + "/admin/posts/" + slug + "/delete",
                Map.of("csrf", csrf(admin, a)));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(303);
    }

    /** B's verification of the next linkback it received. */
    private LinkbackRecorder.Outcome nextAtB() throws InterruptedException {
        LinkbackRecorder.Outcome outcome = b.linkbacks.poll(60, TimeUnit.SECONDS);
        assertThat(outcome).as("B received and verified a linkback").isNotNull();
        return outcome;
    }

    /** The linkbacks B's JSON API lists on its post. */
    private List<JsonNode> linkbacksAtB() throws Exception {
        List<JsonNode> found = new ArrayList<>();
        String url = b.base() + "/api/threads/" + b.post().slug() + "/comments?limit=100";
        for (JsonNode comment : JSON.readTree(RunningDemo.get(RunningDemo.client(), url).body()).get("comments")) {
            if (!comment.get("kind").asString().equals("comment")) {
                found.add(comment);
            }
        }
        return found;
    }

    /** A's admin page of the linkbacks a post sent: the row for B's post, once it has a final result. */
    private Element resultAtA(HttpClient admin, String slug, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Document page = Jsoup.parse(RunningDemo.get(admin, a.base() + "/admin/posts/" + slug + "/linkbacks")
                    .body());
            for (Element row : page.select("table.linkbacks-sent tbody tr")) {
                if (row.selectFirst("a").attr("href").equals(b.postUrl()) && row.hasClass("status-" + status)) {
                    return row;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("A's linkbacks page never showed " + status + " for " + b.postUrl() + ":\n"
                        + page.select("table.linkbacks-sent"));
            }
            Thread.sleep(50);
        }
    }

    private void assertLinkbackAtB(LinkbackRecorder.Outcome outcome, Protocol protocol, String source) throws Exception {
        assertThat(outcome.protocol()).isEqualTo(protocol);
        assertThat(outcome.accepted()).as(outcome.message()).isTrue();
        assertThat(outcome.source()).isEqualTo(source);
        assertThat(outcome.target()).isEqualTo(b.postUrl());
        assertThat(linkbacksAtB()).anySatisfy(linkback -> {
            assertThat(linkback.get("kind").asString()).isEqualTo(protocol.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(linkback.get("source").get("url").asString()).isEqualTo(source);
        });
    }

    @Test
    @DisplayName("B advertising only Webmention: A's post shows up at B as a webmention, and A shows it sent")
    void webmention() throws Exception {
        start(Set.of(Protocol.WEBMENTION));
        HttpClient admin = admin(a);

        String source = publish(admin, "answer-by-webmention", "I answer [Mara's post](" + b.postUrl() + ").");

        assertLinkbackAtB(nextAtB(), Protocol.WEBMENTION, source);
        Element row = resultAtA(admin, "answer-by-webmention", "sent");
        assertThat(row.text()).contains("Sent", "WEBMENTION", b.base() + "/webmention", "HTTP 202");
    }

    @Test
    @DisplayName("B advertising only Pingback: A falls back to Pingback and B shows a pingback")
    void pingback() throws Exception {
        start(Set.of(Protocol.PINGBACK));
        HttpClient admin = admin(a);

        String source = publish(admin, "answer-by-pingback", "I answer [Mara's post](" + b.postUrl() + ").");

        assertLinkbackAtB(nextAtB(), Protocol.PINGBACK, source);
        assertThat(resultAtA(admin, "answer-by-pingback", "sent").text())
                .contains("PINGBACK", b.base() + "/pingback");
    }

    @Test
    @DisplayName("B advertising only TrackBack: A falls back to TrackBack and B shows a trackback")
    void trackback() throws Exception {
        start(Set.of(Protocol.TRACKBACK));
        HttpClient admin = admin(a);

        String source = publish(admin, "answer-by-trackback", "I answer [Mara's post](" + b.postUrl() + ").");

        LinkbackRecorder.Outcome outcome = nextAtB();
        assertLinkbackAtB(outcome, Protocol.TRACKBACK, source);
        assertThat(resultAtA(admin, "answer-by-trackback", "sent").text()).contains("TRACKBACK");
        assertThat(linkbacksAtB()).anySatisfy(linkback ->
                assertThat(linkback.get("source").get("title").asString()).isEqualTo("An answer to B"));
    }

    @Test
    @DisplayName("an update that removes the link tells B, which removes the linkback")
    void updateRemovingTheLink() throws Exception {
        start(Set.of(Protocol.WEBMENTION));
        HttpClient admin = admin(a);
        String source = publish(admin, "changed-my-mind", "I answer [Mara's post](" + b.postUrl() + ").");
        assertLinkbackAtB(nextAtB(), Protocol.WEBMENTION, source);

        edit(admin, "changed-my-mind", "On second thought, I answer nobody.");

        LinkbackRecorder.Outcome removed = nextAtB();
        assertThat(removed.source()).isEqualTo(source);
        assertThat(removed.message()).contains("removed");
        assertThat(linkbacksAtB()).noneSatisfy(linkback ->
                assertThat(linkback.path("source").path("url").asString("")).isEqualTo(source));
        Element row = resultAtA(admin, "changed-my-mind", "sent");
        assertThat(row.text()).contains("(no longer linked)");
    }

    @Test
    @DisplayName("deleting the post tells B, which finds 410 Gone and removes the linkback")
    void deleteAnswersGone() throws Exception {
        start(Set.of(Protocol.WEBMENTION));
        HttpClient admin = admin(a);
        String source = publish(admin, "short-lived", "I answer [Mara's post](" + b.postUrl() + ").");
        assertLinkbackAtB(nextAtB(), Protocol.WEBMENTION, source);

        delete(admin, "short-lived");

        assertThat(RunningDemo.get(RunningDemo.client(), source).statusCode()).isEqualTo(410);
        LinkbackRecorder.Outcome removed = nextAtB();
        assertThat(removed.source()).isEqualTo(source);
        assertThat(removed.message()).contains("removed");
        assertThat(linkbacksAtB()).noneSatisfy(linkback ->
                assertThat(linkback.path("source").path("url").asString("")).isEqualTo(source));
        resultAtA(admin, "short-lived", "sent");
    }
}
