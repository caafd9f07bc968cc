package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetch policy beyond addresses: only web ports unless an address and port are allowed by name, and a cap on the
 * URL's length. Loopback servers stand in for public hosts through a policy that permits loopback as a range (not as
 * an explicit allowance), so the port rule is what decides.
 */
@DisplayName("The fetcher's port and URL-length policy")
class FetchPolicyTest {

    /** Permits every loopback address on every port, as the default policy permits every public address. */
    private static final AddressPolicy LOOPBACK_AS_PUBLIC = (address, port) -> address.isLoopbackAddress();

    private final LoopbackServer server = LoopbackServer.start("127.0.0.1").html("/", "<p>hello</p>");

    @AfterEach
    void stop() {
        server.close();
    }

    private static FetchResult.Refused refused(FetchResult result, FetchFailure failure) {
        return AllowedServerTest.refused(result, failure);
    }

    @Nested
    @DisplayName("ports")
    class Ports {

        @ParameterizedTest(name = "port {0}")
        @ValueSource(ints = {22, 25, 6379, 11211})
        @DisplayName("a public host on a non-web port is refused before any connection")
        void publicHostOnNonWebPortIsRefused(int port) {
            RecordingSocketFactory sockets = new RecordingSocketFactory();
            SafeFetcher fetcher = SafeFetcher.builder()
                    .resolver(new MapResolver().map("cache.example", "93.184.216.34"))
                    .socketFactory(sockets)
                    .build();

            FetchResult.Refused refused = refused(fetcher.fetch("http://cache.example:" + port + "/"),
                    FetchFailure.BLOCKED_ADDRESS);

            assertThat(refused.detail()).contains("port " + port);
            assertThat(sockets.attempts()).isEmpty();
        }

        @Test
        @DisplayName("a permitted address on a port outside the allowed ports is refused, and the server sees nothing")
        void permittedAddressOnOtherPortIsRefused() {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(LOOPBACK_AS_PUBLIC).build();

            refused(fetcher.fetch(server.uri("/")), FetchFailure.BLOCKED_ADDRESS);

            assertThat(server.requests()).isEmpty();
        }

        @Test
        @DisplayName("adding the port to the allowed ports lets the fetch through")
        void allowedPortsSettingWidensThePorts() {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(LOOPBACK_AS_PUBLIC)
                    .allowedPorts(Set.of(80, 443, server.port())).build();

            assertThat(fetcher.fetch(server.uri("/"))).isInstanceOf(FetchResult.Fetched.class);
            assertThat(fetcher.toBuilder().build().fetch(server.uri("/"))).isInstanceOf(FetchResult.Fetched.class);
        }

        @Test
        @DisplayName("an address and port allowed by name are reached whatever the allowed ports say")
        void explicitAllowanceIsReachedOnAnyPort() {
            SafeFetcher fetcher = SafeFetcher.builder()
                    .addressPolicy(AddressPolicy.publicUnicast().allowing(server.address(), server.port()))
                    .allowedPorts(Set.of(443))
                    .build();

            assertThat(fetcher.fetch(server.uri("/"))).isInstanceOf(FetchResult.Fetched.class);
        }

        @Test
        @DisplayName("an allowance names one port: a redirect to another port of the same address is refused")
        void explicitAllowanceDoesNotExtendToOtherPorts() {
            try (LoopbackServer other = LoopbackServer.start("127.0.0.1").html("/", "<p>internal</p>")) {
                server.redirect("/go", 302, other.uri("/").toString());
                AddressPolicy policy = new AddressPolicy() {
                    @Override
                    public boolean permits(InetAddress address, int port) {
                        return address.isLoopbackAddress();
                    }
                }.allowing(server.address(), server.port());
                SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(policy).build();

                refused(fetcher.fetch(server.uri("/go")), FetchFailure.BLOCKED_ADDRESS);

                assertThat(other.requests()).isEmpty();
            }
        }

        @Test
        @DisplayName("the allowed ports are validated at build()")
        void allowedPortsAreValidated() {
            assertThatIllegalArgumentException().isThrownBy(() -> SafeFetcher.builder().allowedPorts(Set.of()).build())
                    .withMessageContaining("allowedPorts");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafeFetcher.builder().allowedPorts(Set.of(80, 0, 65_536)).build())
                    .withMessageContaining("allowedPorts");
        }
    }

    @Nested
    @DisplayName("URL length")
    class UrlLength {

        private String urlOfLength(int length) {
            String prefix = server.uri("/?q=").toString();
            return prefix + "a".repeat(length - prefix.length());
        }

        @Test
        @DisplayName("a URL of 5,000 characters is a bad URL, and nothing is requested")
        void longUrlIsRefused() {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(server.allowance()).build();

            refused(fetcher.fetch(urlOfLength(5_000)), FetchFailure.BAD_URL);
            refused(fetcher.fetch(java.net.URI.create(urlOfLength(5_000))), FetchFailure.BAD_URL);

            assertThat(server.requests()).isEmpty();
        }

        @Test
        @DisplayName("the default cap is 2,048 characters, inclusive")
        void defaultCapIsInclusive() {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(server.allowance()).build();

            assertThat(SafeFetcher.DEFAULT_MAX_URL_LENGTH).isEqualTo(2_048);
            assertThat(fetcher.fetch(urlOfLength(2_048))).isInstanceOf(FetchResult.Fetched.class);
            refused(fetcher.fetch(urlOfLength(2_049)), FetchFailure.BAD_URL);
        }

        @Test
        @DisplayName("a redirect to a URL over the cap is refused")
        void longRedirectIsRefused() {
            server.redirect("/go", 302, urlOfLength(3_000));
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(server.allowance()).build();

            refused(fetcher.fetch(server.uri("/go")), FetchFailure.BAD_URL);

            assertThat(server.requests()).hasSize(1);
        }

        @Test
        @DisplayName("the cap is a setting, 64 to 8,192 characters")
        void capIsASetting() {
            SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(server.allowance()).maxUrlLength(8_192).build();

            assertThat(fetcher.fetch(urlOfLength(5_000))).isInstanceOf(FetchResult.Fetched.class);
            assertThatIllegalArgumentException().isThrownBy(() -> SafeFetcher.builder().maxUrlLength(8_193).build())
                    .withMessageContaining("maxUrlLength");
            assertThatIllegalArgumentException().isThrownBy(() -> SafeFetcher.builder().maxUrlLength(63).build())
                    .withMessageContaining("maxUrlLength");
        }
    }
}
