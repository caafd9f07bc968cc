package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A POST goes through the same checks as a GET and returns the answer of any status")
class SafePostTest extends AllowedServerTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final byte[] BODY = "source=https%3A%2F%2Fa.example%2F&target=https%3A%2F%2Fb.example%2F"
            .getBytes(StandardCharsets.US_ASCII);

    /** What a handler saw: method, path, Content-Type, body. */
    private record Seen(String method, String path, String contentType, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private void answer(String path, int status, String contentType, String body) {
        server.on(path, exchange -> {
            record(exchange);
            LoopbackServer.respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
        });
    }

    private void record(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private void redirect(String path, int status, String location) {
        server.on(path, exchange -> {
            record(exchange);
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    private PostResult post(String path) {
        return builder().build().post(server.uri(path), FORM, BODY);
    }

    private static PostResult.Answered answered(PostResult result) {
        assertThat(result).isInstanceOf(PostResult.Answered.class);
        return (PostResult.Answered) result;
    }

    private static FetchResult.Refused refused(PostResult result, FetchFailure failure) {
        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(failure));
        return (FetchResult.Refused) result;
    }

    @Test
    @DisplayName("the body arrives as sent, and a 400 answer is read like a 200 one")
    void errorStatusIsAnAnswerWithItsBody() {
        answer("/endpoint", 400, "text/plain; charset=utf-8", "target is not a post here");

        PostResult.Answered answer = answered(post("/endpoint"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.successful()).isFalse();
        assertThat(answer.mediaType()).isEqualTo("text/plain");
        assertThat(answer.body()).isEqualTo("target is not a post here");
        assertThat(answer.uri()).isEqualTo(server.uri("/endpoint"));
        assertThat(seen).containsExactly(new Seen("POST", "/endpoint", FORM, new String(BODY, StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("an answer of any media type, or none, is read")
    void anyMediaTypeOrNoneIsAnAnswer() {
        answer("/json", 500, "application/json", "{\"error\":\"busy\"}");
        server.on("/bare", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
        });

        PostResult.Answered json = answered(post("/json"));
        PostResult.Answered bare = answered(post("/bare"));

        assertThat(json.status()).isEqualTo(500);
        assertThat(json.mediaType()).isEqualTo("application/json");
        assertThat(json.body()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(bare.status()).isEqualTo(202);
        assertThat(bare.mediaType()).isEmpty();
        assertThat(bare.body()).isEmpty();
    }

    @Test
    @DisplayName("an XML answer without a charset parameter is decoded by its XML declaration")
    void xmlAnswerDecodedByItsDeclaration() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf\u00e9</r>"
                .getBytes(StandardCharsets.ISO_8859_1);
        server.on("/xml", exchange -> LoopbackServer.respond(exchange, 200, "text/xml", latin1));

        assertThat(answered(post("/xml")).body()).endsWith("<r>caf\u00e9</r>");
    }

    @Test
    @DisplayName("the request head is HTTP/1.1 with Content-Length and Connection: close, and the body follows it")
    void requestWireFormat() {
        try (RawServer raw = RawServer.answering("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")) {
            PostResult result = SafeFetcher.builder().addressPolicy(raw.allowance()).build()
                    .post(raw.uri("/ping?x=1"), FORM, BODY);

            assertThat(answered(result).status()).isEqualTo(204);
            String host = raw.uri("/").getAuthority();
            assertThat(raw.requests()).containsExactly("POST /ping?x=1 HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "User-Agent: " + SafeFetcher.DEFAULT_USER_AGENT + "\r\n"
                    + "Accept: */*\r\n"
                    + "Accept-Encoding: gzip, deflate\r\n"
                    + "Content-Type: " + FORM + "\r\n"
                    + "Content-Length: " + BODY.length + "\r\n"
                    + "Connection: close\r\n\r\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    @DisplayName("301, 302, 307 and 308 send the same POST, same body, to the Location")
    void redirectRepostsTheSameBody(int status) {
        redirect("/old", status, "/new");
        answer("/new", 202, "text/plain", "queued");

        PostResult.Answered answer = answered(post("/old"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.uri()).isEqualTo(server.uri("/new"));
        String body = new String(BODY, StandardCharsets.UTF_8);
        assertThat(seen).containsExactly(new Seen("POST", "/old", FORM, body), new Seen("POST", "/new", FORM, body));
    }

    @Test
    @DisplayName("a 303 See Other is the final answer: the POST was processed and nothing is fetched from there")
    void seeOtherIsFinal() {
        redirect("/old", 303, "/status/1");
        answer("/status/1", 200, "text/plain", "status page");

        PostResult.Answered answer = answered(post("/old"));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("location")).contains("/status/1");
        assertThat(seen).extracting(Seen::path).containsExactly("/old");
    }

    @Test
    @DisplayName("a redirect to a port the policy refuses is refused, and that server is never connected to")
    void redirectToRefusedAddressMakesNoConnection() {
        try (LoopbackServer other = LoopbackServer.start("127.0.0.1")) {
            other.html("/inside", "<p>internal</p>");
            redirect("/old", 307, other.uri("/inside").toString());
            RecordingSocketFactory sockets = new RecordingSocketFactory();

            PostResult result = builder().socketFactory(sockets).build().post(server.uri("/old"), FORM, BODY);

            refused(result, FetchFailure.BLOCKED_ADDRESS);
            assertThat(other.requests()).isEmpty();
            assertThat(sockets.attempts()).containsExactly(new InetSocketAddress(server.address(), server.port()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://10.0.0.1/endpoint", "http://192.168.1.1/xmlrpc.php", "http://169.254.169.254/",
        "http://[::1]/endpoint", "http://localhost/endpoint"})
    @DisplayName("an endpoint on a private or loopback address is refused without a connection attempt")
    void privateEndpointIsNeverContacted(String endpoint) {
        RecordingSocketFactory sockets = new RecordingSocketFactory();

        PostResult result = builder().socketFactory(sockets).resolver(new MapResolver()).build()
                .post(URI.create(endpoint), FORM, BODY);

        refused(result, FetchFailure.BLOCKED_ADDRESS);
        assertThat(sockets.attempts()).isEmpty();
    }

    @Test
    @DisplayName("a server that never answers is cut off at the time cap")
    void silentServerTimesOut() {
        try (RawServer silent = RawServer.answering(out -> Thread.sleep(10_000))) {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(silent.allowance())
                    .timeout(Duration.ofMillis(300)).build();

            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> refused(fetcher.post(silent.uri("/endpoint"), FORM, BODY), FetchFailure.TIMEOUT));
        }
    }

    @Test
    @DisplayName("redirects past the cap are refused")
    void redirectLoopIsCapped() {
        redirect("/a", 307, "/b");
        redirect("/b", 308, "/a");

        refused(builder().maxRedirects(3).build().post(server.uri("/a"), FORM, BODY),
                FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(seen).hasSize(4);
    }

    @Test
    @DisplayName("an answer larger than the byte cap is refused")
    void oversizedAnswerIsRefused() {
        answer("/big", 200, "text/plain", "x".repeat(2_000));

        refused(builder().maxBodyBytes(1_000).build().post(server.uri("/big"), FORM, BODY), FetchFailure.TOO_LARGE);
    }

    @Test
    @DisplayName("a Content-Type that would inject a header is a programming error")
    void contentTypeWithLineBreakIsRejected() {
        SafeFetcher fetcher = builder().build();

        assertThatThrownBy(() -> fetcher.post(server.uri("/x"), "text/plain\r\nX-Evil: 1", BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fetcher.post(server.uri("/x"), "", BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }
}
