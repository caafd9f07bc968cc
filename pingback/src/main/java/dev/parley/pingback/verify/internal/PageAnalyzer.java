package dev.parley.pingback.verify.internal;

import dev.parley.pingback.PostType;
import dev.parley.pingback.VerifiedLinkback;
import dev.parley.pingback.verify.SourceReport;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and extracts from one page: one parse, one {@link PageScan} pass, then work proportional to the
 * matched link's block and h-entry only. Stateless and thread-safe.
 *
 * <p>The link that speaks for the page (for the excerpt, title and author) is the first link to the target
 * inside an h-entry's {@code e-content}, else the first inside any h-entry, else the first on the page. The
 * h-entry around it (or the page's own h-entry) gives the content, author, permalink and publication date;
 * the content is bounded plain text, so its cost does not grow with the page.
 */
public final class PageAnalyzer {

    private static final String[] RESPONSE_PROPERTIES = {
        "u-in-reply-to", "u-repost-of", "u-like-of", "u-bookmark-of",
    };
    private static final PostType[] RESPONSE_TYPES = {
        PostType.REPLY, PostType.REPOST, PostType.LIKE, PostType.BOOKMARK,
    };
    /** Ancestor walks stop here; real pages are far shallower. */
    private static final int MAX_WALK = 256;

    private final int excerptContext;

    /**
     * Creates an analyzer.
     *
     * @param excerptContext characters of context on each side of the link in the excerpt
     */
    public PageAnalyzer(int excerptContext) {
        this.excerptContext = excerptContext;
    }

    /**
     * Parses and analyzes a page.
     *
     * @param html the page
     * @param pageUrl the canonical URL the page was fetched from (after redirects)
     * @param target the canonical target URL
     * @return the report
     */
    public SourceReport analyze(String html, String pageUrl, String target) {
        return analyze(Jsoup.parse(html, pageUrl), pageUrl, target);
    }

    /**
     * Analyzes a parsed page.
     *
     * @param doc the page
     * @param pageUrl the canonical URL the page was fetched from (after redirects)
     * @param target the canonical target URL
     * @return the report
     */
    public SourceReport analyze(Document doc, String pageUrl, String target) {
        PageScan scan = PageScan.run(doc, pageUrl, target);
        PageScan.Match primary = primary(scan.matches);
        Element entry = speakingEntry(primary, scan);
        Mf2Properties entryProps = entry != null ? scan.propertiesOf(entry) : null;
        String title = null;
        if (primary != null && primary.entry() != null && entryProps != null) {
            title = entryTitle(entryProps);
        }
        if (title == null && scan.title != null) {
            title = PlainText.of(scan.title, VerifiedLinkback.MAX_TITLE_LENGTH);
        }
        if (title == null || title.isBlank()) {
            title = host(pageUrl);
        }
        String excerpt = primary == null ? ""
                : Excerpts.around(primary.element(), excerptContext, VerifiedLinkback.MAX_EXCERPT_LENGTH);
        return new SourceReport(
                primary != null,
                title,
                excerpt,
                entryProps == null ? "" : content(entryProps),
                Authors.of(entryProps, scan.pageCard, scan),
                postType(scan.matches),
                entryProps == null || entryProps.url == null ? null : Values.url(entryProps.url, scan.base()),
                entryProps == null ? null : Values.dateTime(entryProps.published));
    }

    /**
     * The h-entry that speaks for the page: the innermost one around the link, or the one around that when
     * the innermost is itself the cited post (a {@code u-in-reply-to h-entry} and the like); without a link
     * inside any h-entry, the page's first h-entry when no other root holds it (a permalink page, not a feed).
     */
    private static @Nullable Element speakingEntry(PageScan.@Nullable Match primary, PageScan scan) {
        Element entry = primary != null ? primary.entry() : null;
        if (entry != null) {
            for (int i = 0; i < MAX_WALK && responseIndexOf(entry.attr("class")) < RESPONSE_TYPES.length; i++) {
                Element outer = nearestRoot(entry);
                if (outer == null || !ClassTokens.has(outer.attr("class"), "h-entry")) {
                    break;
                }
                entry = outer;
            }
            return entry;
        }
        Element first = scan.firstEntry;
        return first != null && nearestRoot(first) == null ? first : null;
    }

    /** The entry's own words: its e-content, else its p-summary, else its explicit p-name; empty if none. */
    private static String content(Mf2Properties props) {
        int max = VerifiedLinkback.MAX_CONTENT_LENGTH;
        if (props.content != null) {
            String content = PlainText.of(props.content, max);
            if (!content.isEmpty()) {
                return content;
            }
        }
        if (props.summary != null) {
            String summary = Values.text(props.summary, max);
            if (!summary.isEmpty()) {
                return summary;
            }
        }
        return props.name == null ? "" : Values.text(props.name, max);
    }

    /**
     * Analyzes a {@code text/plain} page: it links to the target when a whitespace-delimited http(s) URL in
     * it (trailing {@code .,;:!?)]}>'"} and leading {@code (<[{'"} trimmed) equals the target. The excerpt is
     * the window around the first such URL; the title is the host; there is no author.
     *
     * @param text the page
     * @param pageUrl the canonical URL the page was fetched from
     * @param target the canonical target URL
     * @return the report
     */
    public SourceReport analyzeText(String text, String pageUrl, String target) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int from = start;
            int to = i;
            while (from < to && "(<[{'\"".indexOf(text.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && ".,;:!?)]}>'\"".indexOf(text.charAt(to - 1)) >= 0) {
                to--;
            }
            if (to - from > 7 && text.regionMatches(true, from, "http", 0, 4)) {
                String url = text.substring(from, to);
                if (target.equals(Urls.canonical(url))) {
                    // Reuses the HTML excerpt rules on a one-paragraph document holding the text and the link.
                    Document doc = Document.createShell(pageUrl);
                    Element paragraph = doc.body().appendElement("p");
                    paragraph.appendText(text.substring(Math.max(0, from - 4 * excerptContext), from));
                    paragraph.appendElement("a").attr("href", url).text(url);
                    paragraph.appendText(text.substring(to, Math.min(n, to + 4 * excerptContext)));
                    SourceReport report = analyze(doc, pageUrl, target);
                    boolean cut = from > 4 * excerptContext;
                    String excerpt = cut && !report.excerpt().startsWith(Excerpts.CUT)
                            ? Excerpts.CUT + " " + report.excerpt() : report.excerpt();
                    return new SourceReport(true, host(pageUrl), PlainText.truncate(excerpt,
                            VerifiedLinkback.MAX_EXCERPT_LENGTH), "", null, PostType.MENTION, null, null);
                }
            }
        }
        return new SourceReport(false, host(pageUrl), "", "", null, PostType.MENTION, null, null);
    }

    private static PageScan.@Nullable Match primary(List<PageScan.Match> matches) {
        PageScan.Match inEntry = null;
        for (PageScan.Match match : matches) {
            Element entry = match.entry();
            if (entry == null) {
                continue;
            }
            if (inContent(match.element(), entry)) {
                return match;
            }
            if (inEntry == null) {
                inEntry = match;
            }
        }
        return inEntry != null ? inEntry : matches.isEmpty() ? null : matches.get(0);
    }

    private static boolean inContent(Element link, Element entry) {
        Element el = link;
        for (int i = 0; el != null && el != entry && i < MAX_WALK; i++, el = el.parent()) {
            if (ClassTokens.has(el.attr("class"), "e-content")) {
                return true;
            }
        }
        return false;
    }

    /** The entry's explicit {@code p-name}, unless it is only the start of its content (a note, not a title). */
    private static @Nullable String entryTitle(Mf2Properties props) {
        Element nameEl = props.name;
        if (nameEl == null) {
            return null;
        }
        String name = Values.text(nameEl, VerifiedLinkback.MAX_TITLE_LENGTH);
        if (name.isBlank()) {
            return null;
        }
        Element content = props.content;
        if (content != null) {
            if (content == nameEl || nameEl.parents().contains(content) || content.parents().contains(nameEl)) {
                return null;
            }
            String stem = name.endsWith("\u2026") ? name.substring(0, name.length() - 1)
                    : name.endsWith("...") ? name.substring(0, name.length() - 3) : name;
            String contentStart = PlainText.of(content, stem.length() + 8);
            if (contentStart.startsWith(stem.strip())) {
                return null;
            }
        }
        return name;
    }

    /** The strongest response property among the links to the target, after Post Type Discovery's order. */
    private static PostType postType(List<PageScan.Match> matches) {
        int best = RESPONSE_TYPES.length;
        for (PageScan.Match match : matches) {
            best = Math.min(best, responseIndex(match.element()));
        }
        return best < RESPONSE_TYPES.length ? RESPONSE_TYPES[best] : PostType.MENTION;
    }

    /**
     * The response property a link carries for an h-entry: on the link itself when the link's nearest root is
     * an h-entry, or on the {@code h-cite} around the link when that cite's nearest root is an h-entry.
     */
    private static int responseIndex(Element link) {
        Element owner = link;
        Element root = nearestRoot(link);
        if (root != null && !ClassTokens.has(root.attr("class"), "h-entry")) {
            int own = responseIndexOf(link.attr("class"));
            if (own < RESPONSE_TYPES.length || !ClassTokens.has(root.attr("class"), "h-cite")) {
                return RESPONSE_TYPES.length;
            }
            owner = root;
            root = nearestRoot(root);
        }
        if (root == null || !ClassTokens.has(root.attr("class"), "h-entry")) {
            return RESPONSE_TYPES.length;
        }
        return responseIndexOf(owner.attr("class"));
    }

    private static @Nullable Element nearestRoot(Element from) {
        Element el = from.parent();
        for (int i = 0; el != null && i < MAX_WALK; i++, el = el.parent()) {
            String classes = el.attr("class");
            if (classes.indexOf("h-") >= 0 && ClassTokens.hasRoot(classes)) {
                return el;
            }
        }
        return null;
    }

    private static int responseIndexOf(String classes) {
        if (classes.indexOf('-') < 0) {
            return RESPONSE_TYPES.length;
        }
        for (int i = 0; i < RESPONSE_PROPERTIES.length; i++) {
            if (ClassTokens.has(classes, RESPONSE_PROPERTIES[i])) {
                return i;
            }
        }
        return RESPONSE_TYPES.length;
    }

    private static String host(String pageUrl) {
        int start = pageUrl.indexOf("://") + 3;
        int end = pageUrl.indexOf('/', start);
        String host = pageUrl.substring(start, end < 0 ? pageUrl.length() : end);
        return PlainText.truncate(host, VerifiedLinkback.MAX_TITLE_LENGTH);
    }
}
