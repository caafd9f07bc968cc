package dev.parley.pingback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.webmention.WebmentionAnswer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The receiver's synchronous checks, which a Webmention endpoint runs before it answers 202. */
class PrecheckTest {

    private static final String TARGET = "https://my.blog.example/posts/hello/";

    private final SourceServer server = SourceServer.start();
    private final LinkbackReceiver receiver = LinkbackReceiver.builder()
            .fetcher(server.fetcher())
            .targetCheck(target -> target.equals(TARGET) ? TargetCheck.Verdict.open()
                    : TargetCheck.Verdict.notFound("no such post"))
            .build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("a foreign target is refused with the target check's fault, and nothing is fetched")
    void foreignTargetIsRefusedWithoutFetching() {
        Optional<LinkbackResult.Rejected> rejected = receiver.precheck(server.url("/notes/42"),
                "https://elsewhere.example/post");

        assertThat(rejected).contains(new LinkbackResult.Rejected(Fault.TARGET_NOT_FOUND, "no such post"));
        assertThat(WebmentionAnswer.fault(rejected.orElseThrow().fault(), rejected.orElseThrow().message())
                .status()).isEqualTo(400);
        assertThat(server.requests()).isZero();
    }

    @Test
    @DisplayName("a source that breaks the URL rules and a source equal to the target are refused as receive does")
    void badSourcesAreRefusedAsReceiveRefusesThem() {
        String bad = "http://a.example\\@b.example/";

        assertThat(receiver.precheck(bad, TARGET)).contains(
                (LinkbackResult.Rejected) receiver.receive(Protocol.WEBMENTION, bad, TARGET));
        assertThat(receiver.precheck(TARGET + "#comments", TARGET))
                .contains(new LinkbackResult.Rejected(Fault.GENERIC, "source and target must be different URLs"));
        assertThat(server.requests()).isZero();
    }

    @Test
    @DisplayName("a mention of one of the host's posts passes, still unfetched")
    void ownTargetPassesWithoutFetching() {
        assertThat(receiver.precheck(server.url("/notes/42"), TARGET)).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @Test
    @DisplayName("a GET on the Webmention endpoint is 405 with Allow: POST")
    void methodNotAllowedNamesPost() {
        WebmentionAnswer answer = WebmentionAnswer.methodNotAllowed();

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers()).isEqualTo(Map.of("Allow", "POST", "Content-Type", WebmentionAnswer.TEXT_PLAIN));
        assertThat(answer.body()).isEqualTo("Webmentions are POSTed as a form with source and target.\n");
    }
}
