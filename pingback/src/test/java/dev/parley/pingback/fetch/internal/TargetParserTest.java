package dev.parley.pingback.fetch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.fetch.FetchFailure;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "http://2130706433/, 127.0.0.1",
        "http://0x7f000001/, 127.0.0.1",
        "http://0x7f.1/, 127.0.0.1",
        "http://0177.0.0.1/, 127.0.0.1",
        "http://127.1/, 127.0.0.1",
        "http://127.0.0.1./, 127.0.0.1",
        "http://10.1/, 10.0.0.1",
        "http://192.168.257/, 192.168.1.1",
        "http://0x08.010.0.8/, 8.8.0.8",
        "http://08.8.8.8x/, ",
        "http://[::ffff:127.0.0.1]/, 127.0.0.1",
        "http://[64:ff9b::1.2.3.4]/, 64:ff9b:0:0:0:0:102:304",
        "http://[1:2:3:4:5:6:7:8]/, 1:2:3:4:5:6:7:8",
        "http://[1::]/, 1:0:0:0:0:0:0:0"})
    void ipLiteralsAreReadAsBrowsersReadThem(String url, String expected) throws FetchAbort {
        Target target = TargetParser.parse(URI.create(url), UrlRules.DEFAULT_MAX_LENGTH);

        if (expected == null) {
            assertThat(target.literal()).isNull();
        } else {
            assertThat(target.literal()).isNotNull();
            assertThat(target.literal().getHostAddress()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "HTTP://Example.COM./a/b?x=1#frag, example.com, 80, /a/b?x=1, example.com",
        "https://example.com:8443, example.com, 8443, /, example.com:8443",
        "https://example.com:443/, example.com, 443, /, example.com",
        "http://b\u00fccher.example/, xn--bcher-kva.example, 80, /, xn--bcher-kva.example",
        "http://[2001:db8::1]:81/p, 2001:db8::1, 81, /p, [2001:db8::1]:81",
        "http://under_score.example/%7Euser, under_score.example, 80, /%7Euser, under_score.example"})
    void namesPortsAndRequestTargetsAreNormalized(String url, String host, int port, String requestTarget,
                                                   String hostHeader) throws FetchAbort {
        Target target = TargetParser.parse(URI.create(url), UrlRules.DEFAULT_MAX_LENGTH);

        assertThat(target.host()).isEqualTo(host);
        assertThat(target.port()).isEqualTo(port);
        assertThat(target.requestTarget()).isEqualTo(requestTarget);
        assertThat(target.hostHeader()).isEqualTo(hostHeader);
        assertThat(target.uri().getFragment()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://a..b/", "http://-/x", "http://" + "a234567890123456789012345678901234567890"
        + "12345678901234567890123456/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[1::2::3]/", "http://[::1.2.3]/",
        "http://[::01.2.3.4]/", "http://[12345::]/", "http://999999999999/", "http://a-.example/", "http://1.2.3.4.5/", "http://4294967296/"})
    void unreadableHostsAreBadUrls(String url) {
        assertThatThrownBy(() -> TargetParser.parse(TargetParser.parseUri(url), UrlRules.DEFAULT_MAX_LENGTH)).isInstanceOfSatisfying(FetchAbort.class,
                abort -> assertThat(abort.refused().failure()).isEqualTo(FetchFailure.BAD_URL));
    }
}
