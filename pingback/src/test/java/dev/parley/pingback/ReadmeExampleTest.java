package dev.parley.pingback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.verify.LinkVerifier;
import dev.parley.pingback.verify.SourceReport;
import dev.parley.pingback.verify.SourceVerification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The README's snippets work as written (against a loopback source)")
class ReadmeExampleTest {

    private static final String TARGET = "https://my.blog.example/posts/hello/";
    private static final String NOTE = """
            <html><head><title>Alice's notes</title></head><body>
            <article class="h-entry"><h1 class="p-name">Re: Hello</h1>
            <span class="p-author h-card"><a class="u-url p-name" href="/">Alice</a></span>
            <div class="e-content"><p>I think, as <a class="u-in-reply-to" href="https://my.blog.example/posts/hello/">
            your post</a> argues, the parser is right.</p></div></article></body></html>
            """;

    private record Post(String url, boolean open) {
    }

    private final SourceServer server = SourceServer.start();
    private final Map<String, Post> posts = Map.of(TARGET, new Post(TARGET, true),
            "https://my.blog.example/posts/closed/", new Post("https://my.blog.example/posts/closed/", false));
    private final List<VerifiedLinkback> saved = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void verifierOnItsOwn() {
        server.html("/notes/42", NOTE);
        // The README uses SafeFetcher.builder().build(); this one also allows the one loopback test server.
        LinkVerifier verifier = LinkVerifier.builder().fetcher(server.fetcher()).build();

        SourceReport report = verifier.verifyHtml(NOTE, server.url("/notes/42"), TARGET);
        assertThat(report.linksToTarget()).isTrue();
        assertThat(report.title()).isEqualTo("Re: Hello");
        assertThat(report.excerpt()).isEqualTo("I think, as your post argues, the parser is right.");
        assertThat(report.author()).isEqualTo(new LinkbackAuthor("Alice", server.url("/"), null));
        assertThat(report.postType()).isEqualTo(PostType.REPLY);

        SourceVerification outcome = verifier.verifySource(server.url("/notes/42"), TARGET);
        assertThat(outcome).isInstanceOf(SourceVerification.Fetched.class);
        assertThat(((SourceVerification.Fetched) outcome).report()).isEqualTo(report);

        SourceVerification missing = verifier.verifySource(server.url("/notes/43"), TARGET);
        assertThat(missing).isInstanceOf(SourceVerification.Unavailable.class);
        assertThat(((SourceVerification.Unavailable) missing).gone()).isFalse();
    }

    @Test
    void receiverWithTargetCheck() {
        server.html("/notes/42", NOTE);
        LinkbackReceiver receiver = LinkbackReceiver.builder()
                .fetcher(server.fetcher())
                .targetCheck(target -> Optional.ofNullable(posts.get(target))
                        .map(post -> post.open() ? TargetCheck.Verdict.open()
                                : TargetCheck.Verdict.notPingable("comments are closed"))
                        .orElse(TargetCheck.Verdict.notFound("no such post")))
                .registrationCheck((protocol, source, target) -> saved.stream()
                        .anyMatch(l -> l.source().equals(source) && l.target().equals(target)))
                .build();

        LinkbackResult result = receiver.receive(Protocol.WEBMENTION, server.url("/notes/42"), TARGET);
        if (result instanceof LinkbackResult.Accepted accepted) {
            saved.add(accepted.linkback());
        }

        assertThat(saved).singleElement().satisfies(l -> assertThat(l.title()).isEqualTo("Re: Hello"));
        assertThat(receiver.receive(Protocol.PINGBACK, server.url("/notes/42"), TARGET))
                .isEqualTo(new LinkbackResult.Rejected(Fault.ALREADY_REGISTERED, "this linkback is already registered"));
        assertThat(receiver.receive(Protocol.PINGBACK, server.url("/notes/42"), "https://my.blog.example/posts/closed/"))
                .isEqualTo(new LinkbackResult.Rejected(Fault.TARGET_NOT_PINGABLE, "comments are closed"));
    }
}
