package dev.parley.pingback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.pingback.verify.LinkVerifier;
import dev.parley.pingback.verify.SourceVerification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receiver and verifier apply the fetcher's URL rules to what a sender names: a URL that URL parsers read
 * differently (a backslash, user-info, missing or extra slashes, spaces, controls) is refused before anything is
 * fetched, even when a browser-style reading would reach a real server. {s} is the loopback server's host and port.
 */
@DisplayName("Ambiguous source and target URLs are refused before fetching")
class AmbiguousUrlTest {

    private static final String TARGET = "https://blog.example/posts/hello/";

    private final SourceServer server = SourceServer.start()
            .html("/reply", "<a href=\"" + TARGET + "\">your post</a>");
    private final List<String> checkedTargets = new ArrayList<>();
    private final LinkbackReceiver receiver = LinkbackReceiver.builder()
            .fetcher(server.fetcher())
            .targetCheck(target -> {
                checkedTargets.add(target);
                return TargetCheck.Verdict.open();
            })
            .build();

    @AfterEach
    void stop() {
        server.close();
    }

    private String spell(String pattern) {
        return pattern.replace("{s}", server.url("").substring("http://".length()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://{s}\\@good.example/reply", "http://{s}\\reply", "http:\\\\{s}\\reply",
        "http:{s}/reply", "http:/{s}/reply", "http:///{s}/reply", " http://{s}/reply", "http://{s}/reply ",
        "http://{s}/re\tply", "http://{s}/re\nply", "http://{s}/reply\u0000", "http://{s}/re ply",
        "http://good.example@{s}/reply", "http://{s}/reply\u0085"})
    @DisplayName("an ambiguous source is SOURCE_NOT_FOUND and the server sees no request")
    void ambiguousSource(String pattern) {
        LinkbackResult result = receiver.receive(Protocol.PINGBACK, spell(pattern), TARGET);

        assertThat(result).isInstanceOfSatisfying(LinkbackResult.Rejected.class,
                rejected -> assertThat(rejected.fault()).isEqualTo(Fault.SOURCE_NOT_FOUND));
        assertThat(server.requests()).isZero();
        assertThat(checkedTargets).isEmpty();
    }

    @Test
    @DisplayName("the same source spelled plainly is fetched and accepted")
    void plainSourceIsAccepted() {
        assertThat(receiver.receive(Protocol.PINGBACK, server.url("/reply"), TARGET))
                .isInstanceOf(LinkbackResult.Accepted.class);
        assertThat(server.requests()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://blog.example\\@evil.example/posts/hello/", "https:blog.example/posts/hello/",
        "https://user@blog.example/posts/hello/", "https://blog.example/posts/hello/\t"})
    @DisplayName("an ambiguous target is TARGET_NOT_FOUND and the host's check is not asked")
    void ambiguousTarget(String target) {
        LinkbackResult result = receiver.receive(Protocol.WEBMENTION, server.url("/reply"), target);

        assertThat(result).isInstanceOfSatisfying(LinkbackResult.Rejected.class,
                rejected -> assertThat(rejected.fault()).isEqualTo(Fault.TARGET_NOT_FOUND));
        assertThat(checkedTargets).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @Test
    @DisplayName("reverification refuses an ambiguous stored source without fetching")
    void reverifyRefusesAmbiguousSource() {
        assertThat(receiver.reverify(spell("http://{s}\\@good.example/reply"), TARGET))
                .isInstanceOf(Reverification.Unavailable.class);
        assertThat(server.requests()).isZero();
    }

    @Test
    @DisplayName("the verifier refuses an ambiguous source as unavailable and an ambiguous target as misuse")
    void verifierAppliesTheSameRules() {
        LinkVerifier verifier = LinkVerifier.builder().fetcher(server.fetcher()).build();

        assertThat(verifier.verifySource(spell("http://{s}\\@good.example/reply"), TARGET))
                .isInstanceOfSatisfying(SourceVerification.Unavailable.class,
                        unavailable -> assertThat(unavailable.fault()).isEqualTo(Fault.SOURCE_NOT_FOUND));
        assertThat(verifier.verifySource(spell("http://{s}/" + "a".repeat(2_100)), TARGET))
                .isInstanceOf(SourceVerification.Unavailable.class);
        assertThat(server.requests()).isZero();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> verifier.verifySource(server.url("/reply"), "https://blog.example\\@x.example/"));
    }
}
