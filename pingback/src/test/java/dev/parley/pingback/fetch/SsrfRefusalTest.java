package dev.parley.pingback.fetch;

import static dev.parley.pingback.fetch.FetchFailure.BAD_URL;
import static dev.parley.pingback.fetch.FetchFailure.BLOCKED_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spelling of a forbidden destination is refused by the default policy, through a real fetch attempt while
 * real servers listen on 127.0.0.1 and ::1: the refusal comes before any connection, and neither server is reached.
 */
@DisplayName("The default fetcher refuses forbidden destinations in every spelling")
class SsrfRefusalTest {

    private static LoopbackServer v4;
    private static LoopbackServer v6;

    /** One URL that must be refused; {p4} and {p6} are the ports of the servers on 127.0.0.1 and ::1. */
    record Case(String url, FetchFailure expected) {
        @Override
        public String toString() {
            return url + " -> " + expected;
        }
    }

    @BeforeAll
    static void startServers() {
        v4 = LoopbackServer.start("127.0.0.1").html("/", "<p>internal</p>");
        v6 = LoopbackServer.start("::1").html("/", "<p>internal</p>");
    }

    @AfterAll
    static void stopServers() {
        v4.close();
        v6.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        v4.forgetRequests();
        v6.forgetRequests();
    }

    static Stream<Case> forbidden() {
        return Stream.of(
                // Loopback IPv4, every spelling a browser accepts.
                blocked("http://127.0.0.1:{p4}/"),
                blocked("http://127.0.0.1:{p4}/path?query=1#fragment"),
                blocked("HTTP://127.0.0.1:{p4}/"),
                blocked("https://127.0.0.1:{p4}/"),
                blocked("http://127.1:{p4}/"),
                blocked("http://127.0.1:{p4}/"),
                blocked("http://2130706433:{p4}/"),
                blocked("http://0x7f000001:{p4}/"),
                blocked("http://0X7F000001:{p4}/"),
                blocked("http://0x7f.0.0.1:{p4}/"),
                blocked("http://0x7F.0x00.0x00.0x01:{p4}/"),
                blocked("http://0x7f.1:{p4}/"),
                blocked("http://0177.0.0.1:{p4}/"),
                blocked("http://0177.0.0.01:{p4}/"),
                blocked("http://017700000001:{p4}/"),
                blocked("http://0177.1:{p4}/"),
                blocked("http://127.000.000.001:{p4}/"),
                blocked("http://0x7f.0.0.0x1:{p4}/"),
                blocked("http://127.0.0.1.:{p4}/"),
                blocked("http://127.0.0.2:{p4}/"),
                blocked("http://127.255.255.254:{p4}/"),
                // Loopback names.
                blocked("http://localhost:{p4}/"),
                blocked("http://LOCALHOST:{p4}/"),
                blocked("http://localhost.:{p4}/"),
                blocked("http://app.localhost:{p4}/"),
                blocked("http://a.b.localhost.:{p4}/"),
                blocked("http://evil.example:{p4}/"),
                blocked("http://evil.example.:{p4}/"),
                blocked("http://EVIL.Example:{p4}/"),
                // Loopback IPv6 and IPv6 forms embedding 127.0.0.1.
                blocked("http://[::1]:{p6}/"),
                blocked("http://[0:0:0:0:0:0:0:1]:{p6}/"),
                blocked("http://[0000:0000::0001]:{p6}/"),
                blocked("http://[::ffff:127.0.0.1]:{p4}/"),
                blocked("http://[::ffff:7f00:1]:{p4}/"),
                blocked("http://[0:0:0:0:0:ffff:127.0.0.1]:{p4}/"),
                blocked("http://[::127.0.0.1]:{p4}/"),
                blocked("http://[::7f00:1]:{p4}/"),
                blocked("http://[64:ff9b::127.0.0.1]:{p4}/"),
                blocked("http://[64:ff9b::7f00:1]:{p4}/"),
                blocked("http://[2002:7f00:1::]:{p4}/"),
                blocked("http://v6loopback.example:{p6}/"),
                // Unspecified: connecting to 0.0.0.0 reaches the local host on Linux.
                blocked("http://0.0.0.0:{p4}/"),
                blocked("http://0:{p4}/"),
                blocked("http://0x0:{p4}/"),
                blocked("http://[::]:{p6}/"),
                blocked("http://[::ffff:0.0.0.0]:{p4}/"),
                blocked("http://zero.example:{p4}/"),
                // Private ranges.
                blocked("http://10.0.0.1/"),
                blocked("http://10.1/"),
                blocked("http://012.0.0.1/"),
                blocked("http://167772161/"),
                blocked("http://0xa.0.0.1/"),
                blocked("http://172.16.0.1/"),
                blocked("http://172.31.255.255/"),
                blocked("http://192.168.0.1/"),
                blocked("http://0xc0a80001/"),
                blocked("http://192.168.1/"),
                blocked("http://private.example/"),
                // Link-local and cloud metadata.
                blocked("http://169.254.169.254/latest/meta-data/"),
                blocked("http://0xa9fea9fe/"),
                blocked("http://2852039166/"),
                blocked("http://0251.0376.0251.0376/"),
                blocked("http://169.254.43518/"),
                blocked("http://[::ffff:169.254.169.254]/"),
                blocked("http://[::ffff:a9fe:a9fe]/"),
                blocked("http://[fe80::1]/"),
                blocked("http://[febf:ffff::1]/"),
                blocked("http://[fd00:ec2::254]/"),
                blocked("http://metadata.example/"),
                // CGNAT, unique-local, multicast, broadcast, reserved, documentation, benchmarking.
                blocked("http://100.64.0.1/"),
                blocked("http://100.127.255.254/"),
                blocked("http://cgnat.example/"),
                blocked("http://[fc00::1]/"),
                blocked("http://[fd12:3456:789a::1]/"),
                blocked("http://ula.example/"),
                blocked("http://224.0.0.1/"),
                blocked("http://239.255.255.250/"),
                blocked("http://[ff02::1]/"),
                blocked("http://multicast.example/"),
                blocked("http://255.255.255.255/"),
                blocked("http://4294967295/"),
                blocked("http://240.0.0.1/"),
                blocked("http://192.0.0.170/"),
                blocked("http://192.0.2.1/"),
                blocked("http://198.51.100.7/"),
                blocked("http://203.0.113.9/"),
                blocked("http://198.18.0.1/"),
                blocked("http://[2001:db8::1]/"),
                blocked("http://[2001::1]/"),
                blocked("http://[fec0::1]/"),
                blocked("http://[100::1]/"),
                // Embedded private addresses in mapped, NAT64 and 6to4 forms, literal and resolved.
                blocked("http://[::ffff:10.0.0.1]/"),
                blocked("http://[64:ff9b::10.0.0.1]/"),
                blocked("http://[64:ff9b::a9fe:a9fe]/"),
                blocked("http://[2002:c0a8:1::1]/"),
                blocked("http://[2002:a9fe:a9fe::]/"),
                blocked("http://nat64.example/"),
                // One forbidden address among public ones refuses the whole name.
                blocked("http://mixed.example:{p4}/"),
                // URLs that are not plain http(s) to a host: refused before any address is considered.
                bad("http://user:secret@127.0.0.1:{p4}/"),
                bad("http://user@public.example/"),
                bad("http://public.example@127.0.0.1:{p4}/"),
                bad("http://:@127.0.0.1:{p4}/"),
                bad("file:///etc/passwd"),
                bad("file://localhost/etc/passwd"),
                bad("gopher://127.0.0.1:{p4}/_GET%20/"),
                bad("ftp://127.0.0.1:{p4}/"),
                bad("dict://127.0.0.1:{p4}/info"),
                bad("jar:http://127.0.0.1:{p4}/x.jar!/"),
                bad("netdoc:///etc/passwd"),
                bad("mailto:root@127.0.0.1"),
                bad("//127.0.0.1:{p4}/"),
                bad("/relative/path"),
                bad("http:/127.0.0.1:{p4}/"),
                bad("http:///127.0.0.1:{p4}/"),
                bad("http://[fe80::1%25lo]:{p6}/"),
                bad("http://[::1%25lo]:{p6}/"),
                bad("http://[::1%lo]:{p6}/"),
                bad("http://%31%32%37.0.0.1:{p4}/"),
                bad("http://127.0.0.1:{p4}:80/"),
                bad("http://0x100000000/"),
                bad("http://256.0.0.1/"),
                bad("http://127.0.0.1.1.1/"),
                bad("http://1.2.3.08/"),
                bad("http://[::1/"),
                bad("http://[v1.fe80::1]/"),
                bad("http://127.0.0.1:0/"),
                bad("http://127.0.0.1:65536/"),
                bad("http://local host/"),
                bad("not a url at all"));
    }

    private static Case blocked(String url) {
        return new Case(url, BLOCKED_ADDRESS);
    }

    private static Case bad(String url) {
        return new Case(url, BAD_URL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void refusedBeforeAnyConnectionAndNoServerReached(Case forbidden) {
        RecordingSocketFactory sockets = new RecordingSocketFactory();
        SafeFetcher fetcher = SafeFetcher.builder()
                .resolver(resolver())
                .socketFactory(sockets)
                .build();
        String url = forbidden.url().replace("{p4}", String.valueOf(v4.port()))
                .replace("{p6}", String.valueOf(v6.port()));

        FetchResult result = fetcher.fetch(url);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(forbidden.expected()));
        assertThat(sockets.attempts()).as("connection attempts").isEmpty();
        assertThat(v4.requests()).as("requests seen by 127.0.0.1").isEmpty();
        assertThat(v6.requests()).as("requests seen by ::1").isEmpty();
    }

    @Test
    @DisplayName("the list covers at least 60 forbidden destinations")
    void listIsLargeEnough() {
        assertThat(forbidden().filter(c -> c.expected() == BLOCKED_ADDRESS).count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    @DisplayName("the same servers are reachable once the policy allows them, so the refusals above are the policy's")
    void serversAreReachableWithAnAllowance() {
        SafeFetcher fetcher = SafeFetcher.builder().addressPolicy(v4.allowance()).build();
        SafeFetcher fetcher6 = SafeFetcher.builder().addressPolicy(v6.allowance()).build();

        assertThat(fetcher.fetch(v4.uri("/"))).isInstanceOf(FetchResult.Fetched.class);
        assertThat(fetcher6.fetch(v6.uri("/"))).isInstanceOf(FetchResult.Fetched.class);
    }

    private static MapResolver resolver() {
        return new MapResolver()
                .map("evil.example", "127.0.0.1")
                .map("v6loopback.example", "::1")
                .map("zero.example", "0.0.0.0")
                .map("private.example", "10.0.0.1")
                .map("metadata.example", "169.254.169.254")
                .map("cgnat.example", "100.64.1.1")
                .map("ula.example", "fd00::2")
                .map("multicast.example", "224.0.0.251")
                .map("nat64.example", "64:ff9b::a00:1")
                .map("mixed.example", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "127.0.0.1")
                .map("public.example", "93.184.215.14");
    }
}
