package dev.parley.pingback.send;

import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.fetch.internal.UrlRules;
import dev.parley.pingback.verify.internal.Urls;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the Webmention, Pingback and TrackBack endpoints a target page advertises.
 *
 * <p><b>Fetching.</b> {@link #discover(URI)} reads the target with a fetcher derived from the one given (same
 * address policy, resolver, time, size and redirect caps) that accepts any media type, because a {@code Link}
 * header on an image or a PDF advertises a Webmention endpoint too. Redirects are followed and every hop is checked
 * against the address policy, so a target that is, or redirects to, a loopback or private address is
 * {@link Discovery.Unreachable} without a connection to that address. A 4xx or 5xx answer, a timeout or a body over
 * the fetcher's byte cap is {@link Discovery.Unreachable} too. Relative endpoints resolve against the URL the page
 * was finally read from. Only one request is made: the target's (and its redirect hops'); no endpoint is ever
 * contacted here.
 *
 * <p><b>Webmention</b> (W3C Recommendation, section 3.1.2): the first HTTP {@code Link} header link-value whose
 * {@code rel} holds {@code webmention} (header name in any case, several headers, several comma-separated
 * link-values, quoted or bare {@code rel}, relation types separated by whitespace and compared case-insensitively,
 * targets holding {@code ,} or {@code ;}; see RFC 8288); else, for an HTML page only, the first {@code <link>} or
 * {@code <a>} element in document order whose {@code rel} holds the token {@code webmention} and that has an
 * {@code href} attribute. {@code href=""} is the page itself; a query string is kept; markup in comments, scripts
 * or escaped text never counts because the page is parsed as a browser parses it. A candidate whose URL does not
 * resolve to an http(s) URL is passed over for the next.
 *
 * <p><b>Pingback</b> (Pingback 1.0, "Autodiscovery"): the first {@code X-Pingback} header; else, for an HTML page
 * only, the first {@code <link>} whose {@code rel} holds the token {@code pingback}, with an {@code href}. The
 * specification expands exactly the entities {@code &amp; &lt; &gt; &quot;} in the {@code href}; the attribute is
 * read as a browser decodes it, which agrees with the specification on every conforming page.
 *
 * <p><b>TrackBack</b> (TrackBack 1.2, "Auto-discovery"): for an HTML page only, the raw text is scanned for
 * {@code <rdf:RDF>} blocks (usually inside an HTML comment); each is read as XML without DTDs or external entities,
 * and the {@code trackback:ping} of the first {@code rdf:Description} whose {@code dc:identifier} is the target, or
 * the page's final URL, is taken. URLs are compared normalized: scheme and host in any case, default port or not,
 * empty path or {@code /}, fragment ignored. At most 32 blocks are read.
 *
 * <p>A body is searched only when the media type is {@code text/html} or {@code application/xhtml+xml}, and it is
 * parsed at most once for all three protocols; not at all when the headers name both the Webmention and the
 * Pingback endpoint. Endpoints are returned normalized as above.
 *
 * <p>Immutable and thread-safe; {@link #discover(URI)} may be called from many threads at once.
 */
public final class EndpointDiscovery {

    private static final Set<String> ANY_MEDIA_TYPE = Set.of("text/html", "application/xhtml+xml", "*/*");

    private final SafeFetcher fetcher;

    /**
     * Creates a discovery over a fetcher.
     *
     * @param fetcher the fetcher whose address policy, resolver and caps apply; a variant is derived from it that
     *     accepts any media type and reads a body larger than the byte cap up to the cap (so that the headers and
     *     the head of a large page still count) instead of refusing it
     * @throws NullPointerException if {@code fetcher} is null
     */
    public EndpointDiscovery(SafeFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher must not be null").toBuilder()
                .acceptedMediaTypes(ANY_MEDIA_TYPE)
                .truncateOversizedBodies(true)
                .build();
    }

    /**
     * Reads the target page and finds all three endpoints.
     *
     * @param target the page linked to
     * @return the endpoints found, possibly none, or why the page could not be read
     * @throws NullPointerException if {@code target} is null
     */
    public Discovery discover(URI target) {
        Objects.requireNonNull(target, "target must not be null");
        FetchResult result = fetcher.fetch(target);
        if (result instanceof FetchResult.Refused refused) {
            return new Discovery.Unreachable(target, refused);
        }
        return inspect(target, (FetchResult.Fetched) result);
    }

    /**
     * Reads a target page as {@link #discover(URI)} does, for a caller that finds its endpoints one protocol at a
     * time ({@link Endpoints}).
     */
    FetchResult read(URI target) {
        return fetcher.fetch(Objects.requireNonNull(target, "target must not be null"));
    }

    /**
     * The endpoints of one fetched page, each found only when asked for, the page parsed at most once: a sender
     * that asks in fallback order and stops at the first protocol served never parses a body whose
     * {@code Link} header names the Webmention endpoint. Not thread-safe.
     */
    static final class Endpoints {
        private final URI target;
        private final Page page;

        Endpoints(URI target, FetchResult.Fetched fetched) {
            this.target = Objects.requireNonNull(target, "target must not be null");
            this.page = new Page(fetched);
        }

        /** The URL the page was finally read from. */
        URI page() {
            return page.fetched.uri();
        }

        /** The page's endpoint for one protocol, if it advertises one. */
        Optional<Endpoint> of(LinkbackProtocol protocol) {
            Optional<URI> uri = switch (protocol) {
                case WEBMENTION -> webmention(page);
                case PINGBACK -> pingback(page);
                case TRACKBACK -> trackback(target, page);
            };
            return uri.map(found -> new Endpoint(protocol, found));
        }
    }

    /**
     * Finds all three endpoints of an already fetched page, without network.
     *
     * @param target the page linked to (the TrackBack block must name it, or the page's URL)
     * @param page the fetched page
     * @return the endpoints found, possibly none
     * @throws NullPointerException if an argument is null
     */
    public static Discovery.Found inspect(URI target, FetchResult.Fetched page) {
        Objects.requireNonNull(target, "target must not be null");
        Page parsed = new Page(page);
        return new Discovery.Found(target, page.uri(), webmention(parsed), pingback(parsed),
                trackback(target, parsed));
    }

    /**
     * Finds the Webmention endpoint of an already fetched page, without network: {@code Link} headers first (the
     * body is then not parsed), then the first {@code <link>} or {@code <a>} with the {@code rel} token
     * {@code webmention} and an {@code href}, in document order.
     *
     * @param page the fetched page
     * @return the absolute endpoint, or empty
     * @throws NullPointerException if {@code page} is null
     */
    public static Optional<URI> webmention(FetchResult.Fetched page) {
        return webmention(new Page(page));
    }

    /**
     * Finds the Pingback server of an already fetched page, without network: the first {@code X-Pingback} header,
     * then the first {@code <link rel="pingback" href>}.
     *
     * @param page the fetched page
     * @return the absolute server URL, or empty
     * @throws NullPointerException if {@code page} is null
     */
    public static Optional<URI> pingback(FetchResult.Fetched page) {
        return pingback(new Page(page));
    }

    /**
     * Finds the TrackBack ping URL for a target in an already fetched page, without network.
     *
     * @param target the target the RDF block must identify ({@code dc:identifier}); the page's final URL is
     *     accepted too
     * @param page the fetched page
     * @return the absolute ping URL, or empty
     * @throws NullPointerException if an argument is null
     */
    public static Optional<URI> trackback(URI target, FetchResult.Fetched page) {
        Objects.requireNonNull(target, "target must not be null");
        return trackback(target, new Page(page));
    }

    private static Optional<URI> webmention(Page page) {
        if (page.base == null) {
            return Optional.empty();
        }
        for (String value : page.fetched.headerValues("link")) {
            for (LinkHeaders.LinkValue link : LinkHeaders.parse(value)) {
                if (link.rel() != null && HtmlLinks.hasRelToken(link.rel(), "webmention")) {
                    Optional<URI> endpoint = page.resolve(link.target());
                    if (endpoint.isPresent()) {
                        return endpoint;
                    }
                }
            }
        }
        return fromElements(page, "webmention", true);
    }

    private static Optional<URI> pingback(Page page) {
        if (page.base == null) {
            return Optional.empty();
        }
        Optional<String> header = page.fetched.header("x-pingback");
        if (header.isPresent()) {
            Optional<URI> server = page.resolve(header.get());
            if (server.isPresent()) {
                return server;
            }
        }
        return fromElements(page, "pingback", false);
    }

    /** The first {@code <link>} (or {@code <a>} too) with the rel token and an href that resolves to http(s). */
    private static Optional<URI> fromElements(Page page, String relation, boolean anchors) {
        Document document = page.document();
        if (document == null) {
            return Optional.empty();
        }
        Element element = HtmlLinks.first(document, candidate ->
                (candidate.nameIs("link") || anchors && candidate.nameIs("a"))
                        && candidate.hasAttr("href")
                        && HtmlLinks.hasRelToken(candidate.attr("rel"), relation)
                        && page.resolve(candidate.attr("href")).isPresent());
        return element == null ? Optional.empty() : page.resolve(element.attr("href"));
    }

    private static Optional<URI> trackback(URI target, Page page) {
        if (page.base == null || !page.html) {
            return Optional.empty();
        }
        String wanted = Urls.canonical(target.toString());
        String ping = TrackbackRdf.ping(page.fetched.body(), identifier -> {
            String canonical = Urls.canonical(identifier);
            return canonical != null && (canonical.equals(wanted) || canonical.equals(page.base));
        });
        return ping == null ? Optional.empty() : page.resolve(ping);
    }

    /** A fetched page with its canonical URL and, parsed on first need, its document. Not thread-safe. */
    private static final class Page {
        final FetchResult.Fetched fetched;
        final @Nullable String base;
        final boolean html;
        private @Nullable Document document;

        Page(FetchResult.Fetched fetched) {
            this.fetched = Objects.requireNonNull(fetched, "page must not be null");
            this.base = Urls.canonical(fetched.uri().toString());
            String type = fetched.mediaType();
            this.html = type.equals("text/html") || type.equals("application/xhtml+xml");
        }

        /** The parsed body, or null if the page is not HTML. */
        @Nullable Document document() {
            if (!html) {
                return null;
            }
            if (document == null) {
                document = Jsoup.parse(fetched.body());
            }
            return document;
        }

        /** Resolves a URL found in the headers or the body against the page; empty unless it is http(s). */
        Optional<URI> resolve(String reference) {
            String resolved = base == null || UrlRules.ambiguousReference(reference) ? null
                    : Urls.resolve(base, reference);
            if (resolved != null && UrlRules.problem(resolved, UrlRules.DEFAULT_MAX_LENGTH) != null) {
                resolved = null;
            }
            return resolved == null ? Optional.empty() : Optional.ofNullable(LinkExtractor.toUri(resolved));
        }
    }
}
