package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One discovery test case: the pages served, the target, the endpoints expected ({@code null} for none) and the
 * requests expected, each as {@code METHOD path}.
 *
 * @param name what the case shows
 * @param target the target's path on the serving server
 * @param webmention the expected Webmention endpoint, or null
 * @param pingback the expected Pingback server, or null
 * @param trackback the expected TrackBack ping URL, or null
 * @param requests every request the server must see, in order
 * @param routes the responses served
 */
record DiscoveryCase(String name, String target, @Nullable String webmention, @Nullable String pingback,
                     @Nullable String trackback, List<String> requests, List<Route> routes) {

    static DiscoveryCase webmention(String name, @Nullable String expected, Route... routes) {
        return new DiscoveryCase(name, routes[0].path(), expected, null, null, List.of("GET " + routes[0].path()),
                List.of(routes));
    }

    static DiscoveryCase pingback(String name, @Nullable String expected, Route... routes) {
        return new DiscoveryCase(name, routes[0].path(), null, expected, null, List.of("GET " + routes[0].path()),
                List.of(routes));
    }

    static DiscoveryCase trackback(String name, @Nullable String expected, Route... routes) {
        return new DiscoveryCase(name, routes[0].path(), null, null, expected, List.of("GET " + routes[0].path()),
                List.of(routes));
    }

    /** Serves the routes, discovers, and checks the endpoints and the requests. */
    Discovery.Found check(DiscoveryServer server) {
        return check(server, "http://127.0.0.1:9");
    }

    /** As {@link #check(DiscoveryServer)}, with {@code {other}} standing for a second server's origin. */
    Discovery.Found check(DiscoveryServer server, String otherOrigin) {
        Route.Placeholders placeholders = new Route.Placeholders(server.origin(), otherOrigin);
        routes.forEach(route -> route.serveOn(server, placeholders));

        Discovery discovery = new EndpointDiscovery(server.fetcher()).discover(server.uri(target));

        assertThat(discovery).as(name).isInstanceOf(Discovery.Found.class);
        Discovery.Found found = (Discovery.Found) discovery;
        assertThat(found.target()).isEqualTo(server.uri(target));
        assertThat(found.webmention()).as("webmention: " + name).isEqualTo(uri(placeholders.fill(webmention)));
        assertThat(found.pingback()).as("pingback: " + name).isEqualTo(uri(placeholders.fill(pingback)));
        assertThat(found.trackback()).as("trackback: " + name).isEqualTo(uri(placeholders.fill(trackback)));
        assertThat(server.requests()).as("requests: " + name).containsExactlyElementsOf(requests);
        assertThat(server.connections()).as("connections: " + name).isEqualTo(requests.size());
        return found;
    }

    private static Optional<URI> uri(@Nullable String text) {
        return text == null ? Optional.empty() : Optional.of(URI.create(text));
    }

    @Override
    public String toString() {
        return name;
    }
}
