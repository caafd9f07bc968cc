package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redirects are followed up to the cap, relative or absolute, for every redirect status")
class RedirectFollowingTest extends AllowedServerTest {

    @Test
    void chainOfEveryRedirectStatusWithRelativeLocationsIsFollowedToTheFinalPage() {
        String origin = "http://127.0.0.1:" + server.port();
        server.redirect("/a", 301, "b")
                .redirect("/b", 302, "/dir/c")
                .redirect("/dir/c", 303, "?page=2")
                .redirect("/dir/c?page=2", 307, "//127.0.0.1:" + server.port() + "/e")
                .redirect("/e", 308, origin + "/final")
                .html("/final", "<p>final</p>");
        // "/dir/c?page=2" is routed by path; serve the 307 from "/dir/c" when a query is present.
        server.on("/dir/c", exchange -> {
            String location = exchange.getRequestURI().getQuery() == null
                    ? "?page=2" : "//127.0.0.1:" + server.port() + "/e";
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(exchange.getRequestURI().getQuery() == null ? 303 : 307, -1);
        });

        FetchResult.Fetched page = fetched(fetch("/a"));

        assertThat(page.body()).isEqualTo("<p>final</p>");
        assertThat(page.uri()).isEqualTo(URI.create(origin + "/final"));
        assertThat(server.requests()).extracting(LoopbackServer.Request::path)
                .containsExactly("/a", "/b", "/dir/c", "/dir/c?page=2", "/e", "/final");
    }

    @Test
    void exactlyTheCapOfRedirectsIsFollowed() {
        chain(5);

        assertThat(fetched(fetch("/r0")).body()).isEqualTo("<p>end</p>");
    }

    @Test
    void oneRedirectOverTheCapIsRefused() {
        chain(6);

        refused(fetch("/r0"), FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).hasSize(6);
    }

    @Test
    void zeroRedirectsAllowedRefusesTheFirstRedirect() {
        chain(1);

        refused(builder().maxRedirects(0).build().fetch(server.uri("/r0")), FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void redirectLoopEndsAtTheCap() {
        server.redirect("/loop", 302, "/loop");

        refused(fetch("/loop"), FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).hasSize(6);
    }

    @Test
    void redirectStatusWithoutLocationIsReportedAsTheStatus() {
        server.on("/nowhere", exchange -> exchange.sendResponseHeaders(302, -1));

        assertThat(refused(fetch("/nowhere"), FetchFailure.HTTP_STATUS).status()).isEqualTo(302);
    }

    private void chain(int redirects) {
        for (int i = 0; i < redirects; i++) {
            server.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        server.html("/r" + redirects, "<p>end</p>");
    }
}
