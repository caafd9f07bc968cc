package dev.parley.pingback.send;

import dev.parley.pingback.fetch.internal.UrlRules;
import dev.parley.pingback.verify.internal.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the targets a post links to: the pages a sender notifies when the post is published, updated or deleted.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>every {@code href} of an {@code <a>} or {@code <area>} element counts, in document order; nothing else
 *       does (not {@code <link>}, not {@code src}, not text, not comments, not the inert content of
 *       {@code <template>});</li>
 *   <li>each is resolved against the document's base URL: the first {@code <base href>}, itself resolved against
 *       the post's URL, else the post's URL;</li>
 *   <li>only {@code http} and {@code https} URLs remain (the scheme in any case): {@code mailto:},
 *       {@code javascript:}, {@code tel:} and the like are dropped, and so are hrefs that do not resolve to a URL
 *       (a bad port, user-info, an empty host, malformed escapes);</li>
 *   <li>the fragment is removed; fragment-only hrefs ({@code #comments}) and links to the post itself (the same
 *       URL as {@code source}, fragment ignored) are dropped;</li>
 *   <li>the URLs are normalized (scheme and host lower-case, default port removed, empty path {@code /}, dot
 *       segments removed, spaces and non-ASCII characters percent-encoded as a browser does) and duplicates
 *       merged, keeping the first;</li>
 *   <li>links that URL parsers read differently are dropped, as the fetcher would refuse them: an href holding a
 *       backslash or a control character (browsers read {@code http://a.example\@b.example/} as host
 *       {@code a.example}, others as user-info before {@code b.example}), an http(s) href without its two slashes,
 *       and a resolved URL with user-info, a host that is not a DNS name or IP address, or more than 2,048
 *       characters;</li>
 *   <li>at most {@link #DEFAULT_MAX_TARGETS} targets are returned (or the cap given), the first ones in document
 *       order: a post linking to more pages is treated as linking to those only.</li>
 * </ol>
 *
 * <p>Any HTML is accepted: malformed markup is parsed as a browser would and malformed hrefs are skipped; no input
 * text raises an exception. Stateless and thread-safe.
 */
public final class LinkExtractor {

    /** The documented cap on the targets of one post. */
    public static final int DEFAULT_MAX_TARGETS = 100;

    /** The largest cap that may be asked for. */
    private static final int MAX_TARGETS_LIMIT = 10_000;

    private LinkExtractor() {
    }

    /**
     * Returns the targets a post links to, at most {@link #DEFAULT_MAX_TARGETS}.
     *
     * @param source the post's own URL: the base for relative links, and the self link to drop
     * @param html the post's HTML, a whole page or a fragment
     * @return the distinct absolute http(s) targets in document order, without fragments; immutable
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL
     */
    public static List<URI> extract(URI source, String html) {
        return extract(source, html, DEFAULT_MAX_TARGETS);
    }

    /**
     * Returns the targets a post links to, at most {@code maxTargets}.
     *
     * @param source the post's own URL: the base for relative links, and the self link to drop
     * @param html the post's HTML, a whole page or a fragment
     * @param maxTargets the cap, 1 to 10,000
     * @return the distinct absolute http(s) targets in document order, without fragments; immutable
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code source} is not an absolute http(s) URL or {@code maxTargets} is
     *     out of range
     */
    public static List<URI> extract(URI source, String html, int maxTargets) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(html, "html must not be null");
        if (maxTargets < 1 || maxTargets > MAX_TARGETS_LIMIT) {
            throw new IllegalArgumentException("maxTargets must be 1.." + MAX_TARGETS_LIMIT + ", was " + maxTargets);
        }
        String self = Urls.canonical(source.toString());
        if (self == null) {
            throw new IllegalArgumentException("source must be an absolute http(s) URL, was " + source);
        }
        Document document = Jsoup.parse(html);
        String base = self;
        Element baseElement = HtmlLinks.first(document, element -> element.nameIs("base")
                && element.hasAttr("href"));
        if (baseElement != null) {
            String href = baseElement.attr("href");
            String resolved = UrlRules.ambiguousReference(href) ? null : Urls.resolve(self, href);
            if (resolved != null && UrlRules.problem(resolved, UrlRules.DEFAULT_MAX_LENGTH) == null) {
                base = resolved;
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<URI> targets = new ArrayList<>();
        for (Element element : HtmlLinks.all(document,
                element -> (element.nameIs("a") || element.nameIs("area")) && element.hasAttr("href"))) {
            String href = element.attr("href");
            if (isFragmentOnly(href) || UrlRules.ambiguousReference(href)) {
                continue;
            }
            String resolved = Urls.resolve(base, href);
            if (resolved == null || resolved.equals(self)
                    || UrlRules.problem(resolved, UrlRules.DEFAULT_MAX_LENGTH) != null || !seen.add(resolved)) {
                continue;
            }
            URI uri = toUri(resolved);
            if (uri != null) {
                targets.add(uri);
                if (targets.size() == maxTargets) {
                    break;
                }
            }
        }
        return List.copyOf(targets);
    }

    private static boolean isFragmentOnly(String href) {
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c > ' ') {
                return c == '#';
            }
        }
        return false;
    }

    /** Turns a canonical URL into a URI, or null where {@link URI} is stricter than a browser. */
    static @Nullable URI toUri(String canonical) {
        try {
            URI uri = new URI(canonical);
            return uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
