package dev.parley.pingback.send;

import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.fetch.internal.UrlRules;
import dev.parley.pingback.send.internal.Attempt;
import dev.parley.pingback.send.internal.Delivery;
import dev.parley.pingback.send.internal.RetryTable;
import dev.parley.pingback.verify.internal.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Sends linkbacks: for each target, discovers its endpoints ({@link EndpointDiscovery}) and delivers with fallback
 * Webmention, then Pingback, then TrackBack. Usable on its own, without a server or a store:
 *
 * <pre>{@code
 * LinkbackSender sender = LinkbackSender.builder().build();   // safe defaults; share it
 * List<SendOutcome> outcomes = sender.sendAll(postUrl, postHtml, targetsSentBefore);
 * }</pre>
 *
 * <p><b>Safety.</b> Every request, to the target page and to each endpoint, goes through the {@link SafeFetcher}'s
 * address policy, redirects included: a target or endpoint that is, or redirects to, a loopback, private or other
 * refused address ends in {@link SendOutcome.Refused} and is never connected to, whatever the page advertises. A
 * refused endpoint ends the send at once; no other protocol is tried for that target.
 *
 * <p><b>Fallback.</b> The endpoints the page advertises are tried in the order Webmention, Pingback, TrackBack. The
 * next one is tried only when the current one says it does not serve the protocol: HTTP 404, 405, 410 or 501 from
 * the endpoint, XML-RPC fault -32601 (method not found), or an endpoint URL that is not a usable http(s) URL. Any
 * other answer ends the send: a success, a refusal, a failure that is worth a retry (returned at once as retryable,
 * so a later retry starts again from discovery) or a final failure such as a 400 or a Pingback fault. When every
 * endpoint said "not served", the outcome is the last one's failure, not retryable. A page with no endpoint is
 * {@link SendOutcome.NoEndpoint}.
 *
 * <p><b>Retries</b> ({@link SendOutcome#retryable()}); this sender never retries by itself, it says what is worth it:
 *
 * <table>
 * <caption>Which failures are retryable</caption>
 * <tr><th>what happened</th><th>outcome</th></tr>
 * <tr><td>time cap reached, connection refused or reset, unknown host, broken HTTP answer</td>
 *     <td>{@code Failed}, retryable</td></tr>
 * <tr><td>HTTP 429 or 5xx (except 501), from the target page or the endpoint</td><td>{@code Failed}, retryable</td></tr>
 * <tr><td>Pingback fault 50 (0x32, upstream error: the 502 of Pingback)</td><td>{@code Failed}, retryable</td></tr>
 * <tr><td>HTTP 404, 405, 410, 501 from an endpoint; XML-RPC fault -32601</td>
 *     <td>next protocol; if none is left, {@code Failed}, not retryable</td></tr>
 * <tr><td>other HTTP 4xx (the target page's 404 and 410 included), Pingback faults, TrackBack errors, malformed
 *     answers, a bad URL, too many redirects, a body over the cap, a failed TLS handshake</td>
 *     <td>{@code Failed}, not retryable</td></tr>
 * <tr><td>Pingback fault 48 (0x30, already registered)</td><td>{@code Sent}: the receiver holds the linkback</td></tr>
 * <tr><td>target or endpoint on an address the policy refuses</td><td>{@code Refused}, never retryable</td></tr>
 * </table>
 *
 * <p>See {@link SendOutcome.Sent} for what a success carries; a Webmention 201 or 202 keeps its {@code Location}, a
 * Webmention 303 See Other counts as sent with its {@code Location}.
 *
 * <p>Immutable and thread-safe: one sender serves the whole application, from many threads at once. Each call
 * works synchronously on the calling thread; {@link #sendAll} sends one target after the other.
 */
public final class LinkbackSender {

    private final EndpointDiscovery discovery;
    private final Delivery delivery;
    private final int maxTargets;

    private LinkbackSender(SafeFetcher fetcher, int maxTargets) {
        this.discovery = new EndpointDiscovery(fetcher);
        this.delivery = new Delivery(fetcher);
        this.maxTargets = maxTargets;
    }

    /**
     * Returns a builder: the default {@link SafeFetcher}, {@link LinkExtractor#DEFAULT_MAX_TARGETS} targets.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Discovers the target's endpoints and delivers a linkback from the source, with fallback Webmention, Pingback,
     * TrackBack; a TrackBack ping carries {@code url} only.
     *
     * @param source the linking post's URL, absolute http(s)
     * @param target the linked page
     * @return what became of it; never throws for anything a page or a server does
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL
     */
    public SendOutcome send(URI source, URI target) {
        return send(source, target, TrackbackDetails.none());
    }

    /**
     * As {@link #send(URI, URI)}, with the optional TrackBack fields (title, excerpt, blog name) of the source.
     *
     * @param source the linking post's URL, absolute http(s)
     * @param target the linked page
     * @param details the TrackBack fields, used only if the send falls back to TrackBack
     * @return what became of it
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL
     */
    public SendOutcome send(URI source, URI target, TrackbackDetails details) {
        checkSource(source);
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(details, "details must not be null");
        FetchResult read = discovery.read(target);
        if (read instanceof FetchResult.Refused refused) {
            return RetryTable.unreachable(new Discovery.Unreachable(target, refused));
        }
        // Each protocol's endpoint is looked for only when the ones before it are absent or not served, so a
        // Webmention endpoint in a Link header is used without parsing the page at all.
        EndpointDiscovery.Endpoints endpoints = new EndpointDiscovery.Endpoints(target, (FetchResult.Fetched) read);
        List<String> notServed = new ArrayList<>();
        SendOutcome.@Nullable Failed last = null;
        for (LinkbackProtocol protocol : LinkbackProtocol.values()) {
            Optional<Endpoint> endpoint = endpoints.of(protocol);
            if (endpoint.isEmpty()) {
                continue;
            }
            Attempt attempt = delivery.deliver(source, target, endpoint.get(), details);
            if (!attempt.notServed()) {
                return attempt.outcome();
            }
            last = (SendOutcome.Failed) attempt.outcome();
            notServed.add(last.reason());
        }
        if (last == null) {
            return new SendOutcome.NoEndpoint(target, "the page " + endpoints.page()
                    + " advertises no Webmention, Pingback or TrackBack endpoint");
        }
        return new SendOutcome.Failed(target, last.protocol(), last.endpoint(), last.status(), last.faultCode(),
                false, "no advertised endpoint serves its protocol: " + String.join("; ", notServed));
    }

    /**
     * Sends a linkback from a post to every page it links to now and every page it linked to before (Webmention
     * 3.1.4 and 3.1.5: an update or a deletion is sent to the union of the old and new targets). Targets are
     * {@link LinkExtractor#extract(URI, String, int)} of the HTML (at most the builder's {@code maxTargets}), in
     * document order, then the earlier targets not linked any more, normalized the same way and sorted by their
     * text; the source itself and duplicates are left out. For a deleted post pass the page's 410 replacement HTML
     * (or an empty string) and all earlier targets.
     *
     * @param source the post's URL, absolute http(s): the base for relative links
     * @param html the post's HTML as published now
     * @param previousTargets the targets sent to before (may be empty)
     * @return one outcome per target, in the order above
     * @throws NullPointerException if an argument or an element of {@code previousTargets} is null
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL
     */
    public List<SendOutcome> sendAll(URI source, String html, Collection<URI> previousTargets) {
        return sendAll(source, html, previousTargets, TrackbackDetails.none());
    }

    /**
     * As {@link #sendAll(URI, String, Collection)}, with the optional TrackBack fields of the post.
     *
     * @param source the post's URL, absolute http(s)
     * @param html the post's HTML as published now
     * @param previousTargets the targets sent to before (may be empty)
     * @param details the TrackBack fields, used for targets that fall back to TrackBack
     * @return one outcome per target
     * @throws NullPointerException if an argument or an element of {@code previousTargets} is null
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL
     */
    public List<SendOutcome> sendAll(URI source, String html, Collection<URI> previousTargets,
                                     TrackbackDetails details) {
        checkSource(source);
        Objects.requireNonNull(html, "html must not be null");
        Objects.requireNonNull(details, "details must not be null");
        List<URI> targets = targets(source, html, previousTargets);
        List<SendOutcome> outcomes = new ArrayList<>(targets.size());
        for (URI target : targets) {
            outcomes.add(send(source, target, details));
        }
        return List.copyOf(outcomes);
    }

    private List<URI> targets(URI source, String html, Collection<URI> previousTargets) {
        Set<URI> targets = new LinkedHashSet<>(LinkExtractor.extract(source, html, maxTargets));
        String self = Urls.canonical(source.toString());
        Set<String> earlier = new TreeSet<>();
        for (URI previous : previousTargets) {
            String text = Objects.requireNonNull(previous, "previousTargets must not hold null").toString();
            String canonical = Urls.canonical(text);
            earlier.add(canonical == null ? text : canonical);
        }
        earlier.remove(self);
        for (String text : earlier) {
            targets.add(URI.create(text));
        }
        return List.copyOf(targets);
    }

    private static void checkSource(URI source) {
        Objects.requireNonNull(source, "source must not be null");
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (!source.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || source.getHost() == null
                || UrlRules.problem(source, UrlRules.DEFAULT_MAX_LENGTH) != null) {
            throw new IllegalArgumentException("source must be an absolute http(s) URL, was " + source);
        }
    }

    /**
     * Collects a {@link LinkbackSender}'s settings; {@link #build()} validates them all at once. Not thread-safe; the
     * sender it builds is.
     */
    public static final class Builder {

        private @Nullable SafeFetcher fetcher;
        private int maxTargets = LinkExtractor.DEFAULT_MAX_TARGETS;
        private @Nullable String userAgent;

        private Builder() {
        }

        /**
         * Sets the fetcher every request goes through (its address policy, resolver, time, size and redirect caps);
         * default {@code SafeFetcher.builder().build()}. Discovery derives from it a variant that accepts any media
         * type.
         *
         * @param fetcher the fetcher
         * @return this builder
         */
        public Builder fetcher(SafeFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher must not be null");
            return this;
        }

        /**
         * Sets how many targets {@link #sendAll} takes from a post's HTML, 1 to 10,000; default
         * {@link LinkExtractor#DEFAULT_MAX_TARGETS}. Earlier targets are added beyond the cap.
         *
         * @param maxTargets the cap
         * @return this builder
         */
        public Builder maxTargets(int maxTargets) {
            this.maxTargets = maxTargets;
            return this;
        }

        /**
         * Sets the {@code User-Agent} of every request, overriding the fetcher's: printable ASCII, 1 to 256
         * characters. Receivers show it in their logs; naming the site helps their owners.
         *
         * @param userAgent the value
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent must not be null");
            return this;
        }

        /**
         * Validates every setting and builds the sender.
         *
         * @return an immutable, thread-safe sender
         * @throws IllegalArgumentException naming every invalid setting
         */
        public LinkbackSender build() {
            List<String> errors = new ArrayList<>();
            if (maxTargets < 1 || maxTargets > 10_000) {
                errors.add("maxTargets must be 1..10000: " + maxTargets);
            }
            String agent = userAgent;
            if (agent != null && (agent.isEmpty() || agent.length() > 256
                    || !agent.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
                errors.add("userAgent must be 1..256 printable ASCII characters: " + agent);
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid LinkbackSender settings: " + String.join("; ", errors));
            }
            SafeFetcher base = fetcher == null ? SafeFetcher.builder().build() : fetcher;
            return new LinkbackSender(agent == null ? base : base.toBuilder().userAgent(agent).build(), maxTargets);
        }
    }
}
