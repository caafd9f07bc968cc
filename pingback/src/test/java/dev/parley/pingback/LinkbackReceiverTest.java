package dev.parley.pingback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.fetch.SafeFetcher;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("LinkbackReceiver checks, fetches from a real loopback server, verifies and extracts")
class LinkbackReceiverTest {

    private static final String TARGET = "https://blog.example/posts/hello/";
    private static final String REPLY = """
            <!doctype html><html><head><title>Jane's blog: Re: Hello</title>
            <script>var s = '<a href="https://blog.example/posts/hello/">';</script></head><body>
            <nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>
            <article class="h-entry">
              <h1 class="p-name">Re: Hello</h1>
              <a class="p-author h-card" href="/"><img class="u-photo" src="/jane.png" alt="">Jane</a>
              <time class="dt-published" datetime="2024-06-01T10:15:00Z">1 June</time>
              <div class="e-content"><p>Good points in
                <a class="u-in-reply-to" href="https://blog.example/posts/hello/">your post</a>, thanks.</p></div>
            </article></body></html>
            """;

    private final SourceServer server = SourceServer.start();
    private final List<String> checkedTargets = new ArrayList<>();
    private final LinkbackReceiver receiver = LinkbackReceiver.builder()
            .fetcher(server.fetcher())
            .targetCheck(target -> {
                checkedTargets.add(target);
                if (target.startsWith("https://blog.example/closed/")) {
                    return TargetCheck.Verdict.notPingable("comments are closed");
                }
                return target.startsWith("https://blog.example/posts/") ? TargetCheck.Verdict.open()
                        : TargetCheck.Verdict.notFound("not a post of this blog");
            })
            .registrationCheck((protocol, source, target) -> source.endsWith("/known"))
            .build();

    @AfterEach
    void stop() {
        server.close();
    }

    private LinkbackResult.Rejected rejected(LinkbackResult result) {
        assertThat(result).isInstanceOf(LinkbackResult.Rejected.class);
        return (LinkbackResult.Rejected) result;
    }

    @Nested
    @DisplayName("accepts")
    class Accepts {

        @Test
        void webmentionReplyWithAuthorHCard() {
            server.html("/reply", REPLY);

            LinkbackResult result = receiver.receive(Protocol.WEBMENTION, server.url("/reply"), TARGET);

            assertThat(result).isInstanceOf(LinkbackResult.Accepted.class);
            VerifiedLinkback linkback = ((LinkbackResult.Accepted) result).linkback();
            assertThat(linkback).isEqualTo(new VerifiedLinkback(Protocol.WEBMENTION, server.url("/reply"), TARGET,
                    "Re: Hello", "Good points in your post, thanks.", "Good points in your post, thanks.",
                    new LinkbackAuthor("Jane", server.url("/"), server.url("/jane.png")), PostType.REPLY, null,
                    OffsetDateTime.parse("2024-06-01T10:15:00Z")));
        }

        @Test
        void pingbackAfterARedirectResolvesRelativeLinksAgainstTheFinalUrl() {
            String target = server.url("/posts/a/");
            LinkbackReceiver local = LinkbackReceiver.builder().fetcher(server.fetcher())
                    .targetCheck(t -> TargetCheck.Verdict.open()).build();
            server.redirect("/old", "/new/page").html("/new/page", "<title>Moved</title><p><a href=\"../posts/a/\">"
                    + "A</a></p>");

            LinkbackResult result = local.receive(Protocol.PINGBACK, server.url("/old"), target);

            assertThat(result).isInstanceOf(LinkbackResult.Accepted.class);
            VerifiedLinkback linkback = ((LinkbackResult.Accepted) result).linkback();
            assertThat(linkback.protocol()).isEqualTo(Protocol.PINGBACK);
            assertThat(linkback.source()).isEqualTo(server.url("/old"));
            assertThat(linkback.title()).isEqualTo("Moved");
            assertThat(linkback.postType()).isEqualTo(PostType.MENTION);
        }

        @Test
        void trackbackFromAPlainTextSource() {
            server.page("/notes.txt", 200, "text/plain; charset=utf-8", "My notes.\nSee " + TARGET + ", it is good.");

            LinkbackResult result = receiver.receive(Protocol.TRACKBACK, server.url("/notes.txt"), TARGET);

            assertThat(result).isInstanceOf(LinkbackResult.Accepted.class);
            VerifiedLinkback linkback = ((LinkbackResult.Accepted) result).linkback();
            assertThat(linkback.title()).isEqualTo("127.0.0.1:" + server.url("").split(":")[2]);
            assertThat(linkback.excerpt()).isEqualTo("My notes. See " + TARGET + ", it is good.");
        }

        @Test
        void sourceAndTargetAreCanonical() {
            server.html("/reply", REPLY);

            LinkbackResult result = receiver.receive(Protocol.WEBMENTION, server.url("/reply#frag"),
                    "HTTPS://Blog.Example:443/posts/hello/");

            VerifiedLinkback linkback = ((LinkbackResult.Accepted) result).linkback();
            assertThat(linkback.source()).isEqualTo(server.url("/reply"));
            assertThat(linkback.target()).isEqualTo(TARGET);
            assertThat(checkedTargets).containsExactly(TARGET);
        }

        @Test
        void manyThreadsAtOnce() throws Exception {
            server.html("/reply", REPLY);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<LinkbackResult>> futures = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    futures.add(pool.submit(() -> receiver.receive(Protocol.WEBMENTION, server.url("/reply"),
                            TARGET)));
                }
                for (Future<LinkbackResult> future : futures) {
                    assertThat(future.get()).isInstanceOf(LinkbackResult.Accepted.class);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("rejects before fetching")
    class RejectsBeforeFetching {

        @ParameterizedTest
        @ValueSource(strings = {"", "not a url", "/relative", "ftp://example.com/", "javascript:alert(1)",
            "http://user:pass@example.com/", "http://", "http://exa mple.com/", "http://example.com:99999/"})
        void sourceThatIsNotAnHttpUrl(String source) {
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.PINGBACK, source, TARGET));

            assertThat(rejected.fault()).isEqualTo(Fault.SOURCE_NOT_FOUND);
            assertThat(server.requests()).isZero();
        }

        @Test
        void sourceLongerThanTheLimit() {
            String source = server.url("/" + "a".repeat(2100));
            assertThat(rejected(receiver.receive(Protocol.WEBMENTION, source, TARGET)).fault())
                    .isEqualTo(Fault.SOURCE_NOT_FOUND);
            assertThat(server.requests()).isZero();
        }

        @Test
        void targetThatIsNotAnHttpUrl() {
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.PINGBACK, server.url("/r"),
                    "mailto:me@example.com"));
            assertThat(rejected.fault()).isEqualTo(Fault.TARGET_NOT_FOUND);
            assertThat(checkedTargets).isEmpty();
        }

        @Test
        void sourceEqualToTargetOnceCanonical() {
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.WEBMENTION,
                    "https://BLOG.example/posts/hello/#x", TARGET));
            assertThat(rejected.fault()).isEqualTo(Fault.GENERIC);
            assertThat(rejected.message()).contains("different");
        }

        @Test
        void targetTheHostDoesNotKnow() {
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.PINGBACK, server.url("/reply"),
                    "https://blog.example/about"));
            assertThat(rejected).isEqualTo(new LinkbackResult.Rejected(Fault.TARGET_NOT_FOUND,
                    "not a post of this blog"));
            assertThat(server.requests()).isZero();
        }

        @Test
        void targetClosedForPings() {
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.TRACKBACK, server.url("/reply"),
                    "https://blog.example/closed/1"));
            assertThat(rejected.fault()).isEqualTo(Fault.TARGET_NOT_PINGABLE);
            assertThat(server.requests()).isZero();
        }

        @Test
        void pingbackAlreadyRegistered() {
            server.html("/known", REPLY);
            assertThat(rejected(receiver.receive(Protocol.PINGBACK, server.url("/known"), TARGET)).fault())
                    .isEqualTo(Fault.ALREADY_REGISTERED);
            assertThat(server.requests()).isZero();
        }

        @Test
        void webmentionSeenBeforeIsVerifiedAgainNotRefused() {
            server.html("/known", REPLY);
            assertThat(receiver.receive(Protocol.WEBMENTION, server.url("/known"), TARGET))
                    .isInstanceOf(LinkbackResult.Accepted.class);
        }

        @Test
        void loopbackSourceWithTheDefaultFetcher() {
            server.html("/reply", REPLY);
            LinkbackReceiver strict = LinkbackReceiver.builder().fetcher(SafeFetcher.builder().build())
                    .targetCheck(t -> TargetCheck.Verdict.open()).build();

            LinkbackResult.Rejected rejected = rejected(strict.receive(Protocol.PINGBACK, server.url("/reply"),
                    TARGET));

            assertThat(rejected.fault()).isEqualTo(Fault.SOURCE_NOT_FOUND);
            assertThat(rejected.message()).doesNotContain("127.0.0.1");
            assertThat(server.requests()).isZero();
        }
    }

    @Nested
    @DisplayName("rejects after fetching")
    class RejectsAfterFetching {

        @Test
        void sourceWithoutTheLink() {
            server.html("/other", "<p><a href=\"https://blog.example/posts/hello\">no slash</a>"
                    + "<!-- <a href=\"https://blog.example/posts/hello/\"> --></p>");
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.PINGBACK, server.url("/other"),
                    TARGET));
            assertThat(rejected).isEqualTo(new LinkbackResult.Rejected(Fault.SOURCE_HAS_NO_LINK,
                    "source does not link to target"));
        }

        @ParameterizedTest
        @ValueSource(ints = {404, 410, 403})
        void sourceMissing(int status) {
            server.page("/missing", status, "text/html", "<a href=\"" + TARGET + "\">x</a>");
            assertThat(rejected(receiver.receive(Protocol.PINGBACK, server.url("/missing"), TARGET)).fault())
                    .isEqualTo(Fault.SOURCE_NOT_FOUND);
        }

        @Test
        void sourceServerError() {
            server.page("/error", 503, "text/html", "<a href=\"" + TARGET + "\">x</a>");
            assertThat(rejected(receiver.receive(Protocol.PINGBACK, server.url("/error"), TARGET)).fault())
                    .isEqualTo(Fault.UPSTREAM_ERROR);
        }

        @Test
        void sourceThatIsNotAPage() {
            server.page("/img", 200, "image/png", "<a href=\"" + TARGET + "\">x</a>");
            LinkbackResult.Rejected rejected = rejected(receiver.receive(Protocol.WEBMENTION, server.url("/img"),
                    TARGET));
            assertThat(rejected.fault()).isEqualTo(Fault.SOURCE_NOT_FOUND);
            assertThat(rejected.message()).contains("not an HTML");
        }

        @Test
        void hostileInputIsAlwaysDataNeverAnException() {
            server.html("/weird", "<a href=\"" + TARGET + "\"" + "<".repeat(10_000) + "<div>".repeat(50_000));
            List<String> sources = List.of(server.url("/weird"), server.url("/%"), server.url("/%zz"),
                    "http://[::1/", "http://" + "a".repeat(300) + "/", "https://xn--/", "http://\u0000/",
                    "http://ex\u2028ample.com/", "HTTP:\\\\\\\\127.0.0.1\\x", "http:/127.0.0.1/x");
            for (String source : sources) {
                assertThat(receiver.receive(Protocol.PINGBACK, source, TARGET)).isNotNull();
            }
        }
    }

    @Nested
    @DisplayName("re-verifies a known Webmention")
    class Reverifies {

        @Test
        void stillLinksGivesTheFreshLinkback() {
            server.html("/reply", REPLY.replace("Re: Hello", "Re: Hello (edited)"));
            Reverification outcome = receiver.reverify(server.url("/reply"), TARGET);
            assertThat(outcome).isInstanceOf(Reverification.StillLinks.class);
            assertThat(((Reverification.StillLinks) outcome).linkback().title()).isEqualTo("Re: Hello (edited)");
        }

        @Test
        void linkRemoved() {
            server.html("/reply", "<p>I changed my mind.</p>");
            assertThat(receiver.reverify(server.url("/reply"), TARGET))
                    .isEqualTo(new Reverification.NoLongerLinks(server.url("/reply")));
        }

        @Test
        void gone() {
            server.page("/reply", 410, "text/html", "deleted");
            assertThat(receiver.reverify(server.url("/reply"), TARGET)).isEqualTo(new Reverification.Gone());
        }

        @ParameterizedTest
        @ValueSource(ints = {404, 500})
        void unavailableIsNotADeletion(int status) {
            server.page("/reply", status, "text/html", "oops");
            assertThat(receiver.reverify(server.url("/reply"), TARGET))
                    .isInstanceOf(Reverification.Unavailable.class);
        }
    }

    @Test
    void builderNamesEveryProblem() {
        assertThatThrownBy(() -> LinkbackReceiver.builder().maxUrlLength(5).excerptContext(999).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetcher").hasMessageContaining("targetCheck")
                .hasMessageContaining("maxUrlLength").hasMessageContaining("excerptContext");
    }

    @Test
    void nullArgumentsAreMisuse() {
        assertThatThrownBy(() -> receiver.receive(null, "http://a.example/", TARGET))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("protocol");
        assertThatThrownBy(() -> receiver.receive(Protocol.PINGBACK, null, TARGET))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("source");
    }

    @Test
    void targetCheckSeesEachTargetOnce() {
        ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
        server.html("/reply", REPLY);
        LinkbackReceiver counting = LinkbackReceiver.builder().fetcher(server.fetcher())
                .targetCheck(t -> {
                    seen.merge(t, 1, Integer::sum);
                    return TargetCheck.Verdict.open();
                }).build();
        counting.receive(Protocol.WEBMENTION, server.url("/reply"), TARGET);
        assertThat(seen).containsExactly(java.util.Map.entry(TARGET, 1));
    }
}
