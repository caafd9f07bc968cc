package dev.parley.pingback.send;

import dev.parley.pingback.fetch.FetchResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EndpointDiscovery} learned about one target: its endpoints ({@link Found}), or why the target page
 * could not be read ({@link Unreachable}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Discovery permits Discovery.Found, Discovery.Unreachable {

    /**
     * The target that was asked about.
     *
     * @return the target URL as given
     */
    URI target();

    /**
     * The target page was read; each protocol's endpoint is present if the page advertises one.
     *
     * @param target the target as given
     * @param page the URL the page was finally read from, after redirects: relative endpoints resolve against it
     * @param webmention the Webmention endpoint, if advertised
     * @param pingback the Pingback server, if advertised
     * @param trackback the TrackBack ping URL for this target, if advertised
     */
    record Found(URI target, URI page, Optional<URI> webmention, Optional<URI> pingback, Optional<URI> trackback)
            implements Discovery {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Found {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(page, "page must not be null");
            Objects.requireNonNull(webmention, "webmention must not be null");
            Objects.requireNonNull(pingback, "pingback must not be null");
            Objects.requireNonNull(trackback, "trackback must not be null");
        }

        /**
         * The advertised endpoints in the order a sender tries them: Webmention, Pingback, TrackBack.
         *
         * @return the present endpoints, possibly none
         */
        public List<Endpoint> endpoints() {
            List<Endpoint> endpoints = new ArrayList<>(3);
            webmention.ifPresent(uri -> endpoints.add(new Endpoint(LinkbackProtocol.WEBMENTION, uri)));
            pingback.ifPresent(uri -> endpoints.add(new Endpoint(LinkbackProtocol.PINGBACK, uri)));
            trackback.ifPresent(uri -> endpoints.add(new Endpoint(LinkbackProtocol.TRACKBACK, uri)));
            return List.copyOf(endpoints);
        }
    }

    /**
     * The target page could not be read: refused by the address policy, timed out, answered an error status,
     * and so on.
     *
     * @param target the target as given
     * @param refusal why, as the fetcher reported it
     */
    record Unreachable(URI target, FetchResult.Refused refusal) implements Discovery {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Unreachable {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(refusal, "refusal must not be null");
        }
    }
}
