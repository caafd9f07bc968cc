package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fetcher allowed to reach exactly one loopback server: every redirect hop and every resolution is checked
 * again, and it connects only to addresses it checked.
 */
@DisplayName("Redirect hops and DNS answers are checked every time")
class RedirectAndRebindingTest {

    private LoopbackServer allowed;
    private LoopbackServer other;
    private LoopbackServer v6;
    private RecordingSocketFactory sockets;
    private MapResolver resolver;

    @BeforeEach
    void startServers() {
        allowed = LoopbackServer.start("127.0.0.1");
        other = LoopbackServer.start("127.0.0.1").html("/", "<p>internal</p>");
        v6 = LoopbackServer.start("::1").html("/", "<p>internal</p>");
        sockets = new RecordingSocketFactory();
        resolver = new MapResolver();
    }

    @AfterEach
    void stopServers() {
        allowed.close();
        other.close();
        v6.close();
    }

    private SafeFetcher fetcher() {
        return SafeFetcher.builder().addressPolicy(allowed.allowance()).resolver(resolver).socketFactory(sockets)
                .build();
    }

    private FetchResult.Refused refusedAfterRedirectTo(String location) {
        allowed.redirect("/start", 302, location);
        FetchResult result = fetcher().fetch(allowed.uri("/start"));
        assertThat(result).isInstanceOf(FetchResult.Refused.class);
        assertThat(allowed.requests()).extracting(LoopbackServer.Request::path).containsExactly("/start");
        assertThat(other.requests()).isEmpty();
        assertThat(v6.requests()).isEmpty();
        return (FetchResult.Refused) result;
    }

    private void assertOnlyAllowedServerContacted() {
        assertThat(sockets.attempts())
                .containsOnly(new InetSocketAddress(allowed.address(), allowed.port()));
    }

    @Test
    void redirectToAnotherLoopbackPortIsRefusedAndThatServerIsNotReached() {
        FetchResult.Refused refused = refusedAfterRedirectTo("http://127.0.0.1:" + other.port() + "/");

        assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertOnlyAllowedServerContacted();
    }

    @Test
    void redirectToIpv6LoopbackIsRefused() {
        FetchResult.Refused refused = refusedAfterRedirectTo("http://[::1]:" + v6.port() + "/");

        assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertOnlyAllowedServerContacted();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://0xa9fea9fe/",
        "http://[fd00:ec2::254]/", "http://localhost:{port}/", "http://2130706433:{other}/"})
    void redirectToForbiddenAddressIsRefusedWithoutConnecting(String location) {
        FetchResult.Refused refused = refusedAfterRedirectTo(location
                .replace("{port}", String.valueOf(allowed.port()))
                .replace("{other}", String.valueOf(other.port())));

        assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertOnlyAllowedServerContacted();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:{other}/_GET", "ftp://127.0.0.1:{other}/",
        "http://user:pw@127.0.0.1:{port}/ok", "jar:file:///tmp/x.jar!/", "http://[::1%25lo]:{port}/"})
    void redirectToForbiddenUrlIsRefusedAsBadUrl(String location) {
        allowed.html("/ok", "<p>ok</p>");
        FetchResult.Refused refused = refusedAfterRedirectTo(location
                .replace("{port}", String.valueOf(allowed.port()))
                .replace("{other}", String.valueOf(other.port())));

        assertThat(refused.failure()).isEqualTo(FetchFailure.BAD_URL);
        assertOnlyAllowedServerContacted();
    }

    @Test
    void redirectToNameResolvingToPrivateAddressIsRefusedWithoutConnecting() {
        resolver.map("evil.example", "10.0.0.1");

        FetchResult.Refused refused = refusedAfterRedirectTo("http://evil.example/");

        assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(resolver.lookups()).containsExactly("evil.example");
        assertOnlyAllowedServerContacted();
    }

    @Test
    void nameResolvingToMetadataAddressIsRefusedWithoutConnecting() {
        resolver.map("metadata.example", "169.254.169.254");

        FetchResult result = fetcher().fetch("http://metadata.example/latest/meta-data/");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS));
        assertThat(sockets.attempts()).isEmpty();
    }

    @Test
    @DisplayName("DNS rebinding: the connection goes to the address that was checked, not to a later answer")
    void connectsToTheCheckedAddressEvenIfTheNameLaterResolvesElsewhere() {
        // The rebound address is loopback too, so that a fetcher that resolved again would really reach it.
        try (LoopbackServer rebound = LoopbackServer.start("127.0.0.2", allowed.port())) {
            rebound.html("/page", "<p>rebound</p>");
            allowed.html("/page", "<p>checked</p>");
            resolver.map("rebind.example", "127.0.0.1").map("rebind.example", "127.0.0.2");

            FetchResult result = fetcher().fetch("http://rebind.example:" + allowed.port() + "/page");

            assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
                    fetched -> assertThat(fetched.body()).isEqualTo("<p>checked</p>"));
            assertThat(resolver.lookups()).containsExactly("rebind.example");
            assertThat(rebound.requests()).isEmpty();
            assertOnlyAllowedServerContacted();
        }
    }

    @Test
    @DisplayName("DNS rebinding across a redirect: the next hop resolves again and its new answer is checked")
    void redirectHopResolvesAgainAndRefusesTheReboundAddress() {
        try (LoopbackServer rebound = LoopbackServer.start("127.0.0.2", allowed.port())) {
            rebound.html("/next", "<p>rebound</p>");
            allowed.redirect("/page", 301, "/next");
            resolver.map("rebind.example", "127.0.0.1").map("rebind.example", "127.0.0.2");

            FetchResult result = fetcher().fetch("http://rebind.example:" + allowed.port() + "/page");

            assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                    refused -> assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS));
            assertThat(resolver.lookups()).containsExactly("rebind.example", "rebind.example");
            assertThat(rebound.requests()).isEmpty();
            assertOnlyAllowedServerContacted();
        }
    }

    @Test
    void allowanceIsForOneAddressAndPortOnly() {
        SafeFetcher fetcher = fetcher();

        assertThat(fetcher.fetch(other.uri("/"))).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS));
        assertThat(fetcher.fetch("http://127.0.0.2:" + allowed.port() + "/"))
                .isInstanceOfSatisfying(FetchResult.Refused.class,
                        refused -> assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS));
        assertThat(sockets.attempts()).isEmpty();
    }
}
