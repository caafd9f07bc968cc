package dev.parley.pingback.verify.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The one pass over a parsed page: finds the elements that link to the target and notes, on the way, the
 * few landmarks extraction needs (the first {@code <title>}, the first {@code h-entry}, the first {@code
 * h-card} outside every h-entry, and the microformats2 properties of every h-entry and h-card), so no
 * selector or second walk ever runs over the whole document.
 *
 * <p>What counts as a link: the {@code href} of {@code a}, {@code area} and {@code link}, and the {@code src}
 * of {@code img}, {@code video}, {@code audio}, {@code source} and {@code iframe}, resolved against the page
 * base and compared by {@link Urls}. Nothing else does: not other attributes, not text, not comments, not the
 * raw text of {@code script}, {@code style}, {@code textarea} or {@code title} (the parser never makes
 * elements there), and not the inert content of {@code template}. Not thread-safe; one instance per page.
 */
final class PageScan {

    /** More matches than this add nothing to extraction; the rest are ignored. */
    private static final int MAX_MATCHES = 16;

    private final String base;
    private final LinkMatcher matcher;
    private final ArrayDeque<Element> entries = new ArrayDeque<>();
    private final ArrayDeque<Root> roots = new ArrayDeque<>();
    private final Map<Element, Mf2Properties> properties = new IdentityHashMap<>(256);
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

    /** An open microformats2 root and, for h-entry and h-card, the properties found so far. */
    private record Root(Element element, @Nullable Mf2Properties properties) {
    }

    private PageScan(String base, String target) {
        this.base = base;
        this.matcher = new LinkMatcher(base, target);
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
        scan.walk(doc);
        // A <base> in the body still sets the base for the whole page; rare enough to pay a second pass.
        String actual = baseFrom(scan.baseElement, pageUrl);
        if (!actual.equals(base)) {
            scan = new PageScan(actual, target);
            scan.walk(doc);
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

    /**
     * Visits every element in document order without recursion (a hostile nesting depth cannot overflow the
     * stack), skipping text nodes: only elements carry links and classes.
     */
    private void walk(Element root) {
        Element el = root;
        while (el != null) {
            Element child = enter(el) ? el.firstElementChild() : null;
            if (child != null) {
                el = child;
                continue;
            }
            while (el != null) {
                leave(el);
                if (el == root) {
                    return;
                }
                Element sibling = el.nextElementSibling();
                if (sibling != null) {
                    el = sibling;
                    break;
                }
                el = el.parent();
            }
        }
    }

    /** Looks at one element; returns whether to visit its children (not for a template's inert content). */
    private boolean enter(Element el) {
        switch (el.normalName()) {
            case "template":
                return false;
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
        String classes = classes(el);
        if (classes.indexOf('-') >= 0) {
            microformats(el, classes);
        }
        return true;
    }

    /**
     * Records the element's properties on the nearest root (an element's own property classes belong to the
     * root around it, even when the element is itself a root), then opens a root if it is one. Properties
     * are kept for h-entry and h-card roots only; other roots (h-cite, h-feed) just own theirs.
     */
    private void microformats(Element el, String classes) {
        Root owner = roots.peek();
        if (owner != null && owner.properties() != null) {
            owner.properties().take(el, classes);
        }
        if (classes.indexOf("h-") < 0 || !ClassTokens.hasRoot(classes)) {
            return;
        }
        boolean entry = ClassTokens.has(classes, "h-entry");
        boolean card = !entry && ClassTokens.has(classes, "h-card");
        Mf2Properties props = entry || card ? new Mf2Properties() : null;
        roots.push(new Root(el, props));
        if (props != null) {
            properties.put(el, props);
        }
        if (entry) {
            entries.push(el);
            if (firstEntry == null) {
                firstEntry = el;
            }
        } else if (card && pageCard == null && entries.isEmpty()) {
            pageCard = el;
        }
    }

    /**
     * Returns the properties of an h-entry or h-card root, as recorded by the scan.
     *
     * @param root a root element of the scanned page
     * @return its properties (scanned now if the pass did not record them)
     */
    Mf2Properties propertiesOf(Element root) {
        Mf2Properties props = properties.get(root);
        return props != null ? props : Mf2Properties.of(root);
    }

    private void leave(Element el) {
        Root root = roots.peek();
        if (root != null && root.element() == el) {
            roots.pop();
            if (entries.peek() == el) {
                entries.pop();
            }
        }
    }

    private void check(Element el, String attribute) {
        if (matches.size() >= MAX_MATCHES) {
            return;
        }
        // attr() answers "" both for a missing and an empty attribute; only a present empty one is a link.
        String value = el.attr(attribute);
        if (value.isEmpty() ? el.hasAttr(attribute) && matcher.matches("") : matcher.matches(value)) {
            matches.add(new Match(el, entries.peek()));
        }
    }

    /** The class attribute; {@code attr} costs nothing for the many elements without attributes. */
    static String classes(Element el) {
        return el.attr("class");
    }
}
