package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.fetch.FetchFailure;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Targets that cannot be read, or must not be: discovery ends in {@link Discovery.Unreachable} with the
 * fetcher's refusal, and an address the policy refuses is never connected to.
 */
@DisplayName("Discovery refuses unsafe targets and reports unreadable ones")
class UnreachableTargetTest {

    private DiscoveryServer server;
    private DiscoveryServer other;
    private EndpointDiscovery discovery;

    @BeforeEach
    void start() {
        server = DiscoveryServer.start();
        other = DiscoveryServer.start();
        other.html("/", "<link rel=\"webmention\" href=\"/internal\">");
        discovery = new EndpointDiscovery(server.fetcher());
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    private Discovery.Unreachable unreachable(URI target) {
        Discovery result = discovery.discover(target);
        assertThat(result).isInstanceOf(Discovery.Unreachable.class);
        assertThat(result.target()).isEqualTo(target);
        assertThat(other.connections()).as("connections to the refused server").isZero();
        return (Discovery.Unreachable) result;
    }

    @Test
    @DisplayName("a target redirecting to another loopback port is refused before connecting there")
    void redirectToPrivateAddressIsRefused() {
        server.redirect("/post", 302, other.origin() + "/");

        Discovery.Unreachable result = unreachable(server.uri("/post"));

        assertThat(result.refusal().failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(server.requests()).containsExactly("GET /post");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://10.0.0.1/post", "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/", "http://[::1]:{port}/", "http://0x7f000001:{port}/", "http://localhost:{port}/"})
    @DisplayName("a target redirecting to a private, link-local or loopback address is refused")
    void redirectToSpecialAddressesIsRefused(String location) {
        server.redirect("/post", 301, location.replace("{port}", Integer.toString(other.port())));

        Discovery.Unreachable result = unreachable(server.uri("/post"));

        assertThat(result.refusal().failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(server.requests()).containsExactly("GET /post");
    }

    @Test
    @DisplayName("a target on a loopback address the policy does not allow is never connected to")
    void targetOnRefusedAddress() {
        Discovery.Unreachable result = unreachable(other.uri("/"));

        assertThat(result.refusal().failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(server.connections()).isZero();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 410, 500, 503})
    @DisplayName("a target answering an error status is unreachable with that status, even with a Link header")
    void errorStatus(int status) {
        server.on("/post", DiscoveryServer.status(status).header("Link", "</wm>; rel=webmention")
                .header("Content-Type", "text/html").body("<link rel=\"webmention\" href=\"/wm\">"));

        Discovery.Unreachable result = unreachable(server.uri("/post"));

        assertThat(result.refusal().failure()).isEqualTo(FetchFailure.HTTP_STATUS);
        assertThat(result.refusal().status()).isEqualTo(status);
        assertThat(server.requests()).containsExactly("GET /post");
    }

    @Test
    @DisplayName("a redirect loop ends at the fetcher's redirect cap")
    void redirectLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");

        Discovery.Unreachable result = unreachable(server.uri("/a"));

        assertThat(result.refusal().failure()).isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).containsExactly("GET /a", "GET /b", "GET /a", "GET /b", "GET /a", "GET /b");
    }

    @Test
    @DisplayName("a target that is not http(s) is refused without any connection")
    void nonHttpTarget() {
        Discovery.Unreachable result = unreachable(URI.create("ftp://127.0.0.1:" + server.port() + "/post"));

        assertThat(result.refusal().failure()).isEqualTo(FetchFailure.BAD_URL);
        assertThat(server.connections()).isZero();
    }
}
